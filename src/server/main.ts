/** `npm start`: starts the classroom server from the environment (see docs/classroom.md). */
import { configFromEnv, dataLocation } from './config.js';
import { startServer } from './app.js';
import { hardenProcess } from './harden.js';

process.on('unhandledRejection', (e) => console.error('[server] unhandled rejection', e));

// Every module is loaded: from here on no prototype can be changed (see harden.ts).
hardenProcess();
const config = configFromEnv();
console.log(`Data kept ${dataLocation(config)}. Classes are deleted ${config.retentionDays} days after they were created (RETENTION_DAYS).`);
const server = await startServer(config);
console.log(`Gigawatt server on ${server.url}`);
if (config.host === '127.0.0.1' || config.host === 'localhost')
  console.log('Only this computer can connect. To open it to the classroom network: HOST=0.0.0.0 npm start');
console.log(`Host a class: ${server.url}/#/host`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
