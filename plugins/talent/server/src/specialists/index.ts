/**
 * The specialist card (R-OUT): the booking plugin's specialists within the staff member's scope,
 * each with their personal data (as their staff profile holds them), their private documents, the
 * people they consulted and their journal's figures; the documents uploaded, served and removed
 * through a permission check, every view audited; the consulted people exported for the psychologist.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { DOCUMENT_TYPES, isLanguage, type SpecialistCard, type SpecialistList } from '@qabilet/domain';
import { audit, handle, routeConfigs } from '@qabilet/plugin-kit/server';
import type { Part } from '../part';
import { adminOf, knownOnly, refuse } from '../admin';
import { languageOf } from '../messages';
import { talentScope } from '../scope';
import { assertExport, assertWrite, cardInScope, reachable, type CardAccess } from './access';
import { documentOf, listDocuments, maxBytes, readUpload, removeDocument, storeDocument } from './documents';
import { consultedBy, exportConsulted } from './people';
import { centreNames, journalEntries, removeOrphans, specialists, type SpecialistRecord } from './sources';
import { DOCUMENTS, ensureDocumentTables } from './tables';
import { SPECIALIST } from '../sources';

const { can: allowed } = routeConfigs('talent');

const itemOf = (s: SpecialistRecord, names: Map<string, string>, adminId: number) => ({
  id: s.id,
  name: s.name,
  position: s.position,
  centre: { slug: s.centre, name: names.get(s.centre) ?? s.centre },
  region: s.region,
  mine: s.adminId === adminId,
});

/**
 * A private file as a download: never cached, never sniffed into another type, under a safe name
 * (safeDocumentName and the export's own name are letters, digits, dots and dashes only).
 */
function sendPrivate(ctx: Context, filename: string, type: string, body: Buffer) {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  ctx.type = type;
  ctx.body = body;
}

const part: Part = {
  name: 'specialists',
  actions: { specialists: 'See specialist cards and their private documents (own card; coordinators: their region; curator: read-only)' },
  tables: ensureDocumentTables,
  async bootstrap(strapi: Core.Strapi) {
    // A specialist deleted in the booking plugin takes their documents along.
    const sweep = async () => void (await removeOrphans(strapi, DOCUMENTS));
    strapi.db.lifecycles.subscribe({ models: [SPECIALIST], afterDelete: sweep, afterDeleteMany: sweep } as never);
    await sweep();
  },
  admin: [
    ['GET /specialists', 'list', allowed('specialists')],
    ['GET /specialists/:id', 'card', allowed('specialists')],
    ['GET /specialists/:id/people-export', 'export', allowed('specialists')],
    ['POST /specialists/:id/documents', 'upload', allowed('specialists')],
    ['GET /specialists/:id/documents/:document', 'document', allowed('specialists')],
    ['DELETE /specialists/:id/documents/:document', 'remove', allowed('specialists')],
  ],
  controllers: (strapi) => {
    /** The staff member's scope and the card they asked for (404 when out of it). */
    const access = async (ctx: Context) => {
      const scope = await talentScope(strapi, adminOf(ctx));
      return { scope, card: await cardInScope(strapi, scope, ctx.params.id) };
    };
    const record = (scope: { adminId: number }, card: CardAccess, action: string, details?: Record<string, unknown>) =>
      audit(strapi, {
        actorType: 'admin',
        actorId: scope.adminId,
        action: `talent.specialists.${action}`,
        subjectType: 'specialist',
        subjectId: card.specialist.id,
        details,
      });

    return {
      list: handle(async (ctx) => {
        refuse(knownOnly(ctx.query as Record<string, unknown>, ['locale']));
        const scope = await talentScope(strapi, adminOf(ctx));
        const found = await specialists(strapi, reachable(scope));
        const names = await centreNames(strapi, [...new Set(found.map((s) => s.centre))], languageOf(ctx));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: found.map((s) => itemOf(s, names, scope.adminId)) } satisfies SpecialistList;
      }),
      card: handle(async (ctx) => {
        refuse(knownOnly(ctx.query as Record<string, unknown>, ['locale']));
        const { scope, card } = await access(ctx);
        const s = card.specialist;
        const [names, documents, consulted] = await Promise.all([
          centreNames(strapi, [s.centre], languageOf(ctx)),
          listDocuments(strapi, s.id),
          consultedBy(strapi, scope, s),
        ]);
        await record(scope, card, 'view', { documents: documents.length, people: consulted.people.length });
        ctx.set('Cache-Control', 'no-store');
        ctx.body = {
          data: {
            ...itemOf(s, names, scope.adminId),
            email: s.email,
            active: s.active,
            documents,
            consulted: consulted.people.map(({ row: _row, ...person }) => person),
            journal: { completed: consulted.completed, entries: await journalEntries(strapi, consulted.bookingIds) },
            can: { upload: card.write, remove: card.write, export: card.export },
            limits: { types: [...DOCUMENT_TYPES], maxBytes: maxBytes(strapi) },
          } satisfies SpecialistCard,
        };
      }),
      export: handle(async (ctx) => {
        const query = ctx.query as Record<string, unknown>;
        const problems = knownOnly(query, ['file', 'locale']);
        if (query.file !== 'xlsx' && query.file !== 'csv') problems.push({ field: 'file', code: 'export.file' });
        refuse(problems);
        const { scope, card } = await access(ctx);
        assertExport(card);
        const language = isLanguage(query.locale) ? query.locale : languageOf(ctx);
        const consulted = await consultedBy(strapi, scope, card.specialist);
        const file = await exportConsulted(strapi, consulted, card.specialist, query.file as 'xlsx' | 'csv', language, new Date());
        await record(scope, card, 'peopleExport', { file: query.file, rows: file.rows });
        sendPrivate(ctx, file.filename, file.type, file.body);
      }),
      upload: handle(async (ctx) => {
        const { scope, card } = await access(ctx);
        assertWrite(card);
        const upload = await readUpload(ctx, maxBytes(strapi), new Date().getFullYear());
        const document = await storeDocument(strapi, card.specialist.id, upload, scope.adminId, Date.now());
        await record(scope, card, 'documentUpload', { document: document.id, kind: document.kind, type: document.type, size: document.size });
        ctx.status = 201;
        ctx.body = { data: document };
      }),
      document: handle(async (ctx) => {
        refuse(knownOnly(ctx.query as Record<string, unknown>, ['locale']));
        const { scope, card } = await access(ctx);
        const document = await documentOf(strapi, card.specialist.id, ctx.params.document);
        await record(scope, card, 'documentView', { document: document.id, kind: document.kind });
        sendPrivate(ctx, document.filename, document.type, document.bytes);
      }),
      remove: handle(async (ctx) => {
        const { scope, card } = await access(ctx);
        assertWrite(card);
        const document = await documentOf(strapi, card.specialist.id, ctx.params.document);
        await removeDocument(strapi, card.specialist.id, document.id);
        await record(scope, card, 'documentDelete', { document: document.id, kind: document.kind });
        ctx.status = 204;
        ctx.body = null;
      }),
    };
  },
};

export default part;
