// 扣分制 and 一票否决, as used in case-file review (案卷评查) and in assessment schemes
// (考评细则): an item starts at full marks and loses a fixed number of points per occurrence of a
// defect, down to zero at most (扣完为止); a veto item (一票否决) — a legal red line — makes the
// whole result 不合格 whatever the score.

import type { Grade } from './grades.js';
import { internal, invalid } from './internal.js';

export type DeductionRule = {
  /** Full marks of the item (分值). */
  full: number;
  /** Points deducted per occurrence (每发现一处扣 x 分). */
  perOccurrence: number;
  /** How many occurrences were found (a count: a non-negative integer). */
  occurrences: number;
  /** Most points the item may lose in total (最多扣 y 分); default: the full marks. */
  cap?: number;
};

/**
 * score = max(0, full − min(perOccurrence × occurrences, cap)).
 * 扣完为止: the item never goes below 0, and `cap` (if given) limits the total deduction
 * (e.g. full 10, 2 per occurrence, at most 6: 5 occurrences → 10 − 6 = 4).
 */
export function deductionScore(rule: DeductionRule): number {
  const { full, perOccurrence, occurrences, cap } = rule;
  const bad = (zh: string, en: string): never => {
    throw invalid(`扣分规则：${zh}`, `deduction rule: ${en}`, rule);
  };
  if (!Number.isFinite(full) || full < 0) bad(`满分必须是非负数（${full}）`, `full marks must be a non-negative number (${full})`);
  if (!Number.isFinite(perOccurrence) || perOccurrence < 0) {
    bad(`每处扣分必须是非负数（${perOccurrence}）`, `points per occurrence must be a non-negative number (${perOccurrence})`);
  }
  if (cap !== undefined && (!Number.isFinite(cap) || cap < 0)) bad(`扣分上限必须是非负数（${cap}）`, `the cap must be a non-negative number (${cap})`);
  if (!Number.isInteger(occurrences) || occurrences < 0) {
    throw internal(`扣分规则：发现次数必须是非负整数（${occurrences}）`, `deduction rule: occurrences must be a non-negative integer (${occurrences})`, rule);
  }
  let deduction = perOccurrence * occurrences;
  if (cap !== undefined && deduction > cap) deduction = cap;
  const score = full - deduction;
  return score > 0 ? score : 0;
}

export type Veto = { id: string; hit: boolean };

/**
 * 一票否决: any hit veto makes the grade 不合格 (the lowest grade, so "capping at 不合格" is
 * setting it), and lists which vetoes hit, in the order given, without duplicates. No hit → the
 * grade is unchanged. A null grade (score NA) stays null unless a veto hits: a red line crossed is
 * 不合格 even when the score cannot be computed.
 */
export function applyVeto(grade: Grade, vetoes: readonly Veto[]): { grade: Grade; vetoedBy: string[] };
export function applyVeto(grade: Grade | null, vetoes: readonly Veto[]): { grade: Grade | null; vetoedBy: string[] };
export function applyVeto(grade: Grade | null, vetoes: readonly Veto[]): { grade: Grade | null; vetoedBy: string[] } {
  const vetoedBy: string[] = [];
  for (const v of vetoes) if (v.hit && !vetoedBy.includes(v.id)) vetoedBy.push(v.id);
  return { grade: vetoedBy.length > 0 ? '不合格' : grade, vetoedBy };
}
