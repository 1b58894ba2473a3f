/** The audit log (the CMS's audit-event content type): who viewed, exported or changed personal data. */
import type { Core } from '@strapi/strapi';

export type AuditEntry = {
  actorType: 'user' | 'admin' | 'system';
  actorId?: string | number;
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
};

/** Records one entry: ids only, never the data. */
export async function audit(strapi: Core.Strapi, entry: AuditEntry): Promise<void> {
  await strapi.db.query('api::audit-event.audit-event').create({
    data: {
      ...entry,
      actorId: entry.actorId === undefined ? undefined : String(entry.actorId),
      subjectId: entry.subjectId === undefined ? undefined : String(entry.subjectId),
    },
  });
}
