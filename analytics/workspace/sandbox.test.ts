// The import reads a file through a hard link inside the workspace's private folder (sandbox.ts).
import { symlinkSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import/import-file.js';
import { REPO, tempDir } from '../test/helpers.js';
import { Workspace } from './workspace.js';

const SAMPLE = join(REPO, 'samples', 'shengsi', '制度机制落实情况_2022-2024.csv');

describe('IoSandbox', () => {
  it('imports a file named through a symbolic link (the link is resolved, not linked)', async () => {
    const dir = tempDir();
    const link = join(dir, '制度机制落实情况_2022-2024.csv');
    symlinkSync(SAMPLE, link);
    const ws = await Workspace.open(join(dir, 'w.duckdb'));
    try {
      const r = await importFile(ws, link);
      // every line but the header is a record in this file
      const records = readFileSync(SAMPLE, 'utf8').trimEnd().split('\n').length - 1;
      expect(r.rows_read).toBe(records);
      expect(r.rows_loaded + r.rows_rejected).toBe(records);
      expect(Number(await ws.db.scalar(`SELECT count(*) FROM institution_checklist`))).toBe(r.rows_loaded);
    } finally {
      ws.close();
    }
  });

  it('still refuses a symbolic link inside its folder that points out of it', async () => {
    const dir = tempDir();
    const ws = await Workspace.open(join(dir, 'w.duckdb'));
    try {
      const inside = join(ws.io.dir, 'escape.csv');
      symlinkSync(SAMPLE, inside);
      await expect(ws.db.all(`SELECT count(*) FROM read_csv('${inside}')`)).rejects.toThrow(/Permission|access/i);
    } finally {
      ws.close();
    }
  });
});
