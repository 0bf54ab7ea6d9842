// Exports of data-sharing platforms carry a record's history: a marker saying the source system
// deleted or voided it (is_deleted 1, 数据状态 作废, cd_operation D), and a version number or change
// time when one record is in the file more than once. A deleted or void row is rejected
// (row.deleted), not loaded as a live record; of several versions of one key the newest loads and
// the others are rejected as key.superseded naming the line that loaded. Without such columns the
// rules are as before (the first of a key loads). Values below are worked out by hand.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';
import { decideHistory, historyCandidates, historyHeaderKey } from './history-columns.js';
import { buildConvSql } from './convert.js';
import { tableDef } from '../schema/tables.js';

type Ws = Awaited<ReturnType<typeof freshWorkspace>>;
const rows = (ws: Ws, sql: string) => ws.db.all<Record<string, unknown>>(sql);

function csv(name: string, lines: string[]): string {
  const f = join(tempDir(), name);
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

const CASE_HEAD = '案件编号,执法机关,立案日期,罚款金额（元）';

describe('rows the source system deleted or voided', () => {
  it('is_deleted 1 is rejected as row.deleted, naming the column and value; 0 loads with the marker kept in extras', async () => {
    const ws = await freshWorkspace();
    const f = csv('cases.csv', [
      `${CASE_HEAD},is_deleted`,
      'A1,菜园镇,2024-03-05,1000,0', // line 2
      'A2,菜园镇,2024-03-06,2000,1', // line 3: deleted
      'A3,菜园镇,2024-03-07,3000,0', // line 4
      'A4,菜园镇,2024-03-08,4000,', // line 5: no marker value, loads
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(r.unmapped_headers).toContain('is_deleted');
    const rej = await rows(ws, `SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row ORDER BY line_no`);
    expect(rej).toEqual([
      {
        line_no: 3,
        error_codes: ['row.deleted'],
        reason_zh: '源系统中已删除或作废的记录（「is_deleted」为「1」）',
        reason_en: 'a record the source system deleted or voided ("is_deleted" is "1")',
      },
    ]);
    expect(await rows(ws, `SELECT case_id, extras->>'is_deleted' AS d FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', d: '0' },
      { case_id: 'A3', d: '0' },
      { case_id: 'A4', d: null },
    ]);
    expect(r.warnings.some((w) => w.includes('「is_deleted」列是源系统的删除/作废标记：1 行') && w.includes('not loaded'))).toBe(true);
  });

  it('数据状态 作废/已删除, 操作类型 删除 and an inverted 有效标志 否 are rejected; other values load', async () => {
    const ws = await freshWorkspace();
    const f = csv('status.csv', [
      `${CASE_HEAD},数据状态`,
      'B1,菜园镇,2024-03-05,100,有效',
      'B2,菜园镇,2024-03-05,100,作废', // line 3
      'B3,菜园镇,2024-03-05,100,已删除', // line 4
      'B4,菜园镇,2024-03-05,100,正常',
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 2 });
    expect((await rows(ws, `SELECT line_no, reason_zh FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`)).map((x) => [x.line_no, x.reason_zh])).toEqual([
      [3, '源系统中已删除或作废的记录（「数据状态」为「作废」）'],
      [4, '源系统中已删除或作废的记录（「数据状态」为「已删除」）'],
    ]);

    const g = csv('valid.csv', [`${CASE_HEAD},有效标志`, 'C1,菜园镇,2024-03-05,100,是', 'C2,菜园镇,2024-03-05,100,否']);
    const r2 = await importFile(ws, g);
    expect(r2).toMatchObject({ rows_loaded: 1, rows_rejected: 1 });
    expect(await rows(ws, `SELECT line_no, error_codes FROM rejected_row WHERE import_id = ${r2.import_id}`)).toEqual([{ line_no: 3, error_codes: ['row.deleted'] }]);

    const h = csv('ops.csv', [`${CASE_HEAD},cd_operation`, 'D1,菜园镇,2024-03-05,100,I', 'D2,菜园镇,2024-03-05,100,U', 'D3,菜园镇,2024-03-05,100,D']);
    const r3 = await importFile(ws, h);
    expect(r3).toMatchObject({ rows_loaded: 2, rows_rejected: 1 });
    expect(await rows(ws, `SELECT line_no, error_codes FROM rejected_row WHERE import_id = ${r3.import_id}`)).toEqual([{ line_no: 4, error_codes: ['row.deleted'] }]);
  });

  it('是否有效 and 是否注销 say whether a thing is in force, not whether its record was deleted: every row loads', async () => {
    const ws = await freshWorkspace();
    const f = csv('in-force.csv', [`${CASE_HEAD},是否有效,是否注销`, 'E1,菜园镇,2024-03-05,100,是,否', 'E2,菜园镇,2024-03-05,100,否,是']);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
  });

  // probe 16: words that end the thing a record describes, and headers that name the thing's own state
  it('注销/失效/已撤销 end a unit, a permit or a certificate, not its record: they load; 已删除 beside them is still rejected', async () => {
    const ws = await freshWorkspace();
    // a unit list whose 数据状态 says a township unit was abolished (注销): its old cases need it
    const f = csv('units.csv', [
      '单位编码,单位名称,队伍类型,数据状态',
      'XZ98,嵊泗县测试乡人民政府,乡镇执法,正常', // line 2
      'XZ99,嵊泗县旧乡人民政府,乡镇执法,注销', // line 3: abolished, a unit still
      'XZ97,嵊泗县错录单位,乡镇执法,已删除', // line 4: deleted in the source
      'XZ96,嵊泗县停用乡人民政府,乡镇执法,失效', // line 5
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ table: 'unit', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(await rows(ws, `SELECT unit_id FROM unit ORDER BY unit_id`)).toEqual([{ unit_id: 'XZ96' }, { unit_id: 'XZ98' }, { unit_id: 'XZ99' }]);
    expect(await rows(ws, `SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 4, error_codes: ['row.deleted'] }]);
    // a case whose decision was revoked (数据状态 已撤销) is a case the evaluation counts
    const g = csv('revoked.csv', [`${CASE_HEAD},数据状态`, 'R1,菜园镇,2024-03-05,100,正常', 'R2,菜园镇,2024-03-06,200,已撤销']);
    expect(await importFile(ws, g)).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
  });

  it('有效状态 is a permit\'s own state (有效/失效/注销), not a deletion marker: every permit loads', async () => {
    const ws = await freshWorkspace();
    const f = csv('permits.csv', [
      '许可编号,统一社会信用代码,被许可人,审批事项,许可日期,有效状态',
      'P1,91330922188575001N,某店1,食品经营许可,2024-01-01,有效',
      'P2,91330922188575002N,某店2,食品经营许可,2024-02-01,失效',
      'P3,91330922188575003N,某店3,食品经营许可,2024-03-01,注销',
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ table: 'permit', rows_loaded: 3, rows_rejected: 0 });
    expect(r.warnings.some((w) => w.includes('删除/作废标记'))).toBe(false);
  });

  it('sfsc / sczt may be 是否上传 / 上传状态 as well as 是否删除: no marker, every case loads', async () => {
    const ws = await freshWorkspace();
    const f = csv('upload.csv', [`${CASE_HEAD},sfsc,sczt`, 'U1,菜园镇,2024-03-05,100,1,1', 'U2,菜园镇,2024-03-06,100,1,0', 'U3,菜园镇,2024-03-07,100,0,1']);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 3, rows_rejected: 0 });
  });

  it('a marker header whose values are not marker words is no marker: every row loads', async () => {
    const ws = await freshWorkspace();
    // 删除标记 holding free text (a note column someone named so): nothing is read as deleted
    const f = csv('notes.csv', [`${CASE_HEAD},删除标记`, 'E1,菜园镇,2024-03-05,100,见附件', 'E2,菜园镇,2024-03-05,100,1']);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
    expect(r.warnings.some((w) => w.includes('删除/作废标记'))).toBe(false);
    // 是否启用 否 on a list is a record not in use, not one deleted: it loads
    const g = csv('enabled.csv', [`${CASE_HEAD},是否启用`, 'E3,菜园镇,2024-03-05,100,是', 'E4,菜园镇,2024-03-05,100,否']);
    expect(await importFile(ws, g)).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
  });

  it('the preview counts the deleted rows as rejected and says why', async () => {
    const f = csv('prev.csv', [`${CASE_HEAD},删除标记`, 'F1,菜园镇,2024-03-05,100,0', 'F2,菜园镇,2024-03-05,100,1', 'F3,菜园镇,2024-03-05,100,1']);
    const p = await previewFile(null, f);
    expect(p.validation?.rejected).toBe(2);
    expect(p.validation?.reasons.find((x) => x.code === 'row.deleted')?.rows).toBe(2);
    expect(p.warnings.some((w) => w.includes('「删除标记」列是源系统的删除/作废标记：2 行'))).toBe(true);
  });
});

describe('several versions of one record in one file', () => {
  it('the highest 版本号 loads wherever it is; the others are key.superseded naming its line', async () => {
    const ws = await freshWorkspace();
    const f = csv('versions.csv', [
      `${CASE_HEAD},版本号`,
      'A1,菜园镇,2024-03-05,2000,2', // line 2: A1's newest, first in the file
      'A1,菜园镇,2024-03-05,1000,1', // line 3
      'B1,菜园镇,2024-04-01,100,1', // line 4
      'B1,菜园镇,2024-04-01,300,3', // line 5: B1's newest
      'B1,菜园镇,2024-04-01,200,2', // line 6
      'C1,菜园镇,2024-05-01,50,1', // line 7: one version only
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 3, rows_rejected: 3 });
    expect(await rows(ws, `SELECT case_id, fine_amount::DOUBLE AS fine FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', fine: 2000 },
      { case_id: 'B1', fine: 300 },
      { case_id: 'C1', fine: 50 },
    ]);
    const rej = await rows(ws, `SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      [3, ['key.superseded']],
      [4, ['key.superseded']],
      [6, ['key.superseded']],
    ]);
    expect(rej[0]!.reason_zh).toBe('已被本文件第 2 行的较新版本取代（按「版本号」判断新旧；内容不同：罚款金额（元）），只导入最新版本');
    expect(rej[2]!.reason_zh).toBe('已被本文件第 5 行的较新版本取代（按「版本号」判断新旧；内容不同：罚款金额（元）），只导入最新版本');
    expect(rej[2]!.reason_en).toBe('superseded by the newer version on line 5 of this file (told by "版本号"; other values: Fine); only the newest version is loaded');
    expect(r.warnings.some((w) => w.includes('按「版本号」列判断新旧') && w.includes('3 行较旧的版本未导入'))).toBe(true);
  });

  it('an update time orders versions when there is no version number; equal times keep the later line', async () => {
    const ws = await freshWorkspace();
    const f = csv('times.csv', [
      `${CASE_HEAD},更新时间`,
      'A1,菜园镇,2024-03-05,1000,2024-06-01 09:00:00', // line 2
      'A1,菜园镇,2024-03-05,1500,2024/6/1 10:30', // line 3: later the same day — A1's newest
      'A1,菜园镇,2024-03-05,1200,2024-05-31 23:59:59', // line 4
      'B1,菜园镇,2024-04-01,100,2024-06-02 08:00:00', // line 5
      'B1,菜园镇,2024-04-01,200,2024-06-02 08:00:00', // line 6: same time, the later line loads
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 3 });
    expect(await rows(ws, `SELECT case_id, fine_amount::DOUBLE AS fine FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', fine: 1500 },
      { case_id: 'B1', fine: 200 },
    ]);
    const by = (n: number) => `已被本文件第 ${n} 行的较新版本取代（按「更新时间」判断新旧；内容不同：罚款金额（元）），只导入最新版本`;
    expect((await rows(ws, `SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`)).map((x) => [x.line_no, x.error_codes, x.reason_zh])).toEqual([
      [2, ['key.superseded'], by(3)],
      [4, ['key.superseded'], by(3)],
      // (probe 16) the same time: nothing says line 6 is newer — a conflict to check, not an older version
      [5, ['key.duplicate_in_file'], '主键与本文件第 6 行重复，但内容不同（罚款金额（元）），且「更新时间」相同、分不出新旧，只导入第 6 行（文件中靠后的一行）；请核对哪一行正确'],
    ]);
  });

  it('two records under one key with one 更新时间 are a conflict, not versions; a roster keeps its one-unit-a-year hint (probe 16)', async () => {
    const ws = await freshWorkspace();
    const f = csv('inspections.csv', [
      '检查编号,检查日期,实施单位,检查对象代码,检查对象,更新时间',
      'JC1,2024-03-01,菜园镇,91330922MA2A00001X,对象1,2024-06-30 00:00:00', // line 2
      'JC2,2024-03-02,菜园镇,91330922MA2A00002X,对象2,2024-06-30 00:00:00', // line 3
      'JC2,2024-05-20,菜园镇,91330922MA2A00009X,对象9,2024-06-30 00:00:00', // line 4: another inspection, one number
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ table: 'inspection', rows_loaded: 2, rows_rejected: 1 });
    const [rej] = await rows(ws, `SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row`);
    expect(rej).toEqual({
      line_no: 3,
      error_codes: ['key.duplicate_in_file'],
      reason_zh: '主键与本文件第 4 行重复，但内容不同（检查日期、检查对象代码、检查对象），且「更新时间」相同、分不出新旧，只导入第 4 行（文件中靠后的一行）；请核对哪一行正确',
      reason_en:
        'duplicate key of line 4 of this file with other values (Date, Subject id, Subject); the same "更新时间", so neither is newer: only line 4 (the later in the file) is loaded: check which line is right',
    });
    expect(r.warnings.some((w) => w.includes('较旧的版本未导入'))).toBe(false);

    const g = csv('roster.csv', [
      '人员编号,年度,姓名,所属单位,更新时间',
      'ZF1,2024,测试甲,菜园镇,2024-01-05',
      'ZF1,2024,测试甲,洋山镇,2024-01-05', // a seconded officer on two rosters, one day
    ]);
    const r2 = await importFile(ws, g);
    expect(r2).toMatchObject({ table: 'officer', rows_loaded: 1, rows_rejected: 1 });
    const [o] = await rows(ws, `SELECT line_no, error_codes, reason_zh FROM rejected_row WHERE import_id = ${r2.import_id}`);
    expect(o).toEqual({
      line_no: 2,
      error_codes: ['key.duplicate_in_file'],
      reason_zh:
        '主键与本文件第 3 行重复，但内容不同（所属单位），且「更新时间」相同、分不出新旧，只导入第 3 行（文件中靠后的一行）；请核对哪一行正确。同一人员每个年度只能有一个所属单位：借调、挂职人员请只在一个单位（通常为编制所在单位）的名册中填报',
    });
  });

  it('a version number first, then the time; a repeated identical row names the line that loaded', async () => {
    const ws = await freshWorkspace();
    const f = csv('both.csv', [
      `${CASE_HEAD},version,update_time`,
      'A1,菜园镇,2024-03-05,1000,2,2024-06-01 09:00:00', // line 2: version 2, earlier time — the newest
      'A1,菜园镇,2024-03-05,1100,1,2024-06-09 09:00:00', // line 3: version 1 though later
      'B1,菜园镇,2024-04-01,100,1,2024-06-02 08:00:00', // line 4
      'B1,菜园镇,2024-04-01,100,1,2024-06-03 08:00:00', // line 5: the same record, a later sync — loads
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 2 });
    expect(await rows(ws, `SELECT case_id, fine_amount::DOUBLE AS fine, row_no FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', fine: 1000, row_no: 2 },
      { case_id: 'B1', fine: 100, row_no: 5 },
    ]);
    expect(await rows(ws, `SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 3, error_codes: ['key.superseded'], reason_zh: '已被本文件第 2 行的较新版本取代（按「version」「update_time」判断新旧；内容不同：罚款金额（元）），只导入最新版本' },
      { line_no: 4, error_codes: ['key.duplicate_in_file'], reason_zh: '与本文件第 5 行完全相同（重复的行），只导入第 5 行' },
    ]);
  });

  it('a line repeated word for word, its time too, is a repeat, not a newer version: the first loads', async () => {
    const ws = await freshWorkspace();
    const f = csv('repeat.csv', [
      `${CASE_HEAD},数据更新时间`,
      'A1,菜园镇,2024-03-05,1000,2025/03/01 02:00:00', // line 2
      'B1,菜园镇,2024-03-06,2000,2025/03/01 02:00:00', // line 3
      'A1,菜园镇,2024-03-05,1000,2025/03/01 02:00:00', // line 4: line 2 again
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 1 });
    expect(await rows(ws, `SELECT case_id, row_no FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', row_no: 2 },
      { case_id: 'B1', row_no: 3 },
    ]);
    expect(await rows(ws, `SELECT line_no, error_codes, reason_zh FROM rejected_row`)).toEqual([
      { line_no: 4, error_codes: ['key.duplicate_in_file'], reason_zh: '与本文件第 2 行完全相同（重复的行），只导入第 2 行' },
    ]);
  });

  it('a deletion that is the newest version of a key keeps its older versions out too; an older deletion does not', async () => {
    const ws = await freshWorkspace();
    const f = csv('cdc.csv', [
      `${CASE_HEAD},cd_operation,cd_time`,
      'A1,菜园镇,2024-03-05,1000,I,2024-03-05 10:00:00', // line 2: A1 inserted…
      'A1,菜园镇,2024-03-05,1000,D,2024-04-01 09:00:00', // line 3: …and later deleted
      'B1,菜园镇,2024-03-06,2000,D,2024-03-07 09:00:00', // line 4: B1 deleted…
      'B1,菜园镇,2024-03-06,2500,U,2024-03-09 09:00:00', // line 5: …and written again later: loads
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 1, rows_rejected: 3 });
    expect(await rows(ws, `SELECT case_id, fine_amount::DOUBLE AS fine FROM penalty_case`)).toEqual([{ case_id: 'B1', fine: 2500 }]);
    expect(await rows(ws, `SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 2, error_codes: ['key.superseded'], reason_zh: '已被本文件第 3 行的删除或作废记录取代（按「cd_time」判断新旧），源系统中该记录已不存在，未导入' },
      { line_no: 3, error_codes: ['row.deleted'], reason_zh: '源系统中已删除或作废的记录（「cd_operation」为「D」）' },
      { line_no: 4, error_codes: ['row.deleted'], reason_zh: '源系统中已删除或作废的记录（「cd_operation」为「D」）' },
    ]);
    // the pre-check counts the same three
    const p = await previewFile(null, f);
    expect(p.validation?.rejected).toBe(3);
    expect(Object.fromEntries((p.validation?.reasons ?? []).map((x) => [x.code, x.rows]))).toEqual({ 'row.deleted': 2, 'key.superseded': 1 });
  });

  it('without a version or time column the first of a key loads, as before; a version column of text is none', async () => {
    const ws = await freshWorkspace();
    const f = csv('plain.csv', [`${CASE_HEAD},版本号`, 'A1,菜园镇,2024-03-05,1000,V1', 'A1,菜园镇,2024-03-05,2000,V2']);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 1, rows_rejected: 1 });
    expect(await rows(ws, `SELECT fine_amount::DOUBLE AS fine FROM penalty_case`)).toEqual([{ fine: 1000 }]);
    expect(await rows(ws, `SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 3, error_codes: ['key.duplicate_in_file'] }]);
  });

  it('the preview says the older versions are superseded', async () => {
    const f = csv('prevv.csv', [`${CASE_HEAD},数据版本`, 'A1,菜园镇,2024-03-05,1000,1', 'A1,菜园镇,2024-03-05,2000,2']);
    const p = await previewFile(null, f);
    expect(p.validation?.rejected).toBe(1);
    expect(p.validation?.reasons.map((x) => x.code)).toEqual(['key.superseded']);
  });
});

describe('a 拉链表: the versions of a record by their period (start_dt / end_dt)', () => {
  it('the version whose end is open (9999-12-31, 9999-99-99, empty) loads wherever it stands, else the latest start; not the first line, not the last', async () => {
    const ws = await freshWorkspace();
    const f = csv('zipper.csv', [
      `${CASE_HEAD},start_dt,end_dt`,
      'A1,菜园镇,2024-03-05,100,2024-01-01,2024-03-01', // line 2: first of A1, closed
      'A1,菜园镇,2024-03-05,300,2024-06-01,9999-12-31', // line 3: A1's current version, in the middle
      'A1,菜园镇,2024-03-05,200,2024-03-01,2024-06-01', // line 4: last of A1, closed
      'B1,菜园镇,2024-04-01,10,2024-02-01,2024-05-01', // line 5: no open end: the latest start (line 6) loads
      'B1,菜园镇,2024-04-01,20,2024-05-01,2024-08-01', // line 6
      'C1,菜园镇,2024-05-01,1,2024-01-01,2024-02-01', // line 7
      'C1,菜园镇,2024-05-01,2,2024-02-01,9999-99-99', // line 8: open as 9999-99-99
      'D1,菜园镇,2024-05-02,5,2024-01-01,2024-03-01', // line 9
      'D1,菜园镇,2024-05-02,6,2024-03-01,', // line 10: open as empty
      'E1,菜园镇,2024-05-03,50,2024-01-01,9999-12-31', // line 11: one version only
      'F1,菜园镇,2024-05-04,70,2024-01-01,2024-04-01', // line 12: closed, every field as line 13's
      'F1,菜园镇,2024-05-04,70,2024-04-01,9999-12-31', // line 13: the current version (a revocation: no field says so)
    ]);
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_read: 12, rows_loaded: 6, rows_rejected: 6 });
    // the period's columns stay unmapped (kept in extras)
    expect(r.unmapped_headers).toEqual(expect.arrayContaining(['start_dt', 'end_dt']));
    expect(await rows(ws, `SELECT case_id, fine_amount::DOUBLE AS fine, extras->>'start_dt' AS s FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', fine: 300, s: '2024-06-01' },
      { case_id: 'B1', fine: 20, s: '2024-05-01' },
      { case_id: 'C1', fine: 2, s: '2024-02-01' },
      { case_id: 'D1', fine: 6, s: '2024-03-01' },
      { case_id: 'E1', fine: 50, s: '2024-01-01' },
      { case_id: 'F1', fine: 70, s: '2024-04-01' },
    ]);
    const rej = await rows(ws, `SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      [2, ['key.superseded']],
      [4, ['key.superseded']],
      [5, ['key.superseded']],
      [7, ['key.superseded']],
      [9, ['key.superseded']],
      [12, ['key.superseded']],
    ]);
    expect(rej[1]!.reason_zh).toBe('已被本文件第 3 行的较新版本取代（按「end_dt」「start_dt」判断新旧；内容不同：罚款金额（元）、「start_dt」、「end_dt」），只导入最新版本');
    // the same fields, another period: another version of the record, not a repeated line
    expect(rej[5]!.reason_zh).toBe('已被本文件第 13 行的较新版本取代（按「end_dt」「start_dt」判断新旧；内容不同：「start_dt」、「end_dt」），只导入最新版本');
    expect(rej[5]!.reason_en).toBe('superseded by the newer version on line 13 of this file (told by "end_dt", "start_dt"; other values: "start_dt", "end_dt"); only the newest version is loaded');
    expect(r.warnings.some((w) => w.includes('按「end_dt」、「start_dt」列判断新旧') && w.includes('6 行较旧的版本未导入'))).toBe(true);

    // the preview counts them the same way
    const p = await previewFile(null, f);
    expect(p.validation?.rejected).toBe(6);
    expect(p.validation?.reasons.map((x) => [x.code, x.rows])).toEqual([['key.superseded', 6]]);
  });

  it('a record\'s own dates are no period of versions: 有效期至, 开始日期/结束日期, a start_dt without an end_dt — the first of a key loads', async () => {
    const ws = await freshWorkspace();
    for (const [name, head] of [
      ['valid-to.csv', '生效日期,有效期至'],
      ['plain-dates.csv', '开始日期,结束日期'],
      ['start-only.csv', 'start_dt,备注'],
    ] as const) {
      const f = csv(name, [`${CASE_HEAD},${head}`, 'A1,菜园镇,2024-03-05,100,2024-01-01,2024-03-01', 'A1,菜园镇,2024-03-05,300,2024-06-01,9999-12-31']);
      const r = await importFile(ws, f);
      expect(r, name).toMatchObject({ rows_loaded: 1, rows_rejected: 1 });
      expect(await rows(ws, `SELECT fine_amount::DOUBLE AS fine FROM penalty_case WHERE import_id = ${r.import_id}`), name).toEqual([{ fine: 100 }]);
      expect(await rows(ws, `SELECT line_no, error_codes FROM rejected_row WHERE import_id = ${r.import_id}`), name).toEqual([{ line_no: 3, error_codes: ['key.duplicate_in_file'] }]);
      await ws.db.exec(`DELETE FROM penalty_case WHERE import_id = ${r.import_id}`);
    }
  });

  it('a period is found beside a version number (both kept: the period orders first); values that are no dates are no period', () => {
    const cols = [
      { index: 0, header: '案件编号', field: 'case_id' },
      { index: 1, header: 'START_DT', field: null },
      { index: 2, header: '拉链结束日期', field: null },
      { index: 3, header: '版本号', field: null },
    ];
    const cands = historyCandidates(cols);
    expect(cands.map((c) => [c.column.header, c.role])).toEqual([
      ['START_DT', 'start'],
      ['拉链结束日期', 'end'],
      ['版本号', 'version'],
    ]);
    expect(decideHistory(cands, [[], ['2024-01-01', '20240301'], ['9999-12-31', '', '2024-03-01'], ['1', '2']])).toEqual({
      markers: [],
      validity: { start: { index: 1, header: 'START_DT' }, end: { index: 2, header: '拉链结束日期' } },
      version: { index: 3, header: '版本号' },
    });
    // every end empty (every version current) is still an end
    expect(decideHistory(cands.slice(0, 2), [[], ['2024-01-01'], ['', '']])?.validity).toBeDefined();
    // a start of words, or an end without a start: no period
    expect(decideHistory(cands.slice(0, 2), [[], ['当前', '历史'], ['9999-12-31']])).toBeUndefined();
    expect(decideHistory(cands.slice(1, 2), [[], [], ['9999-12-31']])).toBeUndefined();
  });
});

describe('recognising history columns', () => {
  it('headers are compared without case, separators or a bracket note', () => {
    expect(historyHeaderKey('IS_DELETED')).toBe('isdeleted');
    expect(historyHeaderKey('删除标记（0否1是）')).toBe('删除标记');
    expect(historyHeaderKey('gmt-modified')).toBe('gmtmodified');
  });

  it('a candidate is taken only when its sampled values fit; mapped columns are never candidates', () => {
    const cols = [
      { index: 0, header: '案件编号', field: 'case_id' },
      { index: 1, header: 'del_flag', field: null },
      { index: 2, header: '版本号', field: null },
      { index: 3, header: 'tong_time', field: null },
      { index: 4, header: '修改时间', field: null },
      { index: 5, header: '数据状态', field: 'status_like' },
    ];
    const cands = historyCandidates(cols);
    expect(cands.map((c) => [c.column.header, c.role])).toEqual([
      ['del_flag', 'marker'],
      ['版本号', 'version'],
      ['tong_time', 'time'],
      ['修改时间', 'time'],
    ]);
    const h = decideHistory(cands, [[], ['0', '1', ''], ['1', '2'], ['2024-06-01 10:00:00'], ['20240601101500']]);
    expect(h).toEqual({
      markers: [{ index: 1, header: 'del_flag', kind: 'flag', deleted: expect.arrayContaining(['1', 'Y', '是']) }],
      version: { index: 2, header: '版本号' },
      // a change time before a synchronisation time
      time: { index: 4, header: '修改时间' },
    });
    // values that are not the role's: nothing
    expect(decideHistory(cands, [[], ['0', '2'], ['v1'], ['昨天'], ['']])).toBeUndefined();
  });

  it('a file without history headers adds nothing to the conversion SQL', () => {
    const t = tableDef('penalty_case')!;
    const cols = [
      { index: 0, header: '案件编号', field: 'case_id' },
      { index: 1, header: '执法机关', field: 'unit_id' },
      { index: 2, header: '备注', field: null },
    ];
    expect(historyCandidates(cols)).toEqual([]);
    const a = buildConvSql(t, cols, ['案件编号', '执法机关', '备注'], 'src', false);
    const b = buildConvSql(t, cols, ['案件编号', '执法机关', '备注'], 'src', false, [], false, 'any', undefined, true, [], undefined, true, 'line', undefined);
    expect(b.select).toBe(a.select);
    expect(a.select).not.toContain('__ver');
  });
});
