/** A refusal of the stats API: the plugin kit's localised error, worded by this plugin's catalogue. */
import { bodyChecks, handle, PluginError, type Problem as KitProblem } from '@qabilet/plugin-kit/server';
import { messages, type MessageKey } from './messages';

export type Problem = KitProblem<MessageKey>;

export class StatsError extends PluginError<MessageKey> {
  constructor(status: number, problems: Problem[] | Problem) {
    super(messages, status, problems);
  }
}

export const invalid = (problems: Problem[] | Problem) => new StatsError(400, problems);
export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);
export { handle };
