// Scoring methods of the full-body-check index: pure functions, numbers in, numbers out, NA = null.
// See /work/shared/design/index-system.md ("Method").
export * from './normalize.js';
export * from './weights.js';
export * from './aggregate.js';
export * from './deduction.js';
export * from './grades.js';
export * from './robustness.js';
export { mulberry32, nearestRank } from './prng.js';
export * from './funnel.js';
export * from './shrinkage.js';
