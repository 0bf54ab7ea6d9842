// Exports of the collaboration platforms a county keeps ledgers in, as acceptance set 13 (blind)
// laid them out: a 飞书多维表格 CSV whose 关联检查 column holds the platform's own record ids
// (["recvCznYRClsuw"]) — read as the case's inspection id, ids that name no inspection of ours; and
// a 腾讯收集表 whose question 7.佐证材料说明 (the text about the evidence) was left unmapped.
// Expected mappings and stored values by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { recogniseFor } from './recognise/recognise.js';
import { profileColumn } from './recognise/evidence.js';

describe('exports of collaboration platforms', () => {
  it('a 飞书 关联记录 column of record ids is no inspection id: left unmapped, its values kept with the row', async () => {
    const lines = ['案件编号,执法主体,立案日期,处罚决定日期,当事人,罚款金额,关联检查'];
    const links = ['["recvCznYRClsuw"]', '', '["recuT3kq9XaBcd","recuT3kq9XaBce"]', '["recv8LmNoPqRst"]', '["recvAb12Cd34Ef"]', '["recvZz9Yy8Xx7W"]'];
    links.forEach((l, i) => lines.push(`嵊综执罚决字〔2024〕${i + 1}号,综合执法局,2024/05/0${i + 1},2024/05/2${i},某某商店${i + 1},${1000 * (i + 1)},"${l.replace(/"/g, '""')}"`));
    const path = join(tempDir(), '行政处罚案件库（飞书多维表格导出）.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 6, rows_rejected: 0 });
    const col = r.columns!.find((c) => c.column === '关联检查')!;
    expect(col.field).toBeNull();
    expect(await ws.db.all(`SELECT count(*)::INTEGER AS n FROM penalty_case WHERE inspection_id IS NOT NULL`)).toEqual([{ n: 0 }]);
    // the links stay with their rows (unmapped columns are kept in extras)
    expect(await ws.db.all(`SELECT extras->>'关联检查' AS v FROM penalty_case WHERE case_id = '嵊综执罚决字〔2024〕1号'`)).toEqual([{ v: '["recvCznYRClsuw"]' }]);
    ws.close();
  });

  it('record ids are told from codes that merely start with rec', () => {
    expect(profileColumn(['["recvCznYRClsuw"]', 'recqwIwhc6', 'recvAb12Cd34Ef,recvAb12Cd34Eg']).platformLinks).toBe(1);
    // a code of the county's own: upper case only, or with a dash, or lower case only
    expect(profileColumn(['REC2024001', 'rec-2024-01', 'recordnumber', 'rec20240001']).platformLinks).toBe(0);
  });

  it('X说明 after what it is about is a text about X: 佐证材料说明 is the evidence (likely), 罚款金额说明 no amount', () => {
    const r = recogniseFor('institution_checklist', ['1.单位名称', '2.年度', '3.制度编码', '5.是否已落实', '7.佐证材料说明', '8.上传佐证文件']);
    const by = Object.fromEntries(r.columns.map((c) => [c.header, c]));
    expect(by['7.佐证材料说明']).toMatchObject({ field: 'evidence', confidence: 'likely' });
    expect(by['8.上传佐证文件']!.field).toBeNull();
    // a note about an amount or a date is not the amount or the date
    const c = recogniseFor('penalty_case', ['案件编号', '罚款金额', '罚款金额说明', '处罚决定日期备注']);
    const byc = Object.fromEntries(c.columns.map((x) => [x.header, x.field]));
    expect(byc).toMatchObject({ 罚款金额: 'fine_amount', 罚款金额说明: null, 处罚决定日期备注: null });
  });
});
