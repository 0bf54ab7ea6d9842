// tijian lineage masks personal columns as 明细's export does (hostile probe 9, F7.2: the command
// line printed officers' names in the clear while lineage.export of the same records wrote 刘**);
// --unmask shows them. Expected values from the officer table and the masking rule, by hand.
import { describe, expect, it } from 'vitest';
import { lineageRows } from '../../electron/service/engine.js';
import { lit } from '../db/duck.js';
import { maskSql, maskText } from '../overview/table-page.js';
import { memoryDb, sampleWorkspace } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { main } from './main.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

describe('maskText', () => {
  it('masks as maskSql does in DuckDB (code points; 𠮷 one character)', async () => {
    expect(maskText('王婷')).toBe('王*');
    expect(maskText('陈珍松')).toBe('陈**');
    expect(maskText('𠮷田')).toBe('𠮷*');
    expect(maskText('')).toBe('*');
    // never more than half shown: 7 and 8 characters were shown whole (four and four)
    expect(maskText('1234567')).toBe('1*****7');
    expect(maskText('12345678')).toBe('12****78');
    expect(maskText('13812345678')).toBe('13*******78');
    expect(maskText('ABCDEFGHIJKLMNO')).toBe('ABC*********MNO');
    expect(maskText('330922198001011234')).toBe('3309**********1234');
    const db = await memoryDb();
    const values = ['', 'a', '王婷', '陈珍松', '欧阳娜娜', '𠮷田太郎', '嵊泗县海韵餐', '1234567', '12345678', '阿卜杜拉·买买提', 'ABCDEFGHIJKLMNO', '0123456789ABCDEF', '330922198001011234', '13812345678'];
    for (const v of values) expect(maskText(v), v).toBe(await db.scalar<string>(`SELECT ${maskSql(lit(v))}`));
  });
});

describe('tijian lineage', () => {
  it('masks 姓名 by default, as lineage.export does, says so, and shows it with --unmask', async () => {
    const ws = await sampleWorkspace();
    const path = ws.path;
    ws.close();
    const ev = await run('evaluate', '--workspace', path, '--period', '2024', '--json');
    expect(ev.code, ev.err).toBe(0);
    const w = await Workspace.open(path, { create: false });
    const runId = Number(await w.db.scalar('SELECT max(run_id) FROM eval_run'));
    // the first three enforcement officers of 综合执法局 on the 2024 roster, as the listing orders them
    const officers = await w.db.all<{ officer_id: string; name: string }>(
      `SELECT officer_id, name FROM officer WHERE year = 2024 AND role = '执法' AND unit_id = 'ZH01' ORDER BY officer_id LIMIT 3`,
    );
    // and the export's rows of the same listing (the desktop app's 明细 → 导出)
    const exported = await lineageRows(w.db, { runId, entityId: 'ZH01', indicatorId: 'certified_roster_rate', part: 'denominator' });
    w.close();
    expect(officers).toHaveLength(3);
    // names of two or three characters: the first kept, one star per other character
    const byHand = officers.map((o) => Array.from(o.name)[0] + '*'.repeat(Array.from(o.name).length - 1));
    expect(byHand.every((m, i) => m !== officers[i]!.name)).toBe(true);

    const args = ['lineage', '--workspace', path, '--run', String(runId), '--entity', 'ZH01', '--indicator', 'certified_roster_rate', '--part', 'denominator', '--page-size', '3'];
    const j = await run(...args, '--json');
    expect(j.code, j.err).toBe(0);
    const page = JSON.parse(j.out) as { masked: boolean; rows: Array<Record<string, unknown>> };
    expect(page.masked).toBe(true);
    expect(page.rows.map((r) => r['人员编号'])).toEqual(officers.map((o) => o.officer_id));
    expect(page.rows.map((r) => r['姓名'])).toEqual(byHand);
    // the same as the export writes for these officers
    expect(exported.rows.slice(0, 3).map((r) => r['姓名'])).toEqual(byHand);

    const text = await run(...args);
    expect(text.code, text.err).toBe(0);
    for (const o of officers) expect(text.out).not.toContain(o.name);
    for (const m of byHand) expect(text.out).toContain(`\t${m}\t`);
    expect(text.out).toContain('个人信息已脱敏（姓名），加 --unmask 显示原文 / personal data masked; --unmask shows it');

    const plain = await run(...args, '--unmask', '--json');
    const shown = JSON.parse(plain.out) as { masked: boolean; rows: Array<Record<string, unknown>> };
    expect(shown.masked).toBe(false);
    expect(shown.rows.map((r) => r['姓名'])).toEqual(officers.map((o) => o.name));
    const plainText = await run(...args, '--unmask');
    for (const o of officers) expect(plainText.out).toContain(`\t${o.name}\t`);
    expect(plainText.out).toContain('未脱敏，注意保密 / UNMASKED');
  }, 120_000);
});
