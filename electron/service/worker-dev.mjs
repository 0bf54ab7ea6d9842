// Development entry of the analytics worker thread: registers tsx's loader inside the thread (a
// worker does not inherit the parent's module hooks), then runs the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
