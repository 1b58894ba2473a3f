/**
 * The worker thread that reads XLSX sheets for desktop-parse.ts, one message per file: the checked
 * zip comes in, the table or the reasons go back.
 */
import { parentPort } from 'node:worker_threads';
import { readSheet, type Read } from './desktop-parse';

const malformed: Read = { ok: false, problems: [{ field: 'content', code: 'import.malformed' }] };

parentPort!.on('message', ({ job, zip }: { job: number; zip: Uint8Array }) => {
  readSheet(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength)).then(
    (read) => parentPort!.postMessage({ job, read }),
    () => parentPort!.postMessage({ job, read: malformed }),
  );
});
