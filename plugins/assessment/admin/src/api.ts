/**
 * The assessments' admin HTTP API (README "Admin API") as typed calls. Every request names the
 * admin's language, so that the server's texts (scale names, explanations, messages) come back in
 * the language the page is shown in.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { catalogueLocale, getPublic, queryOf } from '@qabilet/plugin-kit/admin';
import type { AssessedPerson, NoteView, PeoplePage, PersonCardView } from '@qabilet/domain';

/** What the API sends (packages/domain/src/assessment-view.ts), by the names the pages use. */
export type {
  AssessedPerson as Person,
  Level,
  NoteView as Note,
  PersonCardView as Card,
  ProfileView as Profile,
  RecommendationView as Recommendation,
  ResultSource as Source,
  ResultView as Result,
  ScaleResultView as ScaleResult,
  StatementView as ExternalResult,
} from '@qabilet/domain';
export type PersonKind = AssessedPerson['kind'];
export const PERSON_KINDS: readonly PersonKind[] = ['user', 'child'];

export type PeopleMeta = PeoplePage['meta'];
export type NewNote = { text: string; professions: string[] };
/** A catalogue profession found by the free search of the note form. */
export type ProfessionHit = { slug: string; name: string };

export const personPath = (kind: PersonKind, id: number | string) => `/assessment/people/${encodeURIComponent(kind)}/${encodeURIComponent(String(id))}`;

export function useAssessmentApi() {
  const { get, post } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      people: async (page: number, pageSize: number) => (await get<PeoplePage>('/assessment/people', { ...options, params: queryOf({ page, pageSize }) })).data,
      card: async (kind: PersonKind, id: string) => (await get<{ data: PersonCardView }>(personPath(kind, id), options)).data.data,
      addNote: async (kind: PersonKind, id: string, body: NewNote) =>
        (await post<{ data: NoteView }>(`${personPath(kind, id)}/notes`, body, options)).data.data,
      /**
       * Professions of the public catalogue whose name or slug contains `text` (the public Content
       * API, as the site reads it: no admin token, it is not the admin's API).
       */
      professions: async (text: string, signal?: AbortSignal): Promise<ProfessionHit[]> => {
        const query = new URLSearchParams({
          'filters[$or][0][name][$containsi]': text,
          'filters[$or][1][slug][$containsi]': text,
          'fields[0]': 'slug',
          'fields[1]': 'name',
          locale: catalogueLocale(locale),
          sort: 'name',
          'pagination[pageSize]': '8',
        });
        const { ok, body } = await getPublic<{ data?: ProfessionHit[] }>('professions', query.toString(), { signal });
        return (ok ? (body.data ?? []) : []).map(({ slug, name }) => ({ slug, name }));
      },
    };
  }, [get, post, locale]);
}
