import { winston, formats } from '@strapi/logger';

// LOG_LEVEL=warn keeps test and benchmark output readable; the default logs every request
// (method, path, status and time: never a body, so no personal data reaches the log).
export default {
  level: process.env.LOG_LEVEL ?? 'http',
  format: formats.prettyPrint({ colors: process.stdout.isTTY }),
  transports: [new winston.transports.Console()],
};
