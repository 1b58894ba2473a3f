/**
 * Which centres' desktop test databases a staff member may import from and review (never decided
 * by the request): a specialist their own centre's, a regional coordinator those of the centres
 * serving their regions (the registry's scope, the crm plugin's `scope` service). Every other role has none: the
 * partners' configuration is the super admin's, the people's results the centres'.
 */
import type { Core } from '@strapi/strapi';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { CrmServices } from '@qabilet/strapi-plugin-crm/strapi-server';
import { PartnersError } from './errors';
import { partnerOf, type DesktopConfig, type PartnerRow } from './store';
import { PARTNERS } from './tables';

type AdminUser = { id: number; roles?: Array<{ code: string }> };
export type DesktopScope = { adminId: number; centres: string[] };

export async function desktopScope(strapi: Core.Strapi, user: AdminUser): Promise<DesktopScope> {
  const scope = await servicesOf<CrmServices>(strapi, 'crm')('scope').of(user);
  if (scope.role === 'specialist' && scope.centre) return { adminId: user.id, centres: [scope.centre] };
  if (scope.role === 'coordinator' && scope.centres.length) return { adminId: user.id, centres: scope.centres };
  throw new PartnersError(403, { code: 'desktop.noScope' });
}

export const centreOf = (partner: PartnerRow) => (partner.config as DesktopConfig).centre;
export const inScope = (scope: DesktopScope, partner: PartnerRow) => partner.kind === 'desktop' && scope.centres.includes(centreOf(partner));

/** The desktop partners of the centres in scope. */
export async function partnersInScope(strapi: Core.Strapi, scope: DesktopScope): Promise<PartnerRow[]> {
  const rows = await strapi.db.connection(PARTNERS).where({ kind: 'desktop' }).orderBy('name').orderBy('id');
  return rows.map(partnerOf).filter((p: PartnerRow) => inScope(scope, p));
}

/** The partner named by the route: not found unless a desktop partner; refused when outside the scope. */
export async function partnerInScope(strapi: Core.Strapi, scope: DesktopScope, idInput: unknown): Promise<PartnerRow> {
  const id = Number(idInput);
  const row = Number.isSafeInteger(id) && id > 0 ? await strapi.db.connection(PARTNERS).where({ id, kind: 'desktop' }).first() : undefined;
  if (!row) throw new PartnersError(404, { code: 'partner.unknown' });
  const partner = partnerOf(row);
  if (!inScope(scope, partner)) throw new PartnersError(403, { code: 'desktop.outOfScope' });
  return partner;
}
