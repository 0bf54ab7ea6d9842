// Once per test run, before the end-to-end files start their browser hosts in parallel: out/ is
// built (when missing or older than its sources) by one electron-vite build here, not by several
// hosts at once writing the same folder.
import { join, resolve } from 'node:path';
import { ensureRendererBuilt } from '../host.js';

export default function setup(): void {
  ensureRendererBuilt('auto', join(resolve(import.meta.dirname, '../..'), 'out', 'renderer'), (s) => process.stderr.write(`${s}\n`));
}
