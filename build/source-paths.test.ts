// The source-paths plugin's two steps on a module of the pure core and one of electron/: the
// bundle's code, written where its chunk would be, still names the source's own folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO } from '../analytics/test/paths.js';
import { sourcePaths } from './source-paths.js';

type Hook = (...args: unknown[]) => { code: string } | null;

describe('sourcePaths', () => {
  it('keeps import.meta.url/dirname/filename of analytics/ naming the source, in any chunk folder', async () => {
    const p = sourcePaths(REPO);
    const code = `export const url = new URL('./rules.yaml', import.meta.url).href;\nexport const dir = import.meta.dirname;\nexport const file = import.meta.filename;\n`;
    const t = (p.transform as Hook).call({}, code, join(REPO, 'analytics/review/load.ts'))!;
    expect(t.code).not.toContain('import.meta.dirname');
    // electron/ finds its renderer and worker next to the bundle: left alone
    expect((p.transform as Hook).call({}, code, join(REPO, 'electron/main.ts'))).toBeNull();
    const out = mkdtempSync(join(tmpdir(), 'tijian-source-paths-'));
    try {
      const r = (p.renderChunk as Hook).call({}, t.code, { fileName: 'chunks/load.mjs' }, { dir: out })!;
      mkdirSync(join(out, 'chunks'));
      writeFileSync(join(out, 'chunks', 'load.mjs'), r.code);
      const m = (await import(pathToFileURL(join(out, 'chunks', 'load.mjs')).href)) as { url: string; dir: string; file: string };
      expect(m.url).toBe(pathToFileURL(join(REPO, 'analytics/review/rules.yaml')).href);
      expect(m.dir).toBe(join(REPO, 'analytics/review'));
      expect(m.file).toBe(join(REPO, 'analytics/review/load.ts'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
