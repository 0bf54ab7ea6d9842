// Probe 8 (P8-06, P8-07, P8-08, P8-10): what `index check` must refuse, every error at once with
// its dotted path — grade bands, a target on the wrong side of the worst goalpost, AHP matrices
// an AHP evaluation would refuse, all-zero indicator weights in a dimension, a derived relation
// named like one of the workspace's own tables, a red line with an indicator's id.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { parseIndexText } from './parse.js';
import { checkIndexText, semanticErrors } from './validate.js';

const TEXT = readFileSync(DEFAULT_INDEX_PATH, 'utf8');

/** The default index with `edit` applied, through the schema, then the semantic checks. */
function semantic(edit: (doc: any) => void) {
  const doc = parseYaml(TEXT);
  edit(doc);
  const { system, errors } = parseIndexText(stringify(doc));
  expect(errors).toEqual([]);
  return semanticErrors(system!);
}

const at = (errors: Array<{ path: string; message: string }>) => errors.map((e) => e.path).sort();
const ones = (n: number) => Array.from({ length: n }, () => Array.from({ length: n }, () => 1));

describe('grade bands (P8-06)', () => {
  it('the default bands pass', () => {
    expect(semantic(() => undefined)).toEqual([]);
  });

  it('a gap: two bands only — 合格 and 不合格 are missing, and 良好 would catch every score below 80', () => {
    const errors = semantic((d) => {
      d.method.grades = [{ grade: '优秀', min: 90 }, { grade: '良好', min: 80 }];
    });
    expect(at(errors)).toEqual(['method.grades', 'method.grades[1].min']);
    expect(errors.find((e) => e.path === 'method.grades')!.message).toMatch(/^缺少等次 合格、不合格：.* \/ missing grade\(s\) Pass, Fail/);
  });

  it('swapped: 不合格 ≥ 90 and 优秀 ≥ 0 are out of order, and every score would be 优秀', () => {
    const errors = semantic((d) => {
      d.method.grades = [{ grade: '不合格', min: 90 }, { grade: '合格', min: 80 }, { grade: '良好', min: 60 }, { grade: '优秀', min: 0 }];
    });
    expect(at(errors)).toEqual(['method.grades[0].grade', 'method.grades[1].grade', 'method.grades[2].grade', 'method.grades[3].grade']);
    expect(errors.find((e) => e.path === 'method.grades[0].grade')!.message).toMatch(/第 1 个等次应为“优秀”而不是“不合格”/);
  });

  it('a grade twice, bounds not descending, a band above 100 and a last band starting above 0 — all at once', () => {
    const errors = semantic((d) => {
      d.method.grades = [{ grade: '优秀', min: 120 }, { grade: '良好', min: 80 }, { grade: '良好', min: 85 }, { grade: '不合格', min: 10 }];
    });
    expect(at(errors)).toEqual(['method.grades', 'method.grades[0].min', 'method.grades[2].grade', 'method.grades[2].min', 'method.grades[3].min'].sort());
    expect(errors.find((e) => e.path === 'method.grades[2].grade')!.message).toMatch(/等次“良好”重复（与 method.grades\[1\] 相同）/);
    expect(errors.find((e) => e.path === 'method.grades[0].min')!.message).toMatch(/“优秀”的下限 120 应在 0（不含）到 100 分之间/);
    expect(errors.find((e) => e.path === 'method.grades[2].min')!.message).toMatch(/“良好”的下限 85 不低于“良好”的 80/);
    expect(errors.find((e) => e.path === 'method.grades[3].min')!.message).toMatch(/最后一个等次“不合格”的下限 10 应不高于 0/);
  });

  it('bands starting at 0 for 不合格 are fine', () => {
    expect(semantic((d) => {
      d.method.grades = [{ grade: '优秀', min: 85 }, { grade: '良好', min: 75 }, { grade: '合格', min: 60 }, { grade: '不合格', min: 0 }];
    })).toEqual([]);
  });
});

describe('what evaluate would refuse is told by index check (P8-07)', () => {
  it('a target on the wrong side of the worst goalpost, for each direction', () => {
    const errors = semantic((d) => {
      const online = d.indicators.find((x: any) => x.id === 'online_handling'); // higher, goalposts 0.7–1
      online.target.value = 0.5;
      const overdue = d.indicators.find((x: any) => x.id === 'overdue_rate'); // lower
      overdue.target.value = overdue.goalposts.upper;
    });
    expect(errors.map((e) => [e.path, e.id])).toEqual([
      ['indicators[14].target.value', 'overdue_rate'],
      ['indicators[20].target.value', 'online_handling'],
    ]);
    expect(errors.find((e) => e.id === 'online_handling')!.message).toBe(
      '“越高越好”的指标，目标值（0.5）应高于最差值 goalposts.lower（0.7）/ higher-is-better indicator: the target (0.5) must be above the worst goalpost, goalposts.lower (0.7)',
    );
  });

  it('AHP matrices: not reciprocal, off Saaty’s scale, inconsistent (CR ≥ 0.1) — each at its dimension', () => {
    const errors = semantic((d) => {
      const inst = ones(6);
      inst[0]![1] = 9; // [1][0] stays 1
      d.dimensions[0].ahp = inst;
      const sup = ones(7);
      sup[0]![1] = 1e300;
      sup[1]![0] = 1e-300; // reciprocal, but no judgement of anyone
      d.dimensions[1].ahp = sup;
      const q = ones(8);
      // a cycle: 0 ≫ 1, 1 ≫ 2, 2 ≫ 0
      [q[0]![1], q[1]![0], q[1]![2], q[2]![1], q[2]![0], q[0]![2]] = [9, 1 / 9, 9, 1 / 9, 9, 1 / 9];
      d.dimensions[2].ahp = q;
      d.dimensions[3].ahp = ones(9); // consistent: fine
    });
    expect(errors.map((e) => [e.path, e.id])).toEqual([
      ['dimensions[0].ahp', 'institutions'],
      ['dimensions[1].ahp', 'supervision'],
      ['dimensions[2].ahp', 'quality'],
    ]);
    expect(errors[0]!.message).toMatch(/^判断矩阵“执法制度”不满足互反性：\[0\]\[1\]（第 1 行第 2 列） = 9，而 \[1\]\[0\] = 1，应为 1\/9 \/ pairwise matrix/);
    expect(errors[1]!.message).toMatch(/^判断值须在 1\/9 到 9 之间（Saaty 标度），超出的有：\[0\]\[1\] = 1e\+300，\[1\]\[0\] = 1e-300 \//);
    expect(errors[2]!.message).toMatch(/^判断矩阵一致性比例 CR = \d\.\d{3} ≥ 0\.1/);
  });

  it('a grade twice (grades_dup: evaluate refused it, index check said valid)', async () => {
    const { system, errors } = await checkIndexText(
      TEXT.replace('- { grade: 良好, min: 80 }', '- { grade: 优秀, min: 80 }'),
      { checkSql: false },
    );
    expect(system).toBeUndefined();
    expect(at(errors)).toEqual(['method.grades', 'method.grades[1].grade']);
  });
});

describe('all-zero indicator weights (P8-08)', () => {
  it('a dimension whose indicators all weigh 0 is an error naming it, not equal weights called expert', () => {
    const errors = semantic((d) => {
      for (const x of d.indicators) if (x.dimension === 'supervision') x.weight = 0;
      // one weight 0 among others is a choice, and fine
      d.indicators.find((x: any) => x.id === 'comp_matter_share').weight = 0;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'dimensions[1]', id: 'supervision' });
    expect(errors[0]!.message).toMatch(/^维度“监管履职”下各指标的权重（weight）全为 0/);
  });
});

describe('names that collide (P8-10)', () => {
  it('a red line with an indicator’s id', () => {
    const errors = semantic((d) => {
      d.red_lines[1].id = 'overdue_rate';
    });
    expect(errors).toEqual([{ path: 'red_lines[1].id', id: 'overdue_rate', message: '红线与指标 indicators[14] 同名 / a red line with the id of indicators[14]' }]);
  });

  it('derived relations named like the workspace’s own tables (runs, metadata, imports, review marks, the ledger)', async () => {
    const doc = parseYaml(TEXT);
    const n = doc.derived.length;
    for (const name of ['eval_run', 'tijian_meta', 'import_log', 'review_mark', 'rectify_item', 'eval_run_seq']) doc.derived.push({ name, description: '测试', sql: 'SELECT 1 AS x' });
    doc.derived.push({ name: 'my_summary', description: '测试', sql: 'SELECT 1 AS x' }); // fine
    const { system, errors } = await checkIndexText(stringify(doc));
    expect(system).toBeUndefined();
    // (rectify_item, shadowed, then fails the two ledger indicators' SQL too)
    expect(errors.filter((e) => e.path.startsWith('derived')).map((e) => [e.path, e.id])).toEqual(
      ['eval_run', 'tijian_meta', 'import_log', 'review_mark', 'rectify_item', 'eval_run_seq'].map((name, k) => [`derived[${n + k}].name`, name]),
    );
    expect(errors[0]!.message).toBe('与工作区自身的数据表“eval_run”重名，请换一个名称 / the name of the workspace\'s own table eval_run: choose another name');
  });
});
