/**
 * A refusal of the partners API: the plugin kit's localised error, worded by this plugin's
 * catalogue. The kit's `handle` answers it, and the booking and assessment plugins' refusals (the
 * consent gate, an unknown child or person) in those plugins' words.
 */
import { bodyChecks, handle as answerRefusals, PluginError, type Handler, type Problem as KitProblem } from '@qabilet/plugin-kit/server';
import { messages, type MessageKey } from './messages';

export type Problem = KitProblem<MessageKey>;

export class PartnersError extends PluginError<MessageKey> {
  constructor(status: number, problems: Problem[] | Problem) {
    super(messages, status, problems);
  }
}

export const invalid = (problems: Problem[] | Problem) => new PartnersError(400, problems);
export const conflict = (problems: Problem[] | Problem) => new PartnersError(409, problems);
export const unknownPerson = () => new PartnersError(404, { code: 'person.unknown' });
export const unknownPartner = () => new PartnersError(404, { code: 'partner.unknown' });

/** The assessment plugin's refusals (an unknown child or person) in this plugin's words, as partners has always answered them. */
const reworded = (error: unknown) =>
  error instanceof PluginError && error.wording.plugin === 'assessment' ? new PartnersError(error.status, error.problems as Problem[]) : error;

/** The kit's `handle`, with the assessment plugin's refusals reworded (above). */
export const handle = (fn: Handler): Handler =>
  answerRefusals(async (ctx) => {
    try {
      await fn(ctx);
    } catch (error) {
      throw reworded(error);
    }
  });

/** Only the named fields in a body or query; the body an object (`body.notObject`). */
export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);
