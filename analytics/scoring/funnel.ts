// Funnel plots for comparing units of very different sizes on a proportion (Spiegelhalter D.J.,
// "Funnel plots for comparing institutional performance", Statistics in Medicine 2005;24:1185–1202).
// Each unit is a point (denominator n, observed proportion y = x/n); around the target θ0 (the
// county rate) two pairs of control limits are drawn as functions of n: 95% (≈ 2 SD, "alert") and
// 99.8% (≈ 3 SD, "alarm"). A unit outside the 99.8% limits differs from the county by more than
// chance would make a unit of its size differ; inside them, its difference from the county may be
// chance alone, however large it looks in a league table.
//
// Limits, for a tail probability p (0.025 and 0.975 for 95%; 0.001 and 0.999 for 99.8%):
// - exact binomial with the interpolation of the paper's Appendix A.1.1: r_p = the smallest r with
//   P(R ≤ r) ≥ p for R ~ Bin(n, θ0), α = (P(R ≤ r_p) − p) / (P(R ≤ r_p) − P(R ≤ r_p − 1)); the
//   lower limit is (r_p − α)/n — the p-quantile of R − U, U uniform on [0, 1), a continuous
//   stand-in for the count. The upper limit is the same interpolation on the other side of the
//   count, (r_p + 1 − α)/n (the p-quantile of R + U). With these, a unit is outside a limit exactly
//   when its one-sided exact binomial p-value is below the tail probability: a count of r_p is
//   inside the upper limit (P(R ≥ r_p) > 1 − p) and r_p + 1 outside (P(R ≥ r_p + 1) ≤ 1 − p).
//   (Applying (r_p − α)/n to the upper side too, as some implementations do, draws a count of r_p
//   just outside the upper limit although its tail probability exceeds the nominal one: 2 of 51
//   against 0.33% would be a 99.8% outlier at p = 1.4%. See Manktelow & Seaton, PLoS ONE
//   2012;7:e45723, on the probability characteristics of interpolated limits.)
// - normal approximation: θ0 + z_p √(θ0(1 − θ0)/n), z_0.975 = 1.960, z_0.999 = 3.090.
// Both are clipped to [0, 1]: where even the most extreme count is not improbable enough at a
// denominator (θ0^n > 0.1% for the upper 99.8% limit), the limit is the boundary and nothing lies
// beyond it. The exact limits are the default (they stay right for the small denominators of many
// units here); the normal ones are offered for comparison. Units are placed by the limits drawn.
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { internal } from './internal.js';

export type FunnelMethod = 'exact' | 'normal';

/** The two control levels of the paper: 95% and 99.8% (two-sided). */
export const FUNNEL_LEVELS = [0.95, 0.998] as const;

export interface Limits {
  lower: number;
  upper: number;
}

function check(theta: number, n: number, level: number): void {
  if (!(theta >= 0 && theta <= 1)) throw internal(`漏斗图目标比率须在 0 到 1 之间（${theta}）`, `funnel target must be between 0 and 1 (${theta})`);
  if (!(n > 0) || !Number.isFinite(n)) throw internal(`漏斗图分母须为正数（${n}）`, `funnel denominator must be positive (${n})`);
  if (!(level > 0 && level < 1)) throw internal(`控制水平须在 0 到 1 之间（${level}）`, `control level must be between 0 and 1 (${level})`);
}

const clip01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** z_p of the standard normal (p = 0.975 → 1.95996…, p = 0.999 → 3.09023…). */
export function zQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/**
 * r_p = the smallest r with P(R ≤ r) ≥ p for R ~ Bin(n, θ), with P(R ≤ r_p) and P(R ≤ r_p − 1):
 * started at the normal approximation and stepped by the exact CDF — two or three CDF evaluations
 * instead of a quantile search and two more (a run draws a few thousand limits).
 */
export function binomialQuantileBracket(p: number, n: number, theta: number): { r: number; at: number; below: number } {
  const F = (r: number) => (r < 0 ? 0 : r >= n ? 1 : binomialCdf(r, n, theta));
  let r = Math.min(n, Math.max(0, Math.ceil(n * theta + zQuantile(p) * Math.sqrt(n * theta * (1 - theta)) - 0.5)));
  let at = F(r);
  let below = F(r - 1);
  while (r > 0 && below >= p) {
    r--;
    at = below;
    below = F(r - 1);
  }
  while (at < p && r < n) {
    r++;
    below = at;
    at = F(r);
  }
  return { r, at, below };
}

/**
 * One exact binomial limit with the interpolation of Appendix A.1.1, for an integer n: the lower
 * limits (p < 0.5) at (r_p − α)/n, the upper ones at (r_p + 1 − α)/n (see the header).
 */
export function exactLimit(theta: number, n: number, p: number): number {
  if (theta === 0 || theta === 1) return theta;
  const { r, at, below } = binomialQuantileBracket(p, n, theta);
  const alpha = at - below > 0 ? (at - p) / (at - below) : 0;
  return clip01((p < 0.5 ? r - alpha : r + 1 - alpha) / n);
}

/** One normal-approximation limit. */
export function normalLimit(theta: number, n: number, p: number): number {
  return clip01(theta + zQuantile(p) * Math.sqrt((theta * (1 - theta)) / n));
}

/**
 * The control limits at denominator n around θ0 for a two-sided level (0.95, 0.998). The exact
 * method needs an integer n (a count of cases); a fractional n is rounded.
 */
export function proportionLimits(theta: number, n: number, level: number, method: FunnelMethod = 'exact'): Limits {
  check(theta, n, level);
  const tail = (1 - level) / 2;
  switch (method) {
    case 'exact': {
      const m = Math.max(1, Math.round(n));
      return { lower: exactLimit(theta, m, tail), upper: exactLimit(theta, m, 1 - tail) };
    }
    case 'normal':
      return { lower: normalLimit(theta, n, tail), upper: normalLimit(theta, n, 1 - tail) };
    default: {
      const never: never = method;
      throw internal(`未知的漏斗图方法 ${String(never)}`, `unknown funnel method ${String(never)}`);
    }
  }
}

/** Where a point lies against the limits: outside 99.8% (alarm), outside 95% (alert), or inside. */
export type FunnelZone = 'high_998' | 'high_95' | 'inside' | 'low_95' | 'low_998';

/**
 * Where a count x of n lies against θ0 by the exact binomial tails: above the upper p-limit when
 * x > r_p (P(R ≥ x) ≤ 1 − p), below the lower one when x < r_(1−p) (P(R ≤ x) < 1 − p). The
 * funnel places units by the drawn limits; this is the test's independent check that they agree.
 */
export function exactZone(x: number, n: number, theta: number): FunnelZone {
  const m = Math.max(1, Math.round(n));
  if (theta === 0 || theta === 1) return x / m > theta ? 'high_998' : x / m < theta ? 'low_998' : 'inside';
  const q = (p: number) => binomialQuantileBracket(p, m, theta).r;
  if (x > q(0.999)) return 'high_998';
  if (x < q(0.001)) return 'low_998';
  if (x > q(0.975)) return 'high_95';
  if (x < q(0.025)) return 'low_95';
  return 'inside';
}

/** Where a rate lies against the limits drawn at its denominator. */
export function funnelZone(y: number, l95: Limits, l998: Limits): FunnelZone {
  // a point exactly on a limit is inside it (the limits are where chance alone still reaches)
  if (y > l998.upper) return 'high_998';
  if (y < l998.lower) return 'low_998';
  if (y > l95.upper) return 'high_95';
  if (y < l95.lower) return 'low_95';
  return 'inside';
}

export interface FunnelPointInput {
  id: string;
  numerator: number;
  denominator: number;
}

export interface FunnelPoint extends FunnelPointInput {
  /** numerator / denominator */
  rate: number;
  zone: FunnelZone;
  /** (y − θ0) / √(θ0(1 − θ0)/n): the standardised difference from the county; null when θ0 is 0 or 1. */
  z: number | null;
}

export interface FunnelCurvePoint {
  n: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export interface Funnel {
  target: number;
  method: FunnelMethod;
  points: FunnelPoint[];
  /** The limits at denominators from 1 to the largest one (log-spaced, every integer up to 12). */
  curve: FunnelCurvePoint[];
  /**
   * Over-dispersion φ = mean of z² over the points (1 when units differ by chance alone; the
   * paper's §6 uses it to widen the limits when far above 1). Null with fewer than 2 points or
   * θ0 at 0 or 1. Reported, not applied: the limits are the plain binomial ones.
   */
  phi: number | null;
}

/** Denominators at which to draw the limits: 1…12, then about 24 log-spaced steps up to max. */
export function curveDenominators(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const out = new Set<number>();
  for (let n = 1; n <= Math.min(12, top); n++) out.add(n);
  if (top > 12) {
    const steps = 24;
    const a = Math.log(12);
    const b = Math.log(top);
    for (let k = 1; k <= steps; k++) out.add(Math.round(Math.exp(a + ((b - a) * k) / steps)));
  }
  out.add(top);
  return [...out].sort((x, y) => x - y);
}

/**
 * The funnel of one proportion indicator: its points (units with a denominator > 0) against the
 * target, the limits curve, and the over-dispersion statistic.
 */
export function funnel(points: readonly FunnelPointInput[], target: number, method: FunnelMethod = 'exact'): Funnel {
  const valid = points.filter((p) => p.denominator > 0);
  const out: FunnelPoint[] = valid.map((p) => {
    const rate = p.numerator / p.denominator;
    // by the exact tails — the same verdict as against the drawn limits (funnel.test.ts checks it
    // over a grid), with half the work
    const zone =
      method === 'exact' && Number.isInteger(p.numerator) && Number.isInteger(p.denominator)
        ? exactZone(p.numerator, p.denominator, target)
        : funnelZone(rate, proportionLimits(target, p.denominator, 0.95, method), proportionLimits(target, p.denominator, 0.998, method));
    const sd = Math.sqrt((target * (1 - target)) / p.denominator);
    return { ...p, rate, zone, z: sd > 0 ? (rate - target) / sd : null };
  });
  const max = Math.max(1, ...valid.map((p) => p.denominator));
  const curve = curveDenominators(max).map((n) => {
    const a = proportionLimits(target, n, 0.95, method);
    const b = proportionLimits(target, n, 0.998, method);
    return { n, lower95: a.lower, upper95: a.upper, lower998: b.lower, upper998: b.upper };
  });
  const zs = out.map((p) => p.z).filter((z): z is number => z !== null);
  const phi = zs.length >= 2 ? zs.reduce((s, z) => s + z * z, 0) / zs.length : null;
  return { target, method, points: out, curve, phi };
}
