/**
 * A refusal of the assessment API: the plugin kit's localised error, worded by this plugin's
 * catalogue. The kit's `handle` answers it, and the booking plugin's consent refusals (the same
 * gate as for bookings) in that plugin's words.
 */
import { bodyChecks, handle, PluginError, type Problem as KitProblem } from '@qabilet/plugin-kit/server';
import { messages, type MessageKey } from './messages';

export type Problem = KitProblem<MessageKey>;

export class AssessmentError extends PluginError<MessageKey> {
  constructor(status: number, problems: Problem[] | Problem) {
    super(messages, status, problems);
  }
}

export const invalid = (problems: Problem[] | Problem) => new AssessmentError(400, problems);
export const conflict = (problems: Problem[] | Problem) => new AssessmentError(409, problems);
export const unknownAttempt = () => new AssessmentError(404, { code: 'attempt.unknown' });
export const unknownPerson = () => new AssessmentError(404, { code: 'person.unknown' });

/** Only the named fields in a body or query; the body an object (`body.notObject`). */
export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);
export { handle };
