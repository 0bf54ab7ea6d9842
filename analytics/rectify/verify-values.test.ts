// The rectification check runs an index's SQL too, before the evaluation: its values are checked
// as the evaluation checks them (analytics/eval/values.ts) — a NaN or a unit the workspace does not
// have stops the check naming the indicator, instead of a check result written from nothing.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { parsePeriod } from '../eval/period.js';
import { parseIndexText } from '../index/parse.js';
import { sampleWorkspace } from '../test/helpers.js';
import { measure } from './verify.js';

function withSql(sql: string) {
  const doc = parseDocument(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
  doc.setIn(['indicators', 0, 'sql'], sql);
  const sys = parseIndexText(String(doc)).system!;
  return { sys, id: sys.indicators[0]!.id };
}

describe('the rectification check’s values', () => {
  it('a NaN and an unknown unit stop it, naming the indicator; the default index’s values pass', async () => {
    const ws = await sampleWorkspace();
    const period = parsePeriod('2024');
    const bad = withSql(`SELECT unit_id AS entity_id, 'nan'::DOUBLE AS numerator, 1 AS denominator FROM unit WHERE $end IS NOT NULL UNION ALL SELECT 'NO_SUCH_UNIT', 1, 2`);
    const e = await measure(ws.db, bad.sys, [bad.id], [], period).then(
      () => null,
      (x: unknown) => x as { code: string; zh: string },
    );
    expect(e?.code).toBe('INDEX_INVALID');
    expect(e?.zh).toContain(`（${bad.id}）`);
    expect(e?.zh).toContain('NO_SUCH_UNIT');
    expect(e?.zh).toContain('不是有限数值');
    const good = parseIndexText(readFileSync(DEFAULT_INDEX_PATH, 'utf8')).system!;
    const m = await measure(ws.db, good, [good.indicators[0]!.id], [], period);
    expect(m.values.get(good.indicators[0]!.id)!.size).toBeGreaterThan(0);
  });
});
