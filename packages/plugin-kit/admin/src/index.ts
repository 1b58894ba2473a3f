/**
 * The admin half of the plugin kit: what every Qabilet plugin's admin pages share. A plugin binds
 * the translation helpers to its id and catalogue once (`pluginTranslations`) and declares its menu
 * links with `pluginAdmin`; its pages load with `useResource`, show refusals with `problemOf` and
 * `ProblemText`, and are laid out with `PluginPage`, `Section`, `DataTable`, `Pager`,
 * `StatusBadge`, `SelectField` and `TextField`.
 */
export { isAbort, pathOf, problemOf, problemOfBody, type ErrorBody, type FieldError, type Problem } from './problem';
export { useResource, type Resource } from './useResource';
export { pluginAdmin, type PageLink } from './pluginAdmin';
export { pluginTranslations, registerTrads, type Catalogue, type CatalogueLoader, type MessageValues, type Translate } from './translations';
export { DataTable } from './components/DataTable';
export { Pager, PAGE_SIZES, type PagerKey } from './components/Pager';
export { PluginPage } from './components/PluginPage';
export { ProblemText } from './components/ProblemText';
export { Section } from './components/Section';
export { SelectField, type Option } from './components/SelectField';
export { StatusBadge, type Tone } from './components/StatusBadge';
export { TextField, type TextFieldProps } from './components/TextField';
