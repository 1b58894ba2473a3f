/** The plugin's pages under `plugins/assessment`: the people of one's scope, and one person's card. */
import { Route, Routes } from 'react-router-dom';
import { Page } from '@strapi/strapi/admin';
import { CardPage } from './CardPage';
import { PeoplePage } from './PeoplePage';

export function App() {
  return (
    <Routes>
      <Route index element={<PeoplePage />} />
      <Route path="people/:kind/:id" element={<CardPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  );
}
