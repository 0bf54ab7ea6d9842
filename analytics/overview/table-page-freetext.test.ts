// The data grid (数据概览's tables) masks, unless unmasked, the ID and phone numbers typed in free
// text — a finding's 问题描述, an unmapped column (备注) — as it masks a personal column's value:
// never more than half shown (maskSql; probe 13, F1). The command line's twin gives the same text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from '../import/import-file.js';
import { maskNumbersShort, pageSql } from './table-page.js';

const DESC = '举报人（电话13698765432，身份证330922198703154321）；手机139-1234-5678，座机0580-5081234，旧证330922870315432，期限2024-03-01';
// by hand: 18 → four, ten stars, four; 15 → three, nine, three; a mobile → two, seven, two (dashes
// dropped); a landline → its first two and last two digits, six stars between
const DESC_MASKED = '举报人（电话13*******32，身份证3309**********4321）；手机13*******78，座机05******34，旧证330*********432，期限2024-03-01';

describe('numbers in free text, in the data grid', () => {
  it('masked in 问题描述 and the unmapped columns, as typed with unmask', async () => {
    const findings = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '执法监督发现问题_2022-2024.json'), 'utf8')) as Array<Record<string, unknown>>;
    const rows = findings.slice(0, 3).map((r, i) => ({ ...r, ...(i === 1 ? { 问题描述: DESC, 备注: '联系13812345678' } : {}) }));
    const dir = tempDir();
    writeFileSync(join(dir, 'f.json'), JSON.stringify(rows));
    const ws = await freshWorkspace();
    const r = await importFile(ws, join(dir, 'f.json'));
    expect(r.rows_loaded).toBe(3);
    const page = async (unmask: boolean) => ws.db.all<Record<string, unknown>>(pageSql({ table: 'supervision_finding', offset: 0, limit: 10, unmask }).select);
    const masked = await page(false);
    expect(masked[1]!.description).toBe(DESC_MASKED);
    expect(String(masked[1]!.extras)).toContain('联系13*******78');
    expect(String(masked[1]!.extras)).not.toContain('13812345678');
    // the other rows' text unchanged
    expect(masked[0]!.description).toBe(findings[0]!['问题描述']);
    const open = await page(true);
    expect(open[1]!.description).toBe(DESC);
    expect(String(open[1]!.extras)).toContain('13812345678');
    expect(maskNumbersShort(DESC)).toBe(DESC_MASKED);
  });
});
