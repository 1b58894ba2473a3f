/**
 * The configurations a plugin's routes name (every route names its policies): `can(...actions)`,
 * behind the admin permissions `plugin::<plugin>.<action>` (any one of them); `user`, for the
 * users-permissions role the plugin grants its actions to; `open`, no session at all (the route
 * checks a signature, token or key itself, or serves what is public).
 */
export const routeConfigs = (plugin: string) => ({
  can: (...actions: string[]) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: actions.map((a) => `plugin::${plugin}.${a}`) } }] }),
  user: { policies: [] as never[] },
  open: { auth: false as const, policies: [] as never[] },
});
