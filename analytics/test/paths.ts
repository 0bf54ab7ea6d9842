import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const SAMPLES = join(REPO, 'samples');
