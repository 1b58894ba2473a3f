/**
 * The server half of the plugin kit: what every Qabilet plugin's server shares — its messages bound
 * to its catalogue, the localised refusal and `handle`, the body checks, unique-violation detection,
 * the cabinet's permission grants, the audit log, typed access to other plugins' services, and what is worked out per staff member, kept a few seconds.
 */
export { createMessages, languageOf, type Language, type Messages, type MessagesOptions, type Problem, type Values, type Wording } from './messages';
export { PluginError, NAMES, answer, describe, describeAny, handle, type Handler } from './errors';
export { allowOnly, bodyChecks, objectBody } from './body';
export { isUniqueViolation } from './unique';
export { json, ms } from './rows';
export { grantOnce } from './grants';
export { requestSiteRebuild } from './site-rebuild';
export { audit, type AuditEntry } from './audit';
export { rawBodyOf, signCall, verifyCall, SIGNATURE_TOLERANCE_SECONDS, type SignatureCheck } from './signature';
export { routeConfigs, router, routesOf, type Route, type RouteConfig, type RouteRow } from './routes';
export { servicesOf, siteUrl, type ServicesOf } from './services';
export { tableFile, type TableFile } from './table-file';
export { checkFile, EXTENSIONS, SIGNATURE_BYTES, sniff, type KnownType, type Verdict } from './file-signature';
export { composeParts, partRoutes, type Part, type PartHandler } from './parts';
export { keyQueue, type KeyQueue } from './key-queue';
export { keptPerStaff, listenForStaffChanges } from './staff-kept';
export { isPostgres, listenTo, notify, type Listening } from './pg-listen';
export { followModels } from './follow-models';
