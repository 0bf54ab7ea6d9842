// tijian review / tijian mark on the imported sample, through the CLI entry point.
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { main } from '../cli/main.js';
import { SAMPLES, sampleWorkspace, tempDir } from '../test/helpers.js';
import { DEFAULT_RULES_PATH } from './load.js';
import { lit } from '../db/duck.js';
import { Workspace } from '../workspace/workspace.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

/** A closed copy of the sample workspace, for the CLI to open. */
async function samplePath(): Promise<string> {
  const ws = await sampleWorkspace();
  const path = ws.path;
  ws.close();
  return path;
}

interface JsonOut {
  masked: boolean;
  rules: Array<{ id: string; name: { zh: string; en: string }; severity: string; hits: number; units: Record<string, number> }>;
  hits: Array<{ rule: string; ref: string; hit_key?: string; keys: Record<string, unknown>; unit_id: string | null; officer_ids: string[]; summary: string; mark: { status: string; note: string } | null }>;
}

const PLANTED = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '_planted.json'), 'utf8')) as { rules: Record<string, { hits: Array<{ year: number }> }> };

describe('tijian review', () => {
  it('--json lists every rule with its hits per unit, and every hit, masked', async () => {
    const path = await samplePath();
    const r = await run('review', '--workspace', path, '--period', '2024', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as JsonOut;
    expect(j.masked).toBe(true);
    expect(j.rules.map((x) => x.id)).toEqual(Object.keys(PLANTED.rules));
    for (const rule of j.rules) {
      expect(rule.hits, rule.id).toBe(PLANTED.rules[rule.id]!.hits.filter((h) => h.year === 2024).length);
      expect(Object.values(rule.units).reduce((a, n) => a + n, 0)).toBe(rule.hits);
      expect(rule.name.zh).toBeTruthy();
      expect(['高', '中', '低']).toContain(rule.severity);
    }
    // the planted 2024 hits (overdue_case counts the cases still open past their limit at the end of 2024)
    expect(j.hits).toHaveLength(Object.values(PLANTED.rules).reduce((n, r) => n + r.hits.filter((h) => h.year === 2024).length, 0));
    expect(j.hits).toHaveLength(32);
    for (const h of j.hits) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['rule', 'keys', 'unit_id', 'officer_ids', 'summary']));
      expect(h.summary.length).toBeGreaterThan(10);
    }
    // the party's id number in officer_party_lenient's keys is masked
    expect(r.out).not.toContain('330903196804073347');
    expect(j.hits.find((h) => h.rule === 'officer_party_lenient')!.keys.party_id).toBe('3309********3347');
  });

  it('--out writes the evidence pack; --unmask shows personal data', async () => {
    const path = await samplePath();
    const out = join(tempDir(), 'pack.xlsx');
    const r = await run('review', '--workspace', path, '--period', '2023', '--out', out, '--unmask', '--json');
    expect(r.code, r.err).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(r.err).toContain('未脱敏');
    const j = JSON.parse(r.out) as JsonOut;
    expect(j.masked).toBe(false);
    expect(r.out).toContain('330922197110052676');
    expect((await run('review', '--workspace', path, '--period', '2023', '--out', join(tempDir(), 'x.csv'))).code).toBe(2);
  });

  it('prints a readable list without --json, with no personal data', async () => {
    const path = await samplePath();
    const r = await run('review', '--workspace', path, '--period', '2024');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('重大案件未经法制审核即作出决定（major_without_review）: 2');
    expect(r.out).toContain('嵊应急罚〔2024〕21号');
    expect(r.out).not.toMatch(/330903196804073347|923309226043650948/);
  });

  it('--rules uses another rules file (here: a 20-day window for repeated inspections)', async () => {
    const path = await samplePath();
    const doc = parseYaml(readFileSync(DEFAULT_RULES_PATH, 'utf8'));
    doc.rules = doc.rules.filter((x: { id: string }) => x.id === 'repeat_inspection');
    doc.rules[0].params.window_days = 20;
    const file = join(tempDir(), 'rules.yaml');
    writeFileSync(file, stringify(doc));
    const r = await run('review', '--workspace', path, '--period', '2024', '--rules', file, '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out) as JsonOut;
    expect(j.rules.map((x) => [x.id, x.hits])).toEqual([['repeat_inspection', 1]]); // the 30-day pair drops out
  });
});

describe('tijian mark', () => {
  it('marks a hit by its ref (with --period) or hit_key, and the marks show in the next review', async () => {
    const path = await samplePath();
    const j = JSON.parse((await run('review', '--workspace', path, '--period', '2024', '--json')).out) as JsonOut;
    const lenient = j.hits.find((h) => h.rule === 'officer_party_lenient')!;
    const overdue = j.hits.find((h) => h.rule === 'overdue_case')!;
    let r = await run('mark', '--workspace', path, '--rule', 'officer_party_lenient', '--key', lenient.ref, '--period', '2024', '--status', '已核实', '--note', '已移交纪检组', '--reviewer', '王某', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ rule: 'officer_party_lenient', ref: lenient.ref, mark: { status: '已核实', note: '已移交纪检组', reviewer: '王某' } });
    // a mark concludes one period's clue (probe 11 F16): without --period it is refused
    r = await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', overdue.hit_key!, '--status', 'excluded', '--note', '延期审批表在纸质卷中');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--period');
    r = await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', overdue.hit_key!, '--period', '2024', '--status', 'excluded', '--note', '延期审批表在纸质卷中');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已排除');
    expect((await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', overdue.ref, '--period', '2024', '--status', '已核实')).code).toBe(0);

    const again = JSON.parse((await run('review', '--workspace', path, '--period', '2024', '--json')).out) as JsonOut;
    expect(again.hits.find((h) => h.ref === lenient.ref)!.mark).toMatchObject({ status: '已核实', note: '已移交纪检组' });
    expect(again.hits.find((h) => h.ref === overdue.ref)!.mark).toMatchObject({ status: '已核实' });
    const list = JSON.parse((await run('mark', '--workspace', path, '--list', '--json')).out) as { marks: unknown[] };
    expect(list.marks).toHaveLength(2);
  });

  it('a note holding ESC sequences, a line feed or a right-to-left override is printed escaped by review, mark and mark --list; --json keeps the value, its bidi control escaped too (hostile probe 9, F2: printed raw)', async () => {
    const path = await samplePath();
    const j = JSON.parse((await run('review', '--workspace', path, '--period', '2024', '--json')).out) as JsonOut;
    const overdue = j.hits.find((h) => h.rule === 'overdue_case')!;
    const note = '\x1b]8;;http://evil.example\x1b\\点此查看\x1b[2K\x1b[1A\n✓ 伪造行\u202e反转';
    const shown = '\\x1b]8;;http://evil.example\\x1b\\点此查看\\x1b[2K\\x1b[1A\\n✓ 伪造行\\u202e反转';
    // typed, such a note is refused (and its error shown escaped); a workspace from elsewhere holds it
    const typed = await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', overdue.ref, '--period', '2024', '--status', '已核实', '--note', note, '--reviewer', '王\x1b[8m某');
    expect(typed.code).toBe(2); // (a usage error)
    expect(typed.err).not.toMatch(/[\x1b\u202e]/);
    expect(typed.err).toContain('“核查说明”含有看不见的控制字符 U+001B、U+202E');
    const m = await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', overdue.ref, '--period', '2024', '--status', '已核实', '--note', '待改', '--reviewer', '王某');
    expect(m.code, m.err).toBe(0);
    const ws = await Workspace.open(path);
    // (a period's marks are read from the log of changes)
    for (const t of ['review_mark', 'review_mark_log']) await ws.db.exec(`UPDATE ${t} SET note = ${lit(note)}, reviewer = ${lit('王\x1b[8m某')}`);
    ws.close();
    const review = await run('review', '--workspace', path, '--period', '2024');
    const list = await run('mark', '--workspace', path, '--list');
    for (const out of [review.out, list.out]) {
      expect(out).not.toMatch(/[\x1b\u202e]/);
      expect(out).not.toContain('\n✓ 伪造行');
    }
    expect(review.out).toContain(`  —— ${shown}\n`);
    expect(list.out).toContain(`  王\\x1b[8m某  ${shown}\n`);
    const listed = await run('mark', '--workspace', path, '--list', '--json');
    expect(listed.out).not.toMatch(/[\x1b\u202e]/);
    expect(listed.out).toContain('伪造行\\u202e反转');
    expect((JSON.parse(listed.out) as { marks: Array<{ note: string }> }).marks[0]!.note).toBe(note);
  });

  it('refuses unknown rules, statuses, hits and refs it cannot resolve', async () => {
    const path = await samplePath();
    expect((await run('mark', '--workspace', path, '--rule', 'no_such_rule', '--key', 'case_id=X', '--status', '已核实')).code).toBe(1);
    expect((await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', 'case_id=X', '--status', '处理中')).code).toBe(2);
    expect((await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', '0123456789', '--status', '已核实')).code).toBe(2);
    expect((await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', 'party_id=X', '--status', '已核实')).code).toBe(2);
    const r = await run('mark', '--workspace', path, '--rule', 'overdue_case', '--key', 'case_id=不存在', '--period', '2024', '--status', '已核实');
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有线索');
  });
});

describe("a reviewer's note leaving the workspace", () => {
  /** Every cell's text of every sheet of an XLSX file. */
  async function cellTexts(path: string): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const out: string[] = [];
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => out.push(c.text))));
    return out;
  }

  // the party (李嘉晨, 330903196804073347) and the officer (鲍国) of the planted officer_party_lenient hit
  const note = '已约谈鲍国，当事人李嘉晨（330903196804073347，电话13812345678）已整改';
  // masked by hand: names to the first character and two stars, the id 4 + 8 stars + 4, the mobile 3 + 4 stars + 4
  const masked = '已约谈鲍**，当事人李**（3309********3347，电话138****5678）已整改';

  it('review --out: masked in the XLSX as in the DOCX pack (was: written as typed); --unmask writes it as typed', async () => {
    const path = await samplePath();
    const m = await run('mark', '--workspace', path, '--rule', 'officer_party_lenient', '--key', 'ed39bdbc04', '--period', '2024', '--status', '已核实', '--note', note);
    expect(m.code, m.err).toBe(0);
    const out = join(tempDir(), 'pack.xlsx');
    const r = await run('review', '--workspace', path, '--period', '2024', '--out', out);
    expect(r.code, r.err).toBe(0);
    const cells = await cellTexts(out);
    expect(cells).toContain(masked);
    expect(cells.filter((c) => /鲍国|李嘉晨|330903196804073347|13812345678/.test(c))).toEqual([]);
    // --json and the printed list alike
    const j = JSON.parse((await run('review', '--workspace', path, '--period', '2024', '--json')).out) as JsonOut;
    expect(j.hits.find((h) => h.ref === 'ed39bdbc04')!.mark!.note).toBe(masked);
    const printed = await run('review', '--workspace', path, '--period', '2024');
    expect(printed.out).toContain(`  —— ${masked}`);
    expect(printed.out).not.toMatch(/鲍国|李嘉晨|13812345678/);
    // asked unmasked: as typed
    const open = join(tempDir(), 'open.xlsx');
    expect((await run('review', '--workspace', path, '--period', '2024', '--out', open, '--unmask')).code).toBe(0);
    expect(await cellTexts(open)).toContain(note);
  });
});
