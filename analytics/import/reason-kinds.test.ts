// Every reason code a rejected row can be given has plain words (reasonKind): the export sent back
// for 补正 and the pre-check show them in 问题类型, and a code without an entry was shown as the
// code itself (row.control_char, row.too_long, row.too_wide in the 说明 sheet). The codes are
// collected from the sources, so a new one without an entry fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../test/helpers.js';
import { FEEDBACK_TABLE } from '../rectify/feedback.js';
import { caseTable } from '../schema/tables.js';
import { reasonKind } from './reason-kinds.js';

/** The analytics sources (not tests, not this module's own table). */
function sources(): Array<{ file: string; text: string }> {
  const root = join(REPO, 'analytics');
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !p.endsWith('reason-kinds.ts')) {
        out.push({ file: relative(REPO, p), text: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(root);
  return out;
}

describe('reason codes in plain words', () => {
  const src = sources();
  // literal codes, in TypeScript or in SQL: 'row.too_long', 'key.exists', 'rectify.bad_date'
  const literal = new Map<string, string>();
  for (const { file, text } of src) {
    for (const m of text.matchAll(/['"`]((?:row|key|rectify)\.[a-z_]+)['"`]/g)) literal.set(m[1]!, file);
  }
  // a field's codes: code: `${f.name}.invalid`
  const suffixes = new Map<string, string>();
  for (const { file, text } of src) {
    for (const m of text.matchAll(/code:\s*`\$\{[^}`]+\}\.([a-z_]+)`/g)) suffixes.set(m[1]!, file);
  }

  it('the scan finds the codes (it is not looking at nothing)', () => {
    for (const c of ['row.ragged', 'row.control_char', 'row.too_long', 'row.too_wide', 'key.exists', 'rectify.bad_date']) expect([...literal.keys()]).toContain(c);
    for (const s of ['required', 'invalid', 'range']) expect([...suffixes.keys()]).toContain(s);
  });

  it('every literal code (row.*, key.*, rectify.*) has an entry', () => {
    const missing = [...literal]
      .filter(([code]) => {
        const table = code.startsWith('rectify.') ? FEEDBACK_TABLE : caseTable.name;
        const k = reasonKind(table, code);
        return k.zh === code || k.en === code || /[a-z]+_[a-z]+|^[a-z]+\.[a-z]/.test(k.zh);
      })
      .map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("every field code's kind (…required, …invalid, …range) has words for every kind of field", () => {
    const missing: string[] = [];
    for (const [suffix, file] of suffixes) {
      for (const f of caseTable.fields) {
        const code = `${f.name}.${suffix}`;
        const k = reasonKind(caseTable.name, code);
        if (k.zh === code || !k.zh.startsWith(`${f.zh}：`)) missing.push(`${code} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
