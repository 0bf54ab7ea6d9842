// Every report of the sample — the county report, all 17 unit reports, the review pack — rendered once
// to DOCX, HTML, PDF (Chromium) and the DOCX again through LibreOffice, and checked page by page:
// no signature block alone on a page, no page under 15% filled (except the last page of an annex),
// no number broken in a table cell (Chromium's own layout of every number, and the LibreOffice pages
// against the numbers of the DOCX's table cells), the PDF text is the text shown (every unit's name,
// no Kangxi radicals), chart labels at least 7.5 pt, fonts embedded as CID TrueType, page numbers odd right / even left, the style
// checker finds nothing, and each unit's 整改要求 cites at least one of its own records (checked
// against the workspace's tables directly). Page images go to test-artifacts/report/pages/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { Workspace } from '../workspace/workspace.js';
import type { ReportContext } from './common.js';
import { dateZh } from './format.js';
import { buildReports, reportContext, writeReports } from './generate.js';
import type { ReportDoc } from './model.js';
import { chromiumPath } from './render/pdf.js';
import { numberTokens } from './render/fit.js';
import { sofficePath } from './render/libreoffice.js';
import { FONTS } from './render/layout.js';
import { checkStyle } from './style.js';
import { artifactDir, hasChromium, hasProgram, readDocx } from './testing/read-back.js';
import { fontTypes, pageFills, pageNumberPositions, pageTexts } from './testing/pages.js';

const TIMEOUT = 600_000;
const DATE = '2025-01-15';
const MIN_FILL = 0.15;

const ready = hasChromium() && !!sofficePath() && hasProgram('pdftotext') && hasProgram('pdftoppm') && hasProgram('pdffonts');

let dir: string;
let ws: Workspace;
let run: EvaluationResult;
let ctx: ReportContext;
interface Rendered {
  doc: ReportDoc;
  pdf: string;
  docx: string;
  html: string;
  lo: string;
}
const all: Rendered[] = [];
const units = () => run.entities.filter((e) => e.entity_type === 'unit');

/** The TrueType CJK fonts the PDF is expected to embed as CID fonts, when installed here. */
function trueTypeCjkInstalled(): boolean {
  try {
    const list = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    return ['AR PL UMing CN', 'WenQuanYi Micro Hei'].every((f) => list.includes(f));
  } catch {
    return false;
  }
}

beforeAll(async () => {
  if (!ready) return;
  dir = mkdtempSync(join(tmpdir(), 'tijian-pages-'));
  const path = join(dir, 'shengsi.duckdb');
  copyFileSync(inject('sampleWorkspace'), path);
  ws = await Workspace.open(path);
  run = await evaluate(ws, { period: '2024', compare: '2023' });
  ctx = await reportContext(ws, { runId: run.run_id, date: DATE });
  const out = artifactDir('pages');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const docs = [...buildReports(ctx, 'county'), ...buildReports(ctx, 'unit', 'all'), ...buildReports(ctx, 'review')];
  for (const f of ['pdf', 'docx', 'html'] as const) await writeReports(docs, f, join(out, f), { folder: true });
  // LibreOffice converts every DOCX in one run
  const lo = join(out, 'lo');
  mkdirSync(lo, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'tijian-lo-'));
  try {
    execFileSync(sofficePath()!, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', lo, ...docs.map((d) => join(out, 'docx', `${d.fileStem}.docx`))], {
      env: { ...process.env, HOME: profile },
      timeout: TIMEOUT,
      stdio: 'ignore',
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const d of docs) {
    all.push({ doc: d, pdf: join(out, 'pdf', `${d.fileStem}.pdf`), docx: join(out, 'docx', `${d.fileStem}.docx`), html: join(out, 'html', `${d.fileStem}.html`), lo: join(lo, `${d.fileStem}.pdf`) });
  }
  // the pages to look at
  const png = join(out, 'png');
  mkdirSync(png, { recursive: true });
  for (const r of all) {
    execFileSync('pdftoppm', ['-r', '40', '-png', r.pdf, join(png, `${r.doc.fileStem}-pdf`)]);
    execFileSync('pdftoppm', ['-r', '40', '-png', r.lo, join(png, `${r.doc.fileStem}-docx`)]);
  }
}, TIMEOUT);

afterAll(() => {
  ws?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The last page of each annex (pages numbered from 0): the page before the next 附件 or the last page. */
function annexEnds(pages: string[]): Set<number> {
  const starts = pages.map((t, i) => (/^\s*附件\s*\d+\s*$/m.test(t.split('\n').find((l) => l.trim()) ?? '') ? i : -1)).filter((i) => i >= 0);
  const ends = new Set<number>();
  for (const s of starts.slice(1)) ends.add(s - 1);
  if (starts.length) ends.add(pages.length - 1);
  return ends;
}

/** Pages whose lines are only the signature (issuer, date), the page number, 附件说明 or 版记. */
function signatureAlone(pages: string[], issuer: string, date: string): number[] {
  const out: number[] = [];
  pages.forEach((t, i) => {
    const lines = t.split('\n').map((l) => l.replace(/\s+/g, '')).filter(Boolean);
    if (!lines.includes(date)) return;
    const rest = lines.filter((l) => l !== date && l !== issuer.replace(/\s+/g, '') && !/^—\d+—$/.test(l) && !/印发$/.test(l) && !/^(附件：)?\d+\./.test(l));
    if (!rest.length) out.push(i + 1);
  });
  return out;
}

describe.skipIf(!ready)('every report rendered to pages', () => {
  it('no signature block alone on a page, no page under 15% filled but the last of an annex (PDF and DOCX)', () => {
    const date = dateZh(DATE);
    const summary: Array<{ report: string; pdf: number; docx: number }> = [];
    for (const r of all) {
      for (const [what, file] of [['PDF', r.pdf], ['DOCX', r.lo]] as const) {
        const pages = pageTexts(file);
        const fills = pageFills(file);
        expect(fills.length, `${r.doc.fileStem} ${what}`).toBe(pages.length);
        expect(signatureAlone(pages, r.doc.issuer, date), `${r.doc.fileStem} ${what}: signature alone`).toEqual([]);
        // the signature is there at all
        expect(pages.some((p) => p.split('\n').some((l) => l.replace(/\s+/g, '') === date)), `${r.doc.fileStem} ${what}: signature`).toBe(true);
        const exempt = annexEnds(pages);
        const thin = fills.map((f, i) => ({ page: i + 1, fill: Math.round(f * 100) / 100 })).filter((x) => x.fill < MIN_FILL && !exempt.has(x.page - 1));
        expect(thin, `${r.doc.fileStem} ${what}: pages under 15% filled`).toEqual([]);
      }
      summary.push({ report: r.doc.fileStem, pdf: pageTexts(r.pdf).length, docx: pageTexts(r.lo).length });
    }
    writeFileSync(join(artifactDir('pages'), 'pages.json'), JSON.stringify(summary, null, 2));
    console.log(summary.map((s) => `${s.report}: PDF ${s.pdf}, DOCX (LibreOffice) ${s.docx}`).join('\n'));
  }, TIMEOUT);

  it('no number broken in a table cell: Chromium lays out every number on one line, LibreOffice shows every number of the DOCX tables whole', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
    try {
      // the text width (156 mm) as the viewport: the print layout's line lengths
      const page = await browser.newPage({ viewport: { width: Math.round((156 / 25.4) * 96), height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      let checked = 0;
      for (const r of all) {
        await page.setContent(readFileSync(r.html, 'utf8'), { waitUntil: 'load' });
        const res = await page.evaluate(() => {
          const spans = [...document.querySelectorAll('.n')];
          const broken = spans.filter((s) => s.getClientRects().length > 1).map((s) => s.textContent);
          const inCells = spans.filter((s) => s.closest('td')).length;
          const overflow = [...document.querySelectorAll('td')].filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent);
          // chart labels as printed: CSS px at the chart's scale on the 156 mm text width → pt
          const small = [...document.querySelectorAll('figure svg')].flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
            return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, pt: parseFloat(getComputedStyle(t).fontSize) * scale * 0.75 })).filter((x) => x.pt < 7.5);
          });
          const charts = document.querySelectorAll('figure svg text').length;
          return { n: spans.length, inCells, broken, overflow, small, charts };
        });
        expect(res.broken, `${r.doc.fileStem}: numbers on two lines`).toEqual([]);
        expect(res.overflow, `${r.doc.fileStem}: cells narrower than their numbers`).toEqual([]);
        expect(res.inCells).toBeGreaterThan(0);
        expect(res.small, `${r.doc.fileStem}: chart labels under 7.5 pt`).toEqual([]);
        if (r.doc.blocks.some((x) => x.type === 'chart')) expect(res.charts).toBeGreaterThan(10);
        checked += res.n;
      }
      expect(checked).toBeGreaterThan(1000);
    } finally {
      await browser.close();
    }
    // LibreOffice: every number token of the DOCX's table cells appears whole on a line of its pages
    for (const r of all) {
      const d = await readDocx(r.docx);
      const want = new Map<string, number>();
      // the numbers (not record codes, not SHA-256 values, which may break) of every cell
      for (const t of d.tables) for (const row of t) for (const c of row) if (!/[0-9A-Za-z]{16,}/.test(c)) for (const tok of numberTokens(c)) if (tok.length >= 4 && !/^[A-Z]/.test(tok)) want.set(tok, (want.get(tok) ?? 0) + 1);
      // each line as laid out (-layout keeps a table row's cells apart with spaces)
      const lines = pageTexts(r.lo).flatMap((p) => p.split('\n'));
      const have = new Map<string, number>();
      for (const l of lines) for (const tok of numberTokens(l)) have.set(tok, (have.get(tok) ?? 0) + 1);
      const missing = [...want].filter(([tok, n]) => (have.get(tok) ?? 0) < n).map(([tok, n]) => `${tok} ${have.get(tok) ?? 0}/${n}`);
      expect(missing, `${r.doc.fileStem}: numbers broken in the DOCX's tables`).toEqual([]);
      expect(want.size).toBeGreaterThan(5);
    }
  }, TIMEOUT);

  it('the PDF text is the text shown: every unit name as written, no Kangxi radicals; fonts embedded as CID TrueType; page numbers odd right, even left', () => {
    const county = all.find((r) => r.doc.kind === 'county')!;
    const flat = (f: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\s+/g, '');
    const countyText = flat(county.pdf);
    for (const u of units()) expect(countyText, u.short_name).toContain(u.short_name);
    for (const r of all) {
      const t = flat(r.pdf);
      // chart labels are text in the font shown, not glyph programs mapped to the wrong characters
      expect(t.match(/[\u2e80-\u2fdf]/gu) ?? [], `${r.doc.fileStem}: Kangxi radicals`).toEqual([]);
      expect(t).toContain(r.doc.title.replace(/\s+/g, ''));
      if (r.doc.kind === 'unit') {
        const u = units().find((x) => r.doc.title.startsWith(x.name))!;
        expect(t).toContain(`${u.name}：`);
      }
      if (trueTypeCjkInstalled()) {
        const types = fontTypes(r.pdf);
        expect(types.length).toBeGreaterThan(0);
        expect(types.filter((x) => x !== 'CID TrueType'), `${r.doc.fileStem} fonts`).toEqual([]);
      }
      const pos = pageNumberPositions(r.pdf);
      expect(pos.every((p) => p !== null), `${r.doc.fileStem}: a page number on every page`).toBe(true);
      for (const p of pos) {
        // GB/T 9704 and the DOCX: odd pages on the right, even pages on the left
        if (p!.number % 2) expect(p!.x, `${r.doc.fileStem} page ${p!.number}`).toBeGreaterThan(0.6);
        else expect(p!.x, `${r.doc.fileStem} page ${p!.number}`).toBeLessThan(0.4);
      }
    }
    expect(FONTS.body).toContain('AR PL UMing CN');
  });

  it('the style checker finds nothing in any report; the narrative never calls a met target a weakness', () => {
    for (const r of all) expect(checkStyle(r.doc), r.doc.fileStem).toEqual([]);
    // a met target is never listed as a weak point: the county's 存在问题 and every unit's problem list
    const county = all.find((r) => r.doc.kind === 'county')!.doc;
    const cty = run.entities.find((e) => e.entity_type === 'county')!;
    const met = run.indicators.filter((m) => {
      const v = cty.indicators[m.id];
      if (!m.target || !v || v.status !== 'ok' || v.raw === null) return false;
      return m.target.op === '>=' ? v.raw >= m.target.value : m.target.op === '<=' ? v.raw <= m.target.value : v.raw === m.target.value;
    });
    expect(met.length).toBeGreaterThan(3);
    const problemsSection = county.blocks.slice(
      county.blocks.findIndex((b) => b.type === 'heading' && b.text.endsWith('存在的主要问题')),
      county.blocks.findIndex((b) => b.type === 'heading' && b.text.endsWith('下一步工作')),
    );
    const text = JSON.stringify(problemsSection);
    for (const m of met) expect(text, m.name.zh).not.toMatch(new RegExp(`${m.name.zh}为`));
  });

  it("each unit's 整改要求 cites at least one of its own records (numbers checked against the workspace's tables)", async () => {
    for (const u of units()) {
      const r = all.find((x) => x.doc.kind === 'unit' && x.doc.title.startsWith(u.name))!;
      const d = await readDocx(r.docx);
      const t = d.tables.find((x) => x[0]?.includes('整改要求'));
      if (!t) continue;
      const col = t[0]!.indexOf('整改要求');
      const requirements = t.slice(1).map((row) => row[col] ?? '').join('\n');
      const ids = (
        await ws.db.all<{ id: string }>(
          `SELECT case_id AS id FROM penalty_case WHERE unit_id = '${u.entity_id}'
           UNION SELECT inspection_id FROM inspection WHERE lead_unit_id = '${u.entity_id}' OR list_contains(unit_ids, '${u.entity_id}')
           UNION SELECT complaint_id FROM complaint WHERE unit_id = '${u.entity_id}'
           UNION SELECT officer_id FROM officer WHERE unit_id = '${u.entity_id}'
           UNION SELECT plan_task_id FROM inspection_plan WHERE unit_id = '${u.entity_id}'
           UNION SELECT finding_id FROM supervision_finding WHERE unit_id = '${u.entity_id}'`,
        )
      ).map((x) => String(x.id));
      const cited = ids.filter((id) => id.length >= 5 && requirements.includes(id));
      expect(cited.length, `${u.short_name}: 整改要求 cites none of its records`).toBeGreaterThan(0);
      // and none of another unit's
      const others = (await ws.db.all<{ id: string }>(`SELECT case_id AS id FROM penalty_case WHERE unit_id <> '${u.entity_id}'`)).map((x) => String(x.id));
      expect(others.filter((id) => requirements.includes(id)), u.short_name).toEqual([]);
    }
  });

  it('the pages are there to look at', () => {
    for (const r of all) expect(existsSync(join(artifactDir('pages'), 'png', `${basename(r.doc.fileStem)}-pdf-1.png`)) || existsSync(join(artifactDir('pages'), 'png', `${r.doc.fileStem}-pdf-01.png`))).toBe(true);
  });
});
