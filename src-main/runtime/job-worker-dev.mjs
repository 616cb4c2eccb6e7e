// Worker entry when the workbench runs from its TypeScript sources (CLI, browser mode): registers
// tsx's loader in this thread, then loads the real worker. The Electron build bundles job-worker.ts instead.
import { register } from 'tsx/esm/api';

register();
await import('./job-worker.ts');
