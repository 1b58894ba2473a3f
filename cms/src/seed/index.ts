import type { Core } from '@strapi/strapi';
import { ensureLocales } from './locales';
import { seedRegions, seedLocalities } from './regions';
import { seedCentres } from './centres';
import { grantCabinet, grantPublicRead, grantPublicContentRead } from './permissions';
import { seedSuperAdmin } from './admin';
import { arrangeAdminLists, CONTENT_LAYOUTS, REFERENCE_LAYOUTS, TEST_COMPONENT_TITLES, TEST_LAYOUTS, titleComponentEntries } from './admin-layout';
import { configureAccounts } from './account-settings';
import { ensureStaffRoles, grantAssessmentToRoles, grantBookingToRoles, grantCrmToRoles, grantStatsToRoles, grantTalentToRoles } from '../staff/roles';
import { seedDemoStaff } from '../staff/demo';
import { grantPartnersToRoles } from '../staff/partners-roles';
import { seedDemoPartners } from './demo-partners';
import { seedDemoTalent } from './demo-talent';
import { seedConsentText } from './consent-text';
import { seedCatalogue } from './catalogue';
import { seedEditorial } from './editorial';
import { seedAssessments } from './assessments';

/** Steps that run once per database, so that what staff later change or delete stays so. */
const ONCE = [
  'public-read',
  'centres',
  'admin-lists',
  'accounts',
  'cabinet',
  'content-read',
  'catalogue',
  'assessments',
  'editorial',
  'content-lists',
  'component-titles',
  'test-layouts',
] as const;

/**
 * Runs on every start. Reference data (locales, regions, localities) is completed when missing;
 * demo data and default permissions are applied once and remembered in the core store.
 */
export async function seed(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'qabilet', key: 'seed' });
  const done = new Set<string>(((await store.get()) as string[] | null) ?? []);

  await ensureLocales(strapi);
  const regions = await strapi.db.transaction(() => seedRegions(strapi));
  await strapi.db.transaction(() => seedLocalities(strapi, regions));
  await seedConsentText(strapi);
  for (const step of ONCE) {
    if (done.has(step)) continue;
    if (step === 'public-read') await grantPublicRead(strapi);
    if (step === 'centres') await seedCentres(strapi, regions);
    if (step === 'admin-lists') await arrangeAdminLists(strapi, REFERENCE_LAYOUTS);
    if (step === 'accounts') await configureAccounts(strapi);
    if (step === 'cabinet') await grantCabinet(strapi);
    if (step === 'content-read') await grantPublicContentRead(strapi);
    // One transaction each: hundreds of entries, one commit.
    if (step === 'catalogue') await strapi.db.transaction(() => seedCatalogue(strapi, regions));
    // Not in one transaction: publishing a test makes its version through plain SQL beside it.
    if (step === 'assessments') await seedAssessments(strapi);
    if (step === 'editorial') await seedEditorial(strapi);
    if (step === 'content-lists') await arrangeAdminLists(strapi, CONTENT_LAYOUTS);
    if (step === 'component-titles') await titleComponentEntries(strapi);
    if (step === 'test-layouts') {
      await arrangeAdminLists(strapi, TEST_LAYOUTS);
      await titleComponentEntries(strapi, TEST_COMPONENT_TITLES);
    }
    done.add(step);
    await store.set({ value: [...done] });
  }
  const roles = await ensureStaffRoles(strapi);
  await seedSuperAdmin(strapi);
  if (process.env.SEED_DEMO === 'true') await seedDemoStaff(strapi, roles);
  // The booking plugin: permissions for roles made before it, holidays, centres' policies, and
  // (once) demo specialists; it runs last because it needs the centres and the demo staff.
  for (const step of ['booking-roles', 'crm-roles', 'assessment-roles', 'partners-roles', 'talent-roles', 'stats-roles', 'booking-demo'] as const) {
    if (step === 'booking-roles' && !done.has(step)) await grantBookingToRoles(strapi, roles);
    if (step === 'crm-roles' && !done.has(step)) await grantCrmToRoles(strapi, roles);
    if (step === 'assessment-roles' && !done.has(step)) await grantAssessmentToRoles(strapi, roles);
    if (step === 'partners-roles' && !done.has(step)) await grantPartnersToRoles(strapi, roles);
    if (step === 'talent-roles' && !done.has(step)) await grantTalentToRoles(strapi, roles);
    if (step === 'stats-roles' && !done.has(step)) await grantStatsToRoles(strapi, roles);
    if (step === 'booking-demo')
      await strapi
        .plugin('booking')
        .service('seed')
        .run({ demo: !done.has(step) });
    done.add(step);
  }
  // A demo pupil found a talent by two high results, seen by the demo specialist (issue 18), once.
  if (process.env.SEED_DEMO === 'true' && !done.has('talent-demo')) {
    await seedDemoTalent(strapi);
    done.add('talent-demo');
  }
  // The demo partners of `npm start`, once (and only when their local servers' addresses are given).
  if (process.env.SEED_DEMO === 'true' && !done.has('partners-demo') && (await seedDemoPartners(strapi))) done.add('partners-demo');
  await store.set({ value: [...done] });
}
