import type { Core } from '@strapi/strapi';
import { requestSiteRebuild } from '@qabilet/plugin-kit/server';
import { EDITORIAL_TYPES, REFERENCE_TYPES } from './types';

/** The content the public site is built from: a change to any of it calls for a rebuild. */
const PUBLIC_TYPES = new Set<string>([...EDITORIAL_TYPES, ...REFERENCE_TYPES]);
// With drafts, only publishing changes what the public sees; without, every save does.
const WITH_DRAFTS = ['publish', 'unpublish', 'delete'];
const WITHOUT_DRAFTS = ['create', 'update', 'delete'];

// Changes within this time make one call (an import of a hundred entries, one rebuild).
const COALESCE_MS = 1000;
// The seed at start-up writes hundreds of entries before the site is even built: no calls then.
let listening = false;

/** Called at the end of bootstrap: from now on, changes to public content call for a rebuild. */
export const startSiteRebuildCalls = (): void => {
  listening = true;
};

/**
 * Tells the site server to rebuild after a change to public content (the kit's requestSiteRebuild,
 * which the stats plugin calls after a snapshot too). Only the content types' names are sent,
 * never an entry, and a failure is logged, never in the editor's way.
 */
export function registerSiteRebuild(strapi: Core.Strapi): void {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();

  const call = () => {
    timer = undefined;
    const models = [...changed];
    changed.clear();
    void requestSiteRebuild(strapi, models);
  };

  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!listening || !PUBLIC_TYPES.has(context.uid)) return result;
    const drafts = Boolean(strapi.contentType(context.uid).options?.draftAndPublish);
    if (!(drafts ? WITH_DRAFTS : WITHOUT_DRAFTS).includes(context.action)) return result;
    changed.add(context.uid);
    if (!timer) {
      timer = setTimeout(call, COALESCE_MS);
      timer.unref();
    }
    return result;
  });
}
