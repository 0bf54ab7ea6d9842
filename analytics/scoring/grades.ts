// Grades, ranks and period-over-period change.
// Spec: /work/shared/design/index-system.md, "Method" → Grades: 优秀 ≥ 90, 良好 80–90, 合格 60–80,
// 不合格 < 60, configurable. A score on a boundary takes the higher grade (80 is 良好).

import { internal, invalid, val, type Maybe } from './internal.js';

export type Grade = '优秀' | '良好' | '合格' | '不合格';

export const GRADES: readonly Grade[] = ['优秀', '良好', '合格', '不合格'];

export const GRADE_EN: Readonly<Record<Grade, string>> = {
  优秀: 'Excellent',
  良好: 'Good',
  合格: 'Pass',
  不合格: 'Fail',
};

export type GradeBand = { grade: Grade; min: number };

export const DEFAULT_BANDS: readonly GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格', min: -Infinity },
];

/**
 * A score this close below a boundary takes the grade above it. Weighted means carry
 * floating-point noise (89.99999999999999 for what is 90 in exact arithmetic), and the UI shows
 * such a score as "90.0": it must read 优秀, not 良好.
 */
export const GRADE_BOUNDARY_TOLERANCE = 1e-9;

/**
 * Throws unless the bands are non-empty, have distinct known grades and strictly descending
 * minimums (no NaN; −Infinity allowed).
 */
export function validateBands(bands: readonly GradeBand[]): void {
  if (bands.length === 0) throw invalid('等级划分为空', 'grade bands are empty');
  const seen = new Set<string>();
  bands.forEach((b, i) => {
    if (!GRADES.includes(b.grade)) {
      throw invalid(`等级划分第 ${i + 1} 项的等级“${String(b.grade)}”未知`, `grade band ${i + 1}: unknown grade "${String(b.grade)}"`);
    }
    if (seen.has(b.grade)) throw invalid(`等级“${b.grade}”在等级划分中出现两次`, `grade "${b.grade}" appears twice in the bands`);
    seen.add(b.grade);
    if (typeof b.min !== 'number' || Number.isNaN(b.min) || b.min === Infinity) {
      throw invalid(`等级“${b.grade}”的下限不是有效数值（${String(b.min)}）`, `grade "${b.grade}": lower bound is not a valid number (${String(b.min)})`);
    }
    const prev = bands[i - 1];
    if (prev && !(b.min < prev.min)) {
      throw invalid(
        `等级划分须按下限从高到低排列：“${b.grade}”的下限 ${b.min} 不低于“${prev.grade}”的 ${prev.min}`,
        `grade bands must be in descending order of their lower bound: "${b.grade}" (${b.min}) is not below "${prev.grade}" (${prev.min})`,
      );
    }
  });
}

/**
 * The grade of a score: the first band (highest first) whose minimum the score reaches, with
 * GRADE_BOUNDARY_TOLERANCE. The last band also catches anything below its own minimum (so bands
 * ending in { 不合格, min: 0 } work like the default's −Infinity). NA → null.
 */
export function grade(score: Maybe, bands: readonly GradeBand[] = DEFAULT_BANDS): Grade | null {
  validateBands(bands);
  const s = val(score);
  if (s === null) return null;
  for (const b of bands) if (s >= b.min - GRADE_BOUNDARY_TOLERANCE) return b.grade;
  return bands[bands.length - 1]!.grade;
}

/**
 * Standard competition ranking ("1224"): tied entities share the best rank of their group and
 * the next rank skips, e.g. 95, 90, 90, 80 → 1, 2, 2, 4. Ties: sorted best first, each value
 * within `epsilon` (default 1e-9) of the first value of the current group joins it (the group is
 * anchored, not chained, so a run of values each 0.6·epsilon apart does not merge into one group).
 * NA → null, and NA entities do not take up ranks. The result depends only on the values, never on
 * the order of the entities.
 */
export function rankWithTies(
  scores: readonly Maybe[],
  options: { higherIsBetter?: boolean; epsilon?: number } = {},
): (number | null)[] {
  const higher = options.higherIsBetter ?? true;
  const eps = options.epsilon ?? 1e-9;
  if (!Number.isFinite(eps) || eps < 0) throw internal(`epsilon 必须是非负数（${eps}）`, `epsilon must be a non-negative number (${eps})`);
  const out: (number | null)[] = scores.map(() => null);
  const idx: number[] = [];
  const xs: number[] = [];
  scores.forEach((x, i) => {
    const v = val(x);
    if (v !== null) {
      idx.push(i);
      xs.push(v);
    }
  });
  const order = xs.map((_, k) => k);
  order.sort((a, b) => (higher ? xs[b]! - xs[a]! : xs[a]! - xs[b]!) || a - b);
  let start = 0;
  while (start < order.length) {
    const anchor = xs[order[start]!]!;
    let end = start + 1;
    while (end < order.length && Math.abs(xs[order[end]!]! - anchor) <= eps) end++;
    for (let k = start; k < end; k++) out[idx[order[k]!]!] = start + 1;
    start = end;
  }
  return out;
}

/**
 * Change from the previous period: delta = current − previous; pct = delta / |previous| × 100
 * (a percentage: 12.5 means +12.5 %). Dividing by |previous| keeps the sign of pct equal to the
 * sign of delta even for a negative previous value (e.g. a year-over-year change indicator).
 * Either side NA → both null; previous = 0 → pct null (no base to compare with).
 */
export function change(current: Maybe, previous: Maybe): { delta: number | null; pct: number | null } {
  const c = val(current);
  const p = val(previous);
  if (c === null || p === null) return { delta: null, pct: null };
  const delta = c - p;
  return { delta, pct: p === 0 ? null : (delta / Math.abs(p)) * 100 };
}
