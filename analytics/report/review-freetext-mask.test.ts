// Identity and phone numbers typed in free text — an evidence record's 问题描述, a reviewer's note —
// are masked in every masked output as the structured fields are: the review pack (HTML, DOCX,
// XLSX), the unit report's clue table, and the review's own evidence pack (`review --out`); and
// shown as typed with --unmask (probe 13, F1: they came out in full while the pack said 已脱敏).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { writeEvidencePack } from '../review/index.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { buildReports, reportContext, writeReport } from './generate.js';
import { readDocx, readXlsx } from './testing/read-back.js';
import { reviewFixture } from './testing/review-fixture.js';

// The numbers typed, and their masks worked out by hand: 18 digits → four, eight stars, four;
// 15 digits → three, nine stars, three; a mobile (dashes, spaces dropped) or an 11-digit landline
// → three, four stars, four.
const DESC = '举报人（电话13698765432，身份证330922198703154321）反映；手机139-1234-5678，座机0580-5081234，旧证330922870315432';
const DESC_MASKED = '举报人（电话136****5432，身份证3309********4321）反映；手机139****5678，座机058****1234，旧证330*********432';
const NOTE = '当事人另留座机021-12345678，手机139 8765 4321';
const NOTE_MASKED = '当事人另留座机021****5678，手机139****4321';
const RAW = ['13698765432', '330922198703154321', '139-1234-5678', '0580-5081234', '330922870315432', '021-12345678', '139 8765 4321'];

function fixture(period: Parameters<typeof reviewFixture>[0]) {
  const review = reviewFixture(period);
  const rule = review.rules[0]!;
  rule.evidence_columns = [...rule.evidence_columns, '问题描述'];
  const hit = review.hits[0]!;
  hit.evidence = { ...hit.evidence, 问题描述: DESC };
  hit.mark = { ...hit.mark!, note: NOTE };
  return review;
}

const htmlText = (path: string) =>
  readFileSync(path, 'utf8')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/[\u200b]/g, '');

function allCells(sheets: Map<string, { rows: unknown[][] }>): string {
  return [...sheets.values()].flatMap((s) => s.rows.flat()).map((v) => (v === null || v === undefined ? '' : String(v))).join('\n');
}

describe('free text masked in the masked outputs (F1)', () => {
  it('review pack HTML, DOCX and XLSX, the unit report and the evidence pack; --unmask as typed', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const review = fixture(run.period);
    const ctx = await reportContext(ws, { runId: run.run_id, review });
    const dir = tempDir();

    const [pack] = buildReports(ctx, 'review');
    for (const f of ['html', 'docx', 'xlsx'] as const) await writeReport(pack!, f, join(dir, `pack.${f}`));
    const html = htmlText(join(dir, 'pack.html'));
    // the pack says what it masks in free text, and that names written there are not
    expect(html).toContain('文字中写到的姓名无法可靠识别，未作脱敏，外传前请核看。');
    expect(html).toContain(`问题描述：${DESC_MASKED}`); // the HTML/DOCX pack shows no reviewers' notes, only their status
    const docx = await readDocx(join(dir, 'pack.docx'));
    const docText = docx.tables.flat(2).join('\n');
    expect(docText).toContain(`问题描述：${DESC_MASKED}`);
    const xlsx = allCells(await readXlsx(join(dir, 'pack.xlsx')));
    expect(xlsx).toContain(DESC_MASKED);
    expect(xlsx).toContain(NOTE_MASKED);
    for (const raw of RAW) {
      expect(html).not.toContain(raw);
      expect(docx.xml).not.toContain(raw);
      expect(xlsx).not.toContain(raw);
    }

    // the unit report of 应急管理局 (ZY07), whose clue it is
    const [unit] = buildReports(ctx, 'unit', 'ZY07');
    await writeReport(unit!, 'docx', join(dir, 'unit.docx'));
    await writeReport(unit!, 'xlsx', join(dir, 'unit.xlsx'));
    const ud = await readDocx(join(dir, 'unit.docx'));
    // (its DOCX lists the clues' summaries only; the evidence is in its XLSX sheet 线索明细)
    const ux = allCells(await readXlsx(join(dir, 'unit.xlsx')));
    expect(ux).toContain(DESC_MASKED);
    for (const raw of RAW) {
      expect(ud.xml).not.toContain(raw);
      expect(ux).not.toContain(raw);
    }

    // review --out: the engine's evidence pack
    await writeEvidencePack(review, join(dir, 'review.xlsx'));
    const ev = allCells(await readXlsx(join(dir, 'review.xlsx')));
    expect(ev).toContain(DESC_MASKED);
    expect(ev).toContain(NOTE_MASKED);
    for (const raw of RAW) expect(ev).not.toContain(raw);

    // --unmask: as typed
    await writeEvidencePack(review, join(dir, 'open.xlsx'), { unmask: true });
    const open = allCells(await readXlsx(join(dir, 'open.xlsx')));
    expect(open).toContain(DESC);
    expect(open).toContain(NOTE);
    const [openPack] = buildReports({ ...ctx, unmask: true }, 'review');
    await writeReport(openPack!, 'html', join(dir, 'open.html'));
    expect(htmlText(join(dir, 'open.html'))).toContain(`问题描述：${DESC}`);
  }, 180_000);
});
