// Worker entry: loads tsx in this thread, then the TypeScript bot worker (see bot-pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./bot-worker.ts');
