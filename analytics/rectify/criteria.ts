// When an indicator value is a problem, and how serious — one definition for raising an item from
// a run and for checking it against the next period's data, so "fixed" means exactly "no longer
// meets the condition that raised it".
import { goalposts } from '../scoring/normalize.js';
import type { Criterion, Severity } from './types.js';

/** Scores below this (on the indicator's goalposts, 0–100) are the bottom band: the 不合格 band. */
export const BAND_SCORE = 60;

export interface IndicatorTerms {
  direction: 'higher' | 'lower';
  goalposts: { lower: number; upper: number };
  target?: { op: string; value: number; source: string } | null;
}

/** A value misses its target (with the engine's tolerance of 1e-9). */
export function missesTarget(raw: number, op: string, target: number): boolean {
  const eps = 1e-9;
  if (op === '>=') return raw < target - eps;
  if (op === '<=') return raw > target + eps;
  return Math.abs(raw - target) > eps;
}

/** The score on the indicator's own goalposts (whatever normalisation a run used). */
export function goalpostScore(raw: number, t: IndicatorTerms): number {
  return goalposts(raw, t.goalposts.lower, t.goalposts.upper, t.direction) ?? 0;
}

/**
 * Why a value is a problem: 'target' when the indicator has a target and the value misses it;
 * 'band' when it has none and the value scores below 60 on its goalposts; null when neither.
 */
export function indicatorCriterion(raw: number, t: IndicatorTerms): Extract<Criterion, 'target' | 'band'> | null {
  if (t.target) return missesTarget(raw, t.target.op, t.target.value) ? 'target' : null;
  return goalpostScore(raw, t) < BAND_SCORE ? 'band' : null;
}

/** The same condition, for checking an item raised for it. */
export function stillAProblem(raw: number, criterion: Criterion, t: IndicatorTerms): boolean {
  if (criterion === 'target') return t.target ? missesTarget(raw, t.target.op, t.target.value) : goalpostScore(raw, t) < BAND_SCORE;
  if (criterion === 'band') return goalpostScore(raw, t) < BAND_SCORE;
  return false;
}

/**
 * Severity of an indicator problem: short of a target set by law 高; of the reform plan's (seed)
 * target, or in the bottom band, 中; of a published or assumed target 低.
 */
export function indicatorSeverity(criterion: 'target' | 'band', targetSource: string | undefined): Severity {
  if (criterion === 'band') return '中';
  if (targetSource === 'law') return '高';
  if (targetSource === 'seed') return '中';
  return '低';
}
