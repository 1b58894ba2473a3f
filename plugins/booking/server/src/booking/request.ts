/**
 * The shape every request body of the plugin must have, before its fields are read: the plugin
 * kit's checks (one `body.notObject`, and `field.notAllowed` per field a body may not carry), worded
 * by this plugin's catalogue.
 */
import { bodyChecks } from '@qabilet/plugin-kit/server';
import { invalid } from '../errors';
import type { MessageKey } from '../messages';

export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);
