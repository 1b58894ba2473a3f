/**
 * The taker's routes under /api/assessment (users-permissions: the authenticated role; the
 * controllers keep each user to their own attempts and children) and the staff's under
 * /assessment, each behind an admin permission (the scope within it comes from staff.ts).
 */
import { routeConfigs, router } from '@qabilet/plugin-kit/server';

const { can, user } = routeConfigs('assessment');

export default {
  'content-api': router('content-api', [
    ['GET /tests', 'public.tests', user],
    ['POST /attempts', 'public.start', user],
    ['GET /attempts/:id', 'public.get', user],
    ['POST /attempts/:id/answers', 'public.answers', user],
    ['POST /attempts/:id/finish', 'public.finish', user],
    ['GET /attempts/:id/result', 'public.result', user],
    ['GET /statements/:id', 'public.statement', user],
    ['GET /profile', 'public.profile', user],
    ['GET /fit/:profession', 'public.fit', user],
    ['GET /preferences', 'public.preferences', user],
    ['PUT /preferences', 'public.setPreferences', user],
  ]),
  admin: router('admin', [
    ['GET /people', 'admin.people', can('read')],
    ['GET /people/:kind/:id', 'admin.card', can('read')],
    ['POST /people/:kind/:id/notes', 'admin.addNote', can('recommend')],
  ]),
};

/** What the authenticated role may call. */
export const USER_ACTIONS = ['tests', 'start', 'get', 'answers', 'finish', 'result', 'statement', 'profile', 'fit', 'preferences', 'setPreferences'].map(
  (a) => `plugin::assessment.public.${a}`,
);
