// Worker threads do not inherit tsx's loader for their entry file, so this
// plain-JS entry registers it and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
