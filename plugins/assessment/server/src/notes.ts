/**
 * Other plugins (the stats' rollups) hear of every written recommendation once it is stored, with
 * the person's key — as they hear of results (statements.ts `onResult`).
 */
type NoteListener = (personKey: string) => void;
const noteListeners: NoteListener[] = [];

export const onNote = (listener: NoteListener) => void noteListeners.push(listener);
export function noteWritten(personKey: string): void {
  for (const listener of noteListeners) listener(personKey);
}
