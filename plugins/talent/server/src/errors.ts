/** A refusal of the registry's API: the plugin kit's localised error, worded by this plugin's catalogue. */
import { bodyChecks, handle, PluginError, type Problem as KitProblem } from '@qabilet/plugin-kit/server';
import { messages, type MessageKey } from './messages';

export type Problem = KitProblem<MessageKey>;

export class TalentError extends PluginError<MessageKey> {
  constructor(status: number, problems: Problem[] | Problem) {
    super(messages, status, problems);
  }
}

export const invalid = (problems: Problem[] | Problem) => new TalentError(400, problems);
export const conflict = (problems: Problem[] | Problem) => new TalentError(409, problems);
/** Out of scope and unknown answer alike: nobody learns that a person exists elsewhere. */
export const notFound = () => new TalentError(404, { code: 'person.notFound' });

export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);
export { handle };
