// Small numbers: empirical-Bayes beta-binomial shrinkage of units' proportions toward the county
// rate — the alternative an index system may choose (method.small_numbers: shrink) to leaving a
// unit's value out below the indicator's minimum denominator (the default).
//
// Model: unit i has x_i "successes" of n_i, x_i ~ Bin(n_i, θ_i), θ_i ~ Beta(α, β) with mean
// μ = α/(α + β) fixed at the county rate and between-unit variance τ² = μ(1 − μ)/(α + β + 1).
// The estimate of θ_i is the posterior mean
//     θ̂_i = (x_i + α) / (n_i + α + β) = w_i·(x_i/n_i) + (1 − w_i)·μ,   w_i = n_i / (n_i + α + β),
// so a unit with 3 cases moves most of the way to the county rate and one with 300 barely moves.
//
// Prior (method of moments, Kleinman 1973, "Proportions with extraneous variance: single and
// independent samples", JASA 68:46–54, with the mean known): for p_i = x_i/n_i,
//     Var(p_i) = τ² + (μ(1 − μ) − τ²)/n_i,  so  E[Σ n_i (p_i − μ)²] = (N − k)·τ² + k·μ(1 − μ)
// (N = Σ n_i over the k units with n_i > 0), giving
//     τ̂² = (Σ n_i (p_i − μ)² − k·μ(1 − μ)) / (N − k),  truncated at 0;   α + β = μ(1 − μ)/τ̂² − 1.
// τ̂² = 0 (the units differ no more than chance makes them) gives α + β = ∞: every unit gets μ.
// τ̂² ≥ μ(1 − μ) (more spread than a proportion can have) gives no shrinkage. With fewer than 3
// units, or N ≤ k, there is nothing to estimate the spread from and the prior is null.
import { internal } from './internal.js';

export interface BetaPrior {
  /** μ, the county rate. */
  mean: number;
  /** τ̂², the estimated between-unit variance of the true rates. */
  tau2: number;
  /** α + β; Infinity when τ̂² = 0 (complete pooling), 0 when τ̂² ≥ μ(1 − μ) (none). */
  precision: number;
  /** Units the estimate is based on. */
  units: number;
}

export interface Binomial {
  numerator: number;
  denominator: number;
}

/** The method-of-moments beta prior from the units' counts, with its mean at `mean`. */
export function betaBinomialPrior(units: readonly Binomial[], mean: number): BetaPrior | null {
  if (!(mean >= 0 && mean <= 1)) throw internal(`收缩的先验均值须在 0 到 1 之间（${mean}）`, `prior mean must be between 0 and 1 (${mean})`);
  const us = units.filter((u) => u.denominator > 0);
  for (const u of us) {
    if (!(u.numerator >= 0 && u.numerator <= u.denominator)) {
      throw internal(`贝塔-二项收缩要求 0 ≤ 分子 ≤ 分母（${u.numerator}/${u.denominator}）`, `beta-binomial shrinkage needs 0 ≤ numerator ≤ denominator (${u.numerator}/${u.denominator})`);
    }
  }
  const k = us.length;
  const N = us.reduce((s, u) => s + u.denominator, 0);
  if (k < 3 || N <= k) return null;
  const v = mean * (1 - mean);
  if (v === 0) return { mean, tau2: 0, precision: Infinity, units: k };
  let S = 0;
  for (const u of us) {
    const d = u.numerator / u.denominator - mean;
    S += u.denominator * d * d;
  }
  const tau2 = Math.max(0, (S - k * v) / (N - k));
  const precision = tau2 === 0 ? Infinity : tau2 >= v ? 0 : v / tau2 - 1;
  return { mean, tau2, precision, units: k };
}

/** θ̂ = (x + α)/(n + α + β) and the weight n/(n + α + β) the unit's own rate keeps. */
export function shrinkProportion(u: Binomial, prior: BetaPrior): { estimate: number; weight: number } {
  if (!(u.denominator > 0)) throw internal('收缩需要正的分母', 'shrinkage needs a positive denominator');
  const own = u.numerator / u.denominator;
  if (prior.precision === Infinity) return { estimate: prior.mean, weight: 0 };
  const weight = u.denominator / (u.denominator + prior.precision);
  return { estimate: weight * own + (1 - weight) * prior.mean, weight };
}
