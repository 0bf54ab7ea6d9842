// A small checker of the reports' Chinese, run over every report in the tests: the mechanical faults
// a drafter would otherwise have to correct by hand.
//   分别       needs two items or more after it ("全县分别为53.8%" has one)
//   quotes     a quotation inside “…” uses ‘…’ (never “…“…”…”); brackets and quotes balance
//   minus      no ASCII hyphen as a minus sign (−3.2, not -3.2)
//   repeated   no sentence repeated in the narrative
//   measure    a count after 增加/减少/超出/差 carries its measure word (增加1件, not 增加1)
//   numbering  no lone （一） or 1. (a heading level with a single item)
//   punctuation no doubled or misplaced punctuation ("。），依据：", "，，")
//   internal   no internal words (table and parameter names, MAD, Red flag, unnamed sources)
import { inlineText, type ReportDoc } from './model.js';

export type StyleRule = '分别' | 'quotes' | 'minus' | 'repeated' | 'measure' | 'numbering' | 'punctuation' | 'internal';

export interface StyleIssue {
  rule: StyleRule;
  /** The text around the fault. */
  at: string;
  message: string;
}

const around = (s: string, i: number, n = 18) => s.slice(Math.max(0, i - n), i + n);

/** Sentences of a text (split after 。！？). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const MEASURE_AFTER = /(?:增加|减少|新增|超出|高出|多出|差|下降|上升|提高)([\u2212+]?\d[\d,]*(?:\.\d+)?)(?![\d.,]|%|‰|个|件|次|户|人|项|条|起|家|元|万|分|天|日|月|年|位|名|处|学时|倍|个百分点|\/)/g;
const INTERNAL = [
  /\b[a-z]+(?:_[a-z0-9]+)+\b/, // snake_case identifiers: table, column and parameter names
  /\bMAD\b/,
  /red flag/i,
  /某县|某市|某地/,
  /\$[a-z_]+/,
];

/** The faults of one run of text (a paragraph, a cell). */
export function checkText(text: string): StyleIssue[] {
  const out: StyleIssue[] = [];
  // 分别 with fewer than two items after it, up to the end of the clause
  for (const m of text.matchAll(/分别/g)) {
    const rest = text.slice(m.index! + 2).split(/[。；]/)[0] ?? '';
    if (!/[、和与及]|，.*[\d%]/.test(rest)) out.push({ rule: '分别', at: around(text, m.index!), message: '“分别”后面只有一项' });
  }
  // quotation marks: double inside double
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '“') {
      if (depth > 0) out.push({ rule: 'quotes', at: around(text, i), message: '引号内的引号应使用‘’' });
      depth++;
    } else if (ch === '”') depth = Math.max(0, depth - 1);
  }
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  if (count(/“/g) !== count(/”/g)) out.push({ rule: 'quotes', at: text.slice(0, 40), message: '双引号不成对' });
  if (count(/‘/g) !== count(/’/g)) out.push({ rule: 'quotes', at: text.slice(0, 40), message: '单引号不成对' });
  if (count(/（/g) !== count(/）/g)) out.push({ rule: 'quotes', at: text.slice(0, 40), message: '括号不成对' });
  // ASCII hyphen as a minus sign: a hyphen before a digit that does not join two digits or letters
  for (const m of text.matchAll(/(?<![0-9A-Za-z])-(?=\d)/g)) out.push({ rule: 'minus', at: around(text, m.index!), message: '负号应为“−”（U+2212），不用连字符' });
  // a count without its measure word
  for (const m of text.matchAll(MEASURE_AFTER)) out.push({ rule: 'measure', at: around(text, m.index!), message: `“${m[0]}”缺少量词` });
  // punctuation
  for (const m of text.matchAll(/。[）)]?[，；：、]|[，；、：]{2}|。。|，。|；。|、。|。）[^。\n]/g)) {
    out.push({ rule: 'punctuation', at: around(text, m.index!), message: `标点“${m[0]}”` });
  }
  for (const re of INTERNAL) {
    const m = re.exec(text);
    if (m) out.push({ rule: 'internal', at: around(text, m.index), message: `内部用语“${m[0]}”` });
  }
  return out;
}

/**
 * The faults of a report: every paragraph, heading, caption, note and table cell; sentences
 * repeated anywhere in the narrative; heading levels with a single item.
 */
export function checkStyle(doc: ReportDoc): StyleIssue[] {
  const out: StyleIssue[] = [];
  const narrative: string[] = [];
  const texts: string[] = [doc.title, doc.subtitle ?? ''];
  // a heading level with a single item: count the headings of each level under their parent
  const counts: number[][] = [[0], [0], [0]];
  const lone = (level: number) => {
    const c = counts[level]!;
    if (c[c.length - 1] === 1) out.push({ rule: 'numbering', at: `level ${level + 1}`, message: `层次序号只有一项（如单独的“（一）”）` });
  };
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading': {
        const lvl = b.level - 1;
        for (let k = lvl + 1; k < 3; k++) {
          lone(k);
          counts[k]!.push(0);
        }
        counts[lvl]![counts[lvl]!.length - 1]!++;
        texts.push(b.text);
        break;
      }
      case 'annex':
        for (let k = 0; k < 3; k++) {
          if (k > 0) lone(k);
          counts[k]!.push(0);
        }
        texts.push(b.title);
        break;
      case 'paragraph': {
        const t = inlineText(b.content);
        texts.push(t);
        if (b.style !== 'note') narrative.push(t);
        break;
      }
      case 'table':
        texts.push(b.caption, b.note ?? '', ...b.columns.map((c) => c.header));
        for (const r of b.rows) for (const c of r) texts.push(c.text);
        break;
      case 'chart':
        texts.push(b.caption);
        break;
      case 'recipient':
        texts.push(b.text);
        break;
      case 'attachments':
        texts.push(...b.items);
        break;
      case 'signature':
      case 'imprint':
      case 'pageBreak':
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  }
  for (let k = 1; k < 3; k++) lone(k);
  for (const t of texts) if (t) out.push(...checkText(t));
  const seen = new Map<string, number>();
  for (const p of narrative) for (const s of sentences(p)) if (s.length >= 8) seen.set(s, (seen.get(s) ?? 0) + 1);
  for (const [s, n] of seen) if (n > 1) out.push({ rule: 'repeated', at: s.slice(0, 40), message: `句子重复${n}次` });
  return out;
}
