// The feedback form's marker is signed (found by a hostile probe, P8-04): its generated_at moved to
// 2099 made a stale form reopen an item the office had closed since ("更新 14", the completion date
// wiped); a form of workspace A closed another problem in workspace B, whose item numbers differ;
// a form rewritten for another unit closed all that unit's items. Now a form whose marker does not
// match its HMAC (keyed by the workspace's secret), of another workspace, without a signature, or
// exported in the future is refused whole with what to do; a row whose code names another problem
// here than when exported, or whose 问题描述 is another item's, is rejected with its reason.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';
import { importFeedback } from './feedback.js';
import { formSecret, formSignature, itemKey } from './form-sign.js';
import { getItem, listItems, updateItem } from './ledger.js';
import { HEADER_ROW, MARKER_SHEET, TEMPLATE_COLUMNS, writeFeedbackTemplate } from './template.js';
import { fillForm } from './testing/fill-form.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The workbook at `src` with `edit` applied to its form sheet and marker sheet, written to `name`. */
async function edited(src: string, name: string, edit: (form: ExcelJS.Worksheet, marker: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  edit(wb.worksheets[0]!, wb.getWorksheet(MARKER_SHEET)!);
  const out = join(tempDir(), name);
  await wb.xlsx.writeFile(out);
  return out;
}

/** Sets a marker key's value (its second cell). */
function setMarker(marker: ExcelJS.Worksheet, key: string, value: string): void {
  marker.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
}

describe('the feedback form is signed, and each row is checked against its item', () => {
  let ws: Workspace;
  let hy: number[];
  let zy: number[];
  let hyForm: string;
  let zyForm: string;
  // (each test on a copy of its own: the helpers remove a test's workspace and files after it)
  beforeEach(async () => {
    ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run.run_id, { issuedOn: '2024-03-01' });
    const ids = async (u: string) => (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = '${u}' ORDER BY item_id`)).map((r) => Number(r.item_id));
    hy = await ids('HY01');
    zy = await ids('ZY04');
    const files = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01', 'ZY04'] });
    hyForm = files.find((f) => f.unit_id === 'HY01')!.template;
    zyForm = files.find((f) => f.unit_id === 'ZY04')!.template;
  });

  it('the marker lists the items and carries an HMAC-SHA256 over them, keyed by the workspace secret', async () => {
    const secret = await formSecret(ws.db);
    expect(secret.workspace_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(secret.key.length).toBe(32);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(hyForm);
    const rows: string[][] = [];
    wb.getWorksheet(MARKER_SHEET)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
    const kv = new Map(rows.filter((r) => r[0] !== 'item').map((r) => [r[0]!, r[1]!]));
    expect(rows[0]).toEqual(['tijian-rectify-feedback', '2']);
    expect([kv.get('unit_id'), kv.get('period'), kv.get('items'), kv.get('masked'), kv.get('workspace_id')]).toEqual(['HY01', '2023', String(hy.length), 'yes', secret.workspace_id]);
    const items = rows.filter((r) => r[0] === 'item').map((r) => [r[1]!, r[2]!] as const);
    const first = await getItem(ws.db, hy[0]!);
    expect(items[0]).toEqual([first.code, itemKey(first)]);
    expect(items.length).toBe(hy.length);
    // the signature, computed here from the marker's own texts
    const sig = formSignature(secret.key, { kind: 'tijian-rectify-feedback', version: 2, workspace_id: secret.workspace_id, unit_id: 'HY01', period: '2023', masked: true, generated_at: kv.get('generated_at')!, items });
    expect(kv.get('signature')).toBe(sig);
  });

  it('a generated_at moved to 2099 is refused: the item the office closed after the export stays closed', async () => {
    const a = hy[0]!;
    await updateItem(ws.db, a, { status: '已整改', completed_on: '2024-05-01', measures: '办公室核实已整改' }, { source: '测试' });
    const forged = await edited(hyForm, 'f4_future.xlsx', (form, marker) => {
      setMarker(marker, 'generated_at', '2099-01-01T00:00:00.000Z');
      for (let r = HEADER_ROW + 1; r <= HEADER_ROW + hy.length; r++) form.getRow(r).getCell(col('status')).value = '待整改';
    });
    await expect(importFeedback(ws, forged, { today: '2024-06-01' })).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      zh: expect.stringContaining('的隐藏标识与其签名不符：导出后被改动过（单位、年度、导出时间或事项清单），不能导入。请从本工作区重新导出该单位的整改反馈表'),
      en: expect.stringContaining('Export a fresh form for the unit from this workspace'),
    });
    const item = await getItem(ws.db, a);
    expect([item.stored_status, item.completed_on, item.measures]).toEqual(['已整改', '2024-05-01', '办公室核实已整改']);
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM import_log WHERE file_name = 'f4_future.xlsx'`))).toBe(0);
  });

  it('a form signed with a future export time (the exporting computer’s clock) is refused; within 10 minutes it is taken', async () => {
    const items = (await listItems(ws.db, { period: '2023' })).filter((i) => i.unit_id === 'HY01');
    const secret = await formSecret(ws.db);
    const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString();
    const ahead = join(tempDir(), 'ahead.xlsx');
    await writeFeedbackTemplate(ahead, items, { unitId: 'HY01', unitName: '嵊泗县海洋综合行政执法队', period: '2023', secret, generatedAt: at(30) });
    await expect(importFeedback(ws, ahead, { today: '2024-06-01' })).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringContaining('晚于现在') });
    const skew = join(tempDir(), 'skew.xlsx');
    await writeFeedbackTemplate(skew, items, { unitId: 'HY01', unitName: '嵊泗县海洋综合行政执法队', period: '2023', secret, generatedAt: at(2) });
    const r = await importFeedback(ws, skew, { today: '2024-06-01' });
    expect([r.rows_read, r.rows_loaded, r.rows_rejected]).toEqual([hy.length, hy.length, 0]);
  });

  it('a form of HY01 rewritten as ZY04’s (unit and codes) is refused; ZY04’s items stay open', async () => {
    const forged = await edited(hyForm, 'f3_forged.xlsx', (form, marker) => {
      setMarker(marker, 'unit_id', 'ZY04');
      zy.forEach((id, k) => {
        const row = form.getRow(HEADER_ROW + 1 + k);
        row.getCell(col('code')).value = `ZG${String(id).padStart(6, '0')}`;
        row.getCell(col('unit_id')).value = 'ZY04';
        row.getCell(col('status')).value = '已整改';
        row.getCell(col('completed_on')).value = '2024-06-01';
      });
    });
    await expect(importFeedback(ws, forged, { today: '2024-06-10' })).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringContaining('与其签名不符') });
    // ZY04's own form with the item list cut short (a code dropped from the marker) is refused too
    const cut = await edited(zyForm, 'cut.xlsx', (_form, marker) => {
      marker.eachRow((row, n) => {
        if (row.getCell(1).value === 'item' && row.getCell(2).value === `ZG${String(zy[0]).padStart(6, '0')}`) marker.spliceRows(n, 1);
      });
    });
    await expect(importFeedback(ws, cut, { today: '2024-06-10' })).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringContaining('与其签名不符') });
    expect((await Promise.all(zy.map((id) => getItem(ws.db, id)))).map((i) => i.stored_status)).toEqual(zy.map(() => '待整改'));
  });

  it('a form without a signature (an older Tijian’s, or its signature deleted) is refused, telling to send a fresh form', async () => {
    const old = await edited(hyForm, 'old.xlsx', (_form, marker) => {
      marker.getRow(1).getCell(2).value = 1;
      marker.eachRow((row, n) => {
        if (row.getCell(1).value === 'signature') marker.spliceRows(n, 1);
      });
    });
    await expect(importFeedback(ws, old)).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      zh: expect.stringContaining('的隐藏标识没有签名（由旧版本 Tijian 导出，或标识被改写），无法确认它是本工作区导出、未被改动的反馈表。请从本工作区重新导出该单位的整改反馈表，发给单位填写后再导入。工作区未改变。'),
    });
  });

  it('a form of another workspace is refused, naming both workspaces', async () => {
    const other = await Workspace.open(join(tempDir(), 'b.duckdb'));
    try {
      const b = await formSecret(other.db);
      const a = await formSecret(ws.db);
      expect(b.workspace_id).not.toBe(a.workspace_id);
      expect(b.key.equals(a.key)).toBe(false);
      await expect(importFeedback(other, hyForm)).rejects.toMatchObject({
        code: 'FILE_UNSUPPORTED',
        zh: expect.stringContaining(`是另一个工作区导出的反馈表（工作区标识 ${a.workspace_id}，本工作区 ${b.workspace_id}）`),
      });
    } finally {
      other.close();
    }
  });

  it('a row whose code names another problem here than when exported, or whose 问题描述 is another item’s, is rejected with its reason; the rest is taken', async () => {
    const [x, y, z] = hy.slice(-3) as [number, number, number];
    const zProblem = (await getItem(ws.db, z)).problem;
    const path = join(tempDir(), 'rows.xlsx');
    await fillForm(hyForm, path, (sheet, rowOf) => {
      for (const id of [x, y, z]) sheet.getRow(rowOf(id)).getCell(col('status')).value = '整改中';
      // y's answers written on a row showing z's problem
      sheet.getRow(rowOf(y)).getCell(col('problem')).value = zProblem;
      // z's problem written again with other line breaks and spaces: the same problem
      sheet.getRow(rowOf(z)).getCell(col('problem')).value = zProblem.replace(/，/g, '，\n ');
    });
    // x's code now names another problem (as in a copy of the workspace whose items went another way)
    await ws.db.exec(`UPDATE rectify_item SET problem = '另一个问题：综合查一次占比为39.7%', natural_key = natural_key || '#copy' WHERE item_id = ${x}`);
    {
      const r = await importFeedback(ws, path, { today: '2024-06-01' });
      expect([r.rows_read, r.rows_loaded, r.rows_rejected]).toEqual([hy.length, hy.length - 2, 2]);
      const rej = await ws.db.all<{ line_no: number; code: string; zh: string }>(`SELECT line_no, error_codes[1] AS code, reason_zh AS zh FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`);
      expect(rej.map((q) => [q.line_no, q.code])).toEqual([
        [HEADER_ROW + hy.length - 2, 'rectify.item_mismatch'],
        [HEADER_ROW + hy.length - 1, 'rectify.problem_mismatch'],
      ]);
      expect(rej[0]!.zh).toContain('在本工作区是另一个问题（“另一个问题：综合查一次占比为39.7%”），与本反馈表导出时的事项不同');
      expect(rej[1]!.zh).toContain('请勿改动事项编号和问题描述，把整改情况填在对应问题的行上');
      expect([(await getItem(ws.db, x)).stored_status, (await getItem(ws.db, y)).stored_status, (await getItem(ws.db, z)).stored_status]).toEqual(['待整改', '待整改', '整改中']);
    }
  });
});

describe('the workspace id and form key (migration 9)', () => {
  it('are made once per workspace: an older workspace gets them when opened, and keeps them', async () => {
    const path = join(tempDir(), 'old.duckdb');
    const old = await Workspace.open(path, { migrateTo: 8 });
    expect(await old.meta('rectify_form_key')).toBeNull();
    old.close();
    const ws = await Workspace.open(path);
    const id = await ws.meta('workspace_id');
    const key = await ws.meta('rectify_form_key');
    ws.close();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const again = await Workspace.open(path);
    expect([await again.meta('workspace_id'), await again.meta('rectify_form_key')]).toEqual([id, key]);
    again.close();
  });
});
