/**
 * The taker's routes under /api/assessment (users-permissions: the authenticated role; the
 * controllers keep each user to their own attempts and children) and the staff's under
 * /assessment, each behind an admin permission (the scope within it comes from staff.ts).
 */
import { routeConfigs } from '@qabilet/plugin-kit/server';

const { can, user } = routeConfigs('assessment');

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/tests', handler: 'public.tests', config: user },
      { method: 'POST', path: '/attempts', handler: 'public.start', config: user },
      { method: 'GET', path: '/attempts/:id', handler: 'public.get', config: user },
      { method: 'POST', path: '/attempts/:id/answers', handler: 'public.answers', config: user },
      { method: 'POST', path: '/attempts/:id/finish', handler: 'public.finish', config: user },
      { method: 'GET', path: '/attempts/:id/result', handler: 'public.result', config: user },
      { method: 'GET', path: '/statements/:id', handler: 'public.statement', config: user },
      { method: 'GET', path: '/profile', handler: 'public.profile', config: user },
      { method: 'GET', path: '/fit/:profession', handler: 'public.fit', config: user },
      { method: 'GET', path: '/preferences', handler: 'public.preferences', config: user },
      { method: 'PUT', path: '/preferences', handler: 'public.setPreferences', config: user },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/people', handler: 'admin.people', config: can('read') },
      { method: 'GET', path: '/people/:kind/:id', handler: 'admin.card', config: can('read') },
      { method: 'POST', path: '/people/:kind/:id/notes', handler: 'admin.addNote', config: can('recommend') },
    ],
  },
};

/** What the authenticated role may call. */
export const USER_ACTIONS = ['tests', 'start', 'get', 'answers', 'finish', 'result', 'statement', 'profile', 'fit', 'preferences', 'setPreferences'].map(
  (a) => `plugin::assessment.public.${a}`,
);
