import type { Core, UID } from '@strapi/strapi';

/**
 * updateMany whose filter goes through a relation: Strapi's own updateMany loses the data when the
 * filter needs a join (knex gets an update of nothing), so select the ids first.
 */
export async function updateWhere(strapi: Core.Strapi, uid: UID.Schema, where: Record<string, unknown>, data: Record<string, unknown>): Promise<number> {
  const rows = await strapi.db.query(uid).findMany({ where, select: ['id'] });
  if (!rows.length) return 0;
  await strapi.db.query(uid).updateMany({ where: { id: { $in: rows.map((r: { id: number }) => r.id) } }, data });
  return rows.length;
}
