// A record of a JSON array over 16 MiB — the cap of a CSV or JSON Lines line — is rejected as its
// row (row.too_long), the others loaded; one far over it (past DuckDB's reader buffer, twice the
// cap) refuses the file at once, in words, without the rest of it being read (probe 13, F3: one
// 150 MiB string in a record was read whole, 17–42 s at 2.27 GB peak, before its row was rejected).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTijianError } from '../i18n/errors.js';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

const unit = (code: string, name: string) => ({ 单位编码: code, 单位名称: name, 简称: '甲', 队伍类型: '综合' });

describe('a JSON array record over 16 MiB', () => {
  it('17 MiB: that row rejected as too long (its start kept), the others loaded', async () => {
    const dir = tempDir();
    const path = join(dir, '单位.json');
    writeFileSync(path, JSON.stringify([unit('ZZ01', '甲局'), unit('ZZ02', 'A'.repeat(17 * 1024 * 1024)), unit('ZZ03', '乙局')]));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'unit', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string; raw: string }>(`SELECT line_no, error_codes, reason_zh, raw FROM rejected_row`);
    expect(rej.map(({ raw: _raw, ...r }) => r)).toEqual([{ line_no: 2, error_codes: ['row.too_long'], reason_zh: '该记录超过 16 MiB，无法读取（只保留了开头部分）' }]);
    // the record's first 2,000 characters, as a line over the cap keeps its start
    const kept = (JSON.parse(rej[0]!.raw) as { line: string }).line;
    expect(kept).toBe(JSON.stringify(unit('ZZ02', 'A'.repeat(17 * 1024 * 1024))).slice(0, 2000));
    expect(await ws.db.all(`SELECT unit_id FROM unit ORDER BY unit_id`)).toEqual([{ unit_id: 'ZZ01' }, { unit_id: 'ZZ03' }]);
  });

  it('40 MiB: refuses the file at once, saying the limit and what to do; nothing is loaded', async () => {
    const dir = tempDir();
    const path = join(dir, '单位.json');
    // 40 MiB of text in one record, between two ordinary ones
    writeFileSync(path, JSON.stringify([unit('ZZ01', '甲局'), unit('ZZ02', 'A'.repeat(40 * 1024 * 1024)), unit('ZZ03', '乙局')]));
    const ws = await freshWorkspace();
    const t0 = Date.now();
    let err: unknown;
    try {
      await importFile(ws, path);
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(isTijianError(err)).toBe(true);
    const e = err as { code: string; zh: string; en: string };
    expect(e.code).toBe('FILE_UNSUPPORTED');
    expect(e.zh).toBe(
      '“单位.json”中有一条记录超过 16 MiB（JSON 数组每条记录的上限，与 CSV、JSON Lines 每行的上限相同），未导入任何内容。请检查是否误粘贴了大段文字或附件内容；或导出为每行一个对象的 JSON Lines（.jsonl），超长的行会被单独拒绝。',
    );
    expect(e.en).toBe(
      '"单位.json" holds a record over 16 MiB (the limit of a JSON array\'s record, as of a CSV or JSON Lines line); nothing was imported. Check for a pasted text or attachment; or export JSON Lines (.jsonl, one object a line), where a line over the limit is rejected on its own.',
    );
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM unit`))).toBe(0);
  });

  it('a record of 1 MiB is read as before: its row rejected for its name, the others loaded', async () => {
    const dir = tempDir();
    const path = join(dir, '单位.json');
    writeFileSync(path, JSON.stringify([unit('ZZ01', '甲局'), unit('ZZ02', 'A'.repeat(1024 * 1024)), unit('ZZ03', '乙局')]));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'unit', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
  });
});
