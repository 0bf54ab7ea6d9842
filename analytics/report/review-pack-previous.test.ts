// The DOCX review pack shows a clue's earlier period's conclusion (previous_mark) as the XLSX pack
// does — a column 上期核查结论, "2023年：已排除（note）" — history beside this period's status, never as
// it (probe 11, F16 leftover: the XLSX pack and the 问题线索 screen showed it, the DOCX did not).
// The note is masked like the other free text unless unmasked.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { buildReports, reportContext, writeReport } from './generate.js';
import { readDocx, readXlsx, sheetRecords, tableWith } from './testing/read-back.js';
import { PERSONAL, reviewFixture } from './testing/review-fixture.js';

describe('review pack: 上期核查结论', () => {
  it('a column in the DOCX detail table of the rule with such a clue, the note masked; a sentence in 总体情况; the XLSX 线索清单 too', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const review = reviewFixture(run.period);
    // the second fine_outside_range clue (party 张三) was excluded last year, with the party named in the note
    const hit = review.hits[1]!;
    expect(hit.hit_key).toBe('嵊综执黄龙罚〔2024〕40号');
    hit.previous_mark = { period: '2023', status: '已排除', note: `2023年已说明：当事人${PERSONAL.party2}已整改`, reviewer: '审核员', updated_at: '2024-01-05T00:00:00Z' };
    const ctx = await reportContext(ws, { runId: run.run_id, review });
    const dir = tempDir();

    const [doc] = buildReports(ctx, 'review');
    await writeReport(doc!, 'docx', join(dir, 'pack.docx'));
    await writeReport(doc!, 'xlsx', join(dir, 'pack.xlsx'));
    const d = await readDocx(join(dir, 'pack.docx'));
    // 罚款超出裁量基准: two clues, the tracking numbers XS2024-001 and -002 (ordered by rule, then key)
    const t = tableWith(d, '线索编号', '核查状态', '上期核查结论');
    const col = t[0]!.indexOf('上期核查结论');
    const status = t[0]!.indexOf('核查状态');
    expect(col).toBe(t[0]!.length - 1); // after this period's status, as in the XLSX pack
    const rowOf = (key: string) => t.find((r) => r.some((c) => c.includes(key)))!;
    // 张三 masked as a name: the surname and ** (maskPerson: the length not shown)
    expect(rowOf('嵊综执黄龙罚〔2024〕40号')[col]).toBe('2023年：已排除（2023年已说明：当事人张**已整改）');
    expect(rowOf('嵊综执黄龙罚〔2024〕40号')[status]).toBe('待核查'); // not last year's 已排除
    expect(rowOf('嵊应急罚〔2024〕12号')[col]).toBe('—');
    // the rule without such a clue keeps its columns
    expect(d.tables.filter((x) => x[0]!.includes('上期核查结论'))).toHaveLength(1);
    expect(tableWith(d, '线索编号', '核查状态', '检查编号')[0]).not.toContain('上期核查结论');
    expect(d.paragraphs.some((p) => p.includes('其中1条线索的同一记录在以前期间已有核查结论，见线索明细“上期核查结论”栏'))).toBe(true);
    expect(d.xml).not.toContain(PERSONAL.party2);
    // the XLSX: 线索清单 gains the column; the rule's sheet (the review engine's) has it, masked now too
    const x = await readXlsx(join(dir, 'pack.xlsx'));
    const list = sheetRecords(x.get('线索清单')!, '线索编号');
    expect(list.map((r) => r['上期核查结论'])).toEqual([null, '2023年：已排除（2023年已说明：当事人张**已整改）', null]);
    expect(JSON.stringify([...x.values()].map((s) => s.rows))).not.toContain(PERSONAL.party2);

    // unmasked: the note as written
    const [open] = buildReports({ ...ctx, unmask: true }, 'review');
    await writeReport(open!, 'docx', join(dir, 'open.docx'));
    const o = tableWith(await readDocx(join(dir, 'open.docx')), '线索编号', '核查状态', '上期核查结论');
    expect(o.find((r) => r.some((c) => c.includes('嵊综执黄龙罚〔2024〕40号')))![col]).toBe(`2023年：已排除（2023年已说明：当事人${PERSONAL.party2}已整改）`);

    // no earlier conclusion: no column, no sentence
    const [plain] = buildReports({ ...ctx, review: reviewFixture(run.period) }, 'review');
    await writeReport(plain!, 'docx', join(dir, 'plain.docx'));
    const p = await readDocx(join(dir, 'plain.docx'));
    expect(p.xml).not.toContain('上期核查结论');
    expect(p.paragraphs.join('\n')).not.toContain('以前期间已有核查结论');
  }, 180_000);
});
