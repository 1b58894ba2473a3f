/**
 * The admin half of the plugin kit: what every Qabilet plugin's admin pages share. A plugin binds
 * the translation helpers to its id and catalogue once (`pluginTranslations`) and declares its menu
 * links with `pluginAdmin`; its pages load with `useResource` and show the result (or the loader,
 * the refusal, the empty state) with `ResourceState`, other refusals with `problemOf` and
 * `ProblemText`, and are laid out with `PluginPage`, `Section`, `DataTable`, `Pager`,
 * `StatusBadge`, `SelectField` and `TextField`; forms with `TitledForm`, filter forms with
 * `FilterForm` and `useFilterDraft`, confirmations with `DialogFooter` and views with `PageTabs`.
 * Their API modules build queries with `queryOf` and read the public Content API with `getPublic`.
 * Home-page widgets are declared with the menu links in `pluginAdmin`. Charts come from
 * `@qabilet/plugin-kit/admin/chart` (kept apart so that ECharts loads with the pages that draw them).
 */
export { isAbort, pathOf, problemOf, problemOfBody, type ErrorBody, type FieldError, type Problem } from './problem';
export { backendURL, catalogueLocale, CATALOGUE_LOCALES, getPublic, queryOf, type CatalogueLocale } from './http';
export { useResource, type Resource } from './useResource';
export { pluginAdmin, type HomeWidget, type PageLink } from './pluginAdmin';
export { pluginTranslations, registerTrads, type Catalogue, type CatalogueLoader, type MessageValues, type Translate } from './translations';
export { DataTable } from './components/DataTable';
export { DialogFooter } from './components/DialogFooter';
export { PageTabs, type PageTab } from './components/PageTabs';
export { Pager, PAGE_SIZES, type PagerKey, type Paging } from './components/Pager';
export { PluginPage } from './components/PluginPage';
export { ProblemText } from './components/ProblemText';
export { Section } from './components/Section';
export { SelectField, type Option } from './components/SelectField';
export { StatusBadge, type Tone } from './components/StatusBadge';
export { TextField, type TextFieldProps } from './components/TextField';
export { TitledForm } from './components/TitledForm';
export { fetchFile, fileNameOf, saveFile } from './download';
export { useRegions, type Region } from './regions';
export { FormDialog } from './components/FormDialog';
export { ExportDialog, type ExportKey, type ExportQuery } from './components/ExportDialog';
export { FilterForm, useFilterDraft, type FilterValues } from './components/FilterForm';
export { ResourceState } from './components/ResourceState';
