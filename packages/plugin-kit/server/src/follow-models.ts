/**
 * Database lifecycles of some models, by what happened to their rows: `written` after a create or
 * an update (one or many), `deleted` after a delete (one or many), `beforeDelete` before one (while
 * the rows still say whose they were), `changed` after any write at all, bulk creates included
 * (for what only needs to know that something changed). Strapi's subscriber wants each hook named;
 * this names them.
 */
import type { Core } from '@strapi/strapi';

type Hook = (event: never) => void;

export function followModels(strapi: Core.Strapi, models: string[], hooks: { written?: Hook; deleted?: Hook; beforeDelete?: Hook; changed?: Hook }): void {
  const { written, deleted, beforeDelete, changed } = hooks;
  strapi.db.lifecycles.subscribe({
    models,
    ...(written ? { afterCreate: written, afterUpdate: written, afterUpdateMany: written } : {}),
    ...(deleted ? { afterDelete: deleted, afterDeleteMany: deleted } : {}),
    ...(beforeDelete ? { beforeDelete, beforeDeleteMany: beforeDelete } : {}),
  } as never);
  if (changed)
    strapi.db.lifecycles.subscribe({
      models,
      afterCreate: changed,
      afterCreateMany: changed,
      afterUpdate: changed,
      afterUpdateMany: changed,
      afterDelete: changed,
      afterDeleteMany: changed,
    } as never);
}
