/**
 * "Add a partner". Once the server has added it, the partner's own page opens, and shows its secret
 * (for a callback or a desktop partner) this once.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { BackButton } from '@strapi/strapi/admin';
import { PluginPage, problemOf } from '@qabilet/plugin-kit/admin';
import { usePartnersApi } from '../api';
import { PartnerForm } from '../components/PartnerForm';
import { PLUGIN_ID } from '../pluginId';
import { emptyDraft, inputOf } from '../utils/draft';
import { useT } from '../utils/translations';
import { partnerHref } from './PartnersPage';

/** What the partner's page is handed once, right after it was added. */
export type Created = { secret: string | null };

export function NewPartnerPage() {
  const t = useT();
  const api = usePartnersApi();
  const navigate = useNavigate();
  const [initial] = useState(() => emptyDraft('lti'));

  return (
    <PluginPage navigationAction={<BackButton fallback={`/plugins/${PLUGIN_ID}`} />} title={t('new.title')} subtitle={t('new.subtitle')}>
      <PartnerForm
        prefix="partners-new"
        title={t('new.form')}
        initial={initial}
        submitLabel={t('new.submit')}
        onSubmit={async (draft) => {
          try {
            const created = await api.create(inputOf(draft));
            const state: Created = { secret: created.secret };
            navigate(partnerHref(created.data.id), { state });
            return undefined;
          } catch (error) {
            return problemOf(error, t('error.generic'));
          }
        }}
      />
    </PluginPage>
  );
}
