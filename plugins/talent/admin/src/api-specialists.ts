/**
 * The specialist card's admin HTTP API as typed calls (the shapes are packages/domain's contracts):
 * the cards in scope, one card, its documents — uploaded as a multipart form, fetched as blobs
 * (the admin's token is a header, never a cookie, so a plain link could not open them) — and the
 * consulted people's export.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { fetchFile, queryOf } from '@qabilet/plugin-kit/admin';
import type { DocumentKind, SpecialistCard, SpecialistDocument, SpecialistList } from '@qabilet/domain';

export type { ConsultedPerson, DocumentKind, SpecialistCard, SpecialistDocument, SpecialistListItem } from '@qabilet/domain';
export { CREDENTIAL_KINDS, DOCUMENT_KINDS } from '@qabilet/domain';

export type DocumentForm = { kind: DocumentKind | ''; title: string; issuer: string; year: string; file: File | null };

export function useSpecialistsApi() {
  const { get, post, del } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    const base = (id: number) => `/talent/specialists/${id}`;
    return {
      list: async () => (await get<SpecialistList>('/talent/specialists', options)).data.data,
      card: async (id: number) => (await get<{ data: SpecialistCard }>(base(id), options)).data.data,
      upload: async (id: number, form: DocumentForm) => {
        const body = new FormData();
        body.append('kind', form.kind);
        if (form.title) body.append('title', form.title);
        if (form.issuer) body.append('issuer', form.issuer);
        if (form.year) body.append('year', form.year);
        if (form.file) body.append('file', form.file, form.file.name);
        return (await post<{ data: SpecialistDocument }>(`${base(id)}/documents`, body, options)).data.data;
      },
      document: (id: number, document: SpecialistDocument) =>
        fetchFile(get, `${base(id)}/documents/${document.id}`, { ...options, params: '' }, document.filename),
      remove: async (id: number, document: number) => {
        await del(`${base(id)}/documents/${document}`, options);
      },
      exportPeople: (id: number, file: 'xlsx' | 'csv') =>
        fetchFile(get, `${base(id)}/people-export`, { ...options, params: queryOf({ file, locale }) }, `people.${file}`),
    };
  }, [get, post, del, locale]);
}
