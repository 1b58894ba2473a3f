// A local SMS outbox for `npm start`: it speaks Twilio's Messages API, so the CMS's real Twilio
// client sends to it, and lists every message on a web page. Credentials come from the environment.
import { createOutbox } from '@qabilet/sms';

const port = Number(process.env.SMS_OUTBOX_PORT ?? 1081);
const outbox = createOutbox(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
outbox.server.listen(port, '127.0.0.1');
const stop = () => outbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
