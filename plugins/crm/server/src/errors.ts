/**
 * A refusal of the registry: the plugin kit's localised error, worded by this plugin's catalogue.
 * The kit's `handle` answers it, and the booking plugin's refusals (a slot taken while an operator
 * books it) in that plugin's words.
 */
import type { FieldProblem } from '@qabilet/domain';
import { bodyChecks, describeAny, handle, PluginError, type Problem as KitProblem } from '@qabilet/plugin-kit/server';
import { messages, type MessageKey } from './messages';

export type Problem = KitProblem<MessageKey>;

export class CrmError extends PluginError<MessageKey> {
  constructor(status: number, problems: Problem[] | Problem) {
    super(messages, status, problems);
  }
}

export const invalid = (problems: Problem[] | Problem) => new CrmError(400, problems);
export const notFound = () => new CrmError(404, { code: 'request.notFound' });
export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);
/** Domain checks name their problems with codes of this catalogue. */
export const fromDomain = (problems: FieldProblem[]): Problem[] => problems.map((p) => ({ ...p, code: p.code as MessageKey }));

/** A refusal's message for people (ours or another plugin's), or undefined for anything else. */
export const describe = describeAny;
export { handle };
