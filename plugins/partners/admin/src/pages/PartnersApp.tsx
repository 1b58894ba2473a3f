/** The Partners pages under `plugins/partners`: the list, the form to add one, and one partner. */
import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { NewPartnerPage } from './NewPartnerPage';
import { PartnerPage } from './PartnerPage';
import { PartnersPage } from './PartnersPage';

export function PartnersApp() {
  return (
    <Routes>
      <Route index element={<PartnersPage />} />
      <Route path="new" element={<NewPartnerPage />} />
      <Route path=":id" element={<PartnerPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
}
