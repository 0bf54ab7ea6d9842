// The mapping file (`tijian import --mapping FILE`): what it refuses, and how it says so.
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TijianError } from '../i18n/errors.js';
import { applyMappingFile, brief, loadMappingFile, MAPPING_MAX_COLUMNS, parseMappingFile } from './mapping-file.js';

const HEAD = 'table: penalty_case\ncolumns:\n  编号: case_id\n  机关: unit_id\n  日期: filed_date\n';

/** The error a function throws (undefined when it throws none). */
function thrown(f: () => unknown): TijianError | undefined {
  try {
    f();
  } catch (e) {
    return e as TijianError;
  }
  return undefined;
}

describe('two columns mapped to one field', () => {
  it('is an error naming both columns and the fix (was: the second column silently unmapped)', () => {
    const { mapping, errors } = parseMappingFile(`${HEAD}  当事人: case_id\n  金额: fine_amount\n`);
    expect(mapping).toBeUndefined();
    expect(errors).toEqual([
      {
        path: 'columns.当事人',
        message:
          '“编号”、“当事人”都映射到字段 case_id（案件编号），一个字段只能取一列：改正映射错的那一列；若一列只在另一列为空时补空，写 当事人: {field: case_id, fallback: true} / ' +
          '"编号", "当事人" are all mapped to case_id: a field takes one column. Correct the wrong one; for a column that only fills the field where the other is empty, write {field: case_id, fallback: true}',
      },
    ]);
  });

  it('a fallback column shares its field with the field’s own column (the design’s 补空), and both are applied', () => {
    const { mapping, errors } = parseMappingFile(`${HEAD}  统一社会信用代码: party_id\n  证件号码: {field: party_id, fallback: true}\n`);
    expect(errors).toEqual([]);
    const m = applyMappingFile(mapping!, ['编号', '机关', '日期', '统一社会信用代码', '证件号码']);
    expect(m.columns.map((c) => [c.header, c.field, c.fallback ?? false])).toEqual([
      ['编号', 'case_id', false],
      ['机关', 'unit_id', false],
      ['日期', 'filed_date', false],
      ['统一社会信用代码', 'party_id', false],
      ['证件号码', 'party_id', true],
    ]);
  });

  it('one header written twice, spaced or full-width, is one column told twice', () => {
    const { errors } = parseMappingFile(`${HEAD}  编 号: ~\n`);
    expect(errors).toEqual([
      { path: 'columns.编 号', message: '与“编号”是同一表头（不计空格、全半角和大小写）：删去其中一行 / the same header as "编号" (spaces, width and case aside): remove one' },
    ]);
    const { errors: twice } = parseMappingFile(`${HEAD}  编号: ~\n`);
    expect(twice).toEqual([{ path: 'columns.编号', message: '“编号”写了两次：删去其中一行 / "编号" is written twice: remove one' }]);
  });
});

describe('a column the mapping lists that the file lacks', () => {
  it('is an error naming it and the file’s header it most likely meant (was: ignored without a word)', () => {
    const { mapping, errors } = parseMappingFile(`${HEAD}  当事人名称: party_name\n`);
    expect(errors).toEqual([]);
    const e = thrown(() => applyMappingFile(mapping!, ['编号', '机关', '日期', '当事人', '罚款金额（元）']));
    expect(e).toBeInstanceOf(TijianError);
    expect(e!.code).toBe('MAPPING_INVALID');
    expect(e!.zh).toBe('映射列出的 1 列在此文件的表头中没有：“当事人名称”（文件中相近的：“当事人”）。请把它们改成文件中的表头（tijian map 文件 可打印），或删去这些行');
    expect(e!.en).toBe(
      `1 column(s) the mapping lists are not among this file's headers: "当事人名称" (the file has "当事人"). Change them to the file's headers (tijian map FILE prints them) or remove those lines`,
    );
  });

  it('with no header alike, the headers the mapping does not list are named', () => {
    const { mapping } = parseMappingFile(`${HEAD}  乡镇名: township\n`);
    const e = thrown(() => applyMappingFile(mapping!, ['编号', '机关', '日期', '所在街道']));
    expect(e!.zh).toBe('映射列出的 1 列在此文件的表头中没有：“乡镇名”。请把它们改成文件中的表头（tijian map 文件 可打印），或删去这些行；文件中映射未列出的表头：“所在街道”');
  });

  it('a header written with other spaces or widths is the same header; a column the mapping does not list is recognised as before', () => {
    const { mapping } = parseMappingFile(`${HEAD}  乡镇: township\n`);
    const m = applyMappingFile(mapping!, ['编 号', '机关', '日期', '乡镇', '罚款金额（元）']);
    expect(m.columns.map((c) => [c.header, c.field, c.confidence])).toEqual([
      ['编 号', 'case_id', 'sure'],
      ['机关', 'unit_id', 'sure'],
      ['日期', 'filed_date', 'sure'],
      ['乡镇', 'township', 'sure'],
      ['罚款金额（元）', 'fine_amount', 'sure'],
    ]);
  });
});

describe('size', () => {
  it(`${MAPPING_MAX_COLUMNS} columns, the most a sheet has, are read (YAML's own duplicate-key check, every key against every other, is off: 200,000 keys were still running at 120 s; duplicates are told by one pass)`, () => {
    // (its time is not asserted here — timed unit tests fail on busy machines; about 0.3 s, was 2 s)
    const text = 'table: penalty_case\ncolumns:\n' + Array.from({ length: MAPPING_MAX_COLUMNS }, (_, i) => `  列${i}: ~\n`).join('');
    expect(parseMappingFile(text).errors).toEqual([]);
  });

  it('more columns than a sheet can have, or a file over 1 MB, is refused with one message', () => {
    const many = 'table: penalty_case\ncolumns:\n' + Array.from({ length: MAPPING_MAX_COLUMNS + 1 }, (_, i) => `  c${i}: township\n`).join('');
    expect(parseMappingFile(many).errors).toEqual([
      {
        path: 'columns',
        message: '列出了 16385 列，多于任何文件可有的 16384 列：映射只需列出文件的表头（tijian map 文件 可打印） / lists 16385 columns, more than any file can have (16384): list the file\'s headers only (tijian map FILE prints them)',
      },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'tj-map-'));
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `${HEAD}# ${'x'.repeat(1_200_000)}\n`);
    const e = thrown(() => loadMappingFile(big));
    expect(e!.code).toBe('MAPPING_INVALID');
    expect(e!.zh).toBe(
      `映射文件“${big}”有 1 处错误：\n  (根 root): 映射文件过大（1.14 MB，上限 1 MB）：映射只需列出文件的表头，tijian map 文件 可打印模板 / the mapping file is too large (1.14 MB; limit 1 MB): list the file's headers only; tijian map FILE prints a template`,
    );
  });

  it('a text over 1 MB is refused before YAML reads it; a file on disk before it is read', () => {
    expect(parseMappingFile(`${HEAD}# ${'x'.repeat(1_100_000)}\n`).errors.map((e) => e.message.split(' / ')[0])).toEqual([
      '映射文件过大（1.05 MB，上限 1 MB）：映射只需列出文件的表头，tijian map 文件 可打印模板',
    ]);
    // 600 MB (sparse): reading it would fail as no string can hold it
    const p = join(mkdtempSync(join(tmpdir(), 'tj-map-')), 'huge.yaml');
    writeFileSync(p, '');
    truncateSync(p, 600 * 1024 * 1024);
    const e = thrown(() => loadMappingFile(p));
    expect(e).toBeInstanceOf(TijianError);
    expect(e!.zh).toContain('映射文件过大（600 MB，上限 1 MB）');
  });

  it('prints 30 errors and counts the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tj-map-'));
    const p = join(dir, 'm.yaml');
    writeFileSync(p, `${HEAD}${Array.from({ length: 40 }, (_, i) => `  c${i}: no_field\n`).join('')}`);
    const e = thrown(() => loadMappingFile(p));
    const lines = e!.zh.split('\n');
    expect(lines[0]).toBe(`映射文件“${p}”有 40 处错误：`);
    expect(lines).toHaveLength(1 + 30 + 1);
    expect(lines[31]).toBe('  ……另有 10 处 / … and 10 more');
  });
});

describe('scale', () => {
  it('1e308 is refused before the import, shown briefly (was: DuckDB echoing a 300-digit number)', () => {
    const { errors } = parseMappingFile(`${HEAD}  罚款金额（元）:\n    field: fine_amount\n    scale: 1.0e+308\n`);
    expect(errors).toEqual([
      {
        path: 'columns.罚款金额（元）.scale',
        message:
          '金额的 scale 应为 1 至 100000000 的整数（元写 1，千元 1000，万元 10000，亿元 100000000），而不是 1e+308 / a money scale must be a whole number from 1 to 100000000 (1 for 元, 10000 for 万元), not 1e+308',
      },
    ]);
  });

  it('a money scale is a whole number (the conversion casts it to DECIMAL(18,0)); a number field’s may be a fraction; a date takes none', () => {
    const { errors } = parseMappingFile(
      `${HEAD}  罚款: {field: fine_amount, scale: 0.5}\n  没收: {field: confiscation_amount, scale: 10000}\n  决定日期: {field: decision_date, scale: 2}\n`,
    );
    expect(errors.map((e) => [e.path, e.message.split(' / ')[0]])).toEqual([
      ['columns.罚款.scale', '金额的 scale 应为 1 至 100000000 的整数（元写 1，千元 1000，万元 10000，亿元 100000000），而不是 0.5'],
      ['columns.决定日期.scale', 'scale 只用于金额或数值字段，“处罚决定日期”（decision_date）不是：删去 scale'],
    ]);
    expect(parseMappingFile('table: officer\ncolumns:\n  培训时长（课时）: {field: training_hours, scale: 0.75}\n').errors).toEqual([]);
    expect(parseMappingFile('table: officer\ncolumns:\n  培训时长: {field: training_hours, scale: 0.00001}\n').errors.map((e) => e.message)).toEqual([
      'scale 应在 0.0001 至 100000000 之间，而不是 1e-5 / scale must be from 0.0001 to 100000000, not 1e-5',
    ]);
  });

  it('numbers and texts are shown briefly', () => {
    expect(brief(1e308)).toBe('1e+308');
    expect(brief(123456789012345680000)).toBe('1.23e+20');
    expect(brief(0.5)).toBe('0.5');
    expect(brief(10000)).toBe('10000');
    expect(brief(0.1 + 0.2)).toBe('0.3');
    expect(brief('长'.repeat(100))).toBe(`${'长'.repeat(40)}…（共 100 字）`);
  });
});

describe('messages', () => {
  it('zod’s complaints are Chinese and English, at a dotted path, saying what to write (was: "Too small: expected number to be >0")', () => {
    const { errors } = parseMappingFile(
      'table: penalty_case\ncolumns:\n  编号: case_idd\n  机关: 3\n  金额: {field: fine_amount, scale: -1}\n  乙: {scale: 2}\n  丙: {field: party_id, fallback: yes}\n  丁: {field: party_name, unit: 元}\nextra: 1\n',
    );
    expect(errors).toEqual([
      {
        path: 'columns.机关',
        message: '应为字段名、~（不映射）或 {field: 字段名, scale: 倍数, fallback: true}，而不是 3 / must be a field name, ~ (leave unmapped) or {field: NAME, scale: FACTOR, fallback: true}, not 3',
      },
      { path: 'columns.金额.scale', message: 'scale 应为大于 0 的倍数（元写 1，万元写 10000），而不是 -1 / scale must be a factor above 0 (1 for 元, 10000 for 万元), not -1' },
      { path: 'columns.乙', message: '缺少 field（字段名，或 ~） / field missing (a field name, or ~)' },
      { path: 'columns.丙', message: 'fallback 应为 true 或 false，而不是 yes / fallback must be true or false, not yes' },
      { path: 'columns.丁', message: '不认识的键：unit。一列的写法只有 field、scale、fallback、date_order，请删去或改正 / unknown key(s) unit: a column takes only field, scale, fallback and date_order' },
      { path: '', message: '不认识的键：extra。映射文件只有 table、columns、values 三项，请删去或改正 / unknown key(s) extra: a mapping file has only table, columns and values' },
      // the field is checked too, though the file's shape is wrong elsewhere: every error at once
      { path: 'columns.编号', message: expect.stringMatching(/^“penalty_case”没有字段“case_idd”，可选：case_id, unit_id, .* \/ penalty_case has no field "case_idd": use one of those listed$/) },
    ]);
  });

  it('a list, a missing table or columns, an empty value and a value mapping of the wrong shape', () => {
    expect(parseMappingFile('- a\n').errors).toEqual([
      { path: '', message: '映射文件应为键值对（table: 数据表名, columns: 表头: 字段），而不是 列表；tijian map 文件 可打印模板 / a mapping file is a map (table: …, columns: …), not a list; tijian map FILE prints a template' },
    ]);
    const { errors } = parseMappingFile('values:\n  source: 3\n');
    expect(errors.map((e) => e.path)).toEqual(['table', 'columns', 'values.source']);
    for (const e of errors) expect(e.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ [A-Za-z]/);
    expect(errors[1]!.message).toBe('缺少 columns：逐行写“表头: 字段” / columns missing: write one "header: field" line per column');
    expect(parseMappingFile(`${HEAD}  备注: ""\n`).errors).toEqual([
      { path: 'columns.备注', message: '字段名不能为空：写字段名，或写 ~ 不映射 / the field is empty: write a field name, or ~ to leave the column unmapped' },
    ]);
  });

  it('YAML errors say where in Chinese; a long header is not echoed', () => {
    expect(parseMappingFile('table: [a\n b: c\n').errors[0]!.message).toMatch(/^YAML 语法错误（第 \d+ 行第 \d+ 列）：请检查该处的缩进、冒号和引号 \/ YAML syntax error at line \d+, column \d+: /);
    const { errors } = parseMappingFile(`${HEAD}  ${'长'.repeat(500)}: no_field\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe(`columns.${'长'.repeat(40)}…（共 500 字）`);
  });
});

describe('a mapping of a sheet with a three-row merged header', () => {
  it('is checked against the headers as finally read (备注 merged down the three rows was first read as 回访评价备注)', async () => {
    const { freshWorkspace, SAMPLES } = await import('../test/helpers.js');
    const { importFile } = await import('./import-file.js');
    const file = join(SAMPLES, 'acceptance5', '01_12345诉求明细导出_2024年7-12月.xlsx');
    const ok = parseMappingFile('table: complaint\ncolumns:\n  诉求编号: complaint_id\n  登记时间: received_date\n  承办单位: unit_id\n  备注: ~\n');
    expect(ok.errors).toEqual([]);
    const r = await importFile(await freshWorkspace(), file, { mapping: ok.mapping! });
    expect(r).toMatchObject({ table: 'complaint', rows_read: 44, rows_loaded: 41, rows_rejected: 3 });
    // a header the file lacks under any reading is still told
    const typo = parseMappingFile('table: complaint\ncolumns:\n  诉求编号: complaint_id\n  登记时间: received_date\n  承办单位: unit_id\n  备注X: ~\n');
    await expect(importFile(await freshWorkspace(), file, { mapping: typo.mapping! })).rejects.toThrow(/备注X/);
  });
});

describe('a field code named in a mapping without a scale', () => {
  it('reads as its standard names it: CF_FKJE is 罚款金额（万元）, ×10,000 (acceptance set 12’s control run read 0.5 万元 as 0.5 元)', () => {
    const m = applyMappingFile({ table: 'penalty_case', columns: { CF_WSH: 'case_id', CF_FKJE: 'fine_amount', 罚款金额: 'confiscation_amount' } }, ['CF_WSH', 'CF_FKJE', '罚款金额']);
    expect(m.columns.map((c) => [c.header, c.scale])).toEqual([
      ['CF_WSH', undefined],
      ['CF_FKJE', 10000],
      // a plain header without a unit keeps none
      ['罚款金额', undefined],
    ]);
    // a scale given wins
    expect(applyMappingFile({ table: 'penalty_case', columns: { CF_FKJE: { field: 'fine_amount', scale: 1 } } }, ['CF_FKJE']).columns[0]!.scale).toBe(1);
  });
});
