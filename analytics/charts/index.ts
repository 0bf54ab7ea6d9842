// Chart option builders: data → ECharts option, no DOM, no rendering. The desktop UI and the
// reports use the same builders and the same theme (./theme.ts). Server-side rendering to SVG and
// PNG is in ./ssr.ts (Node only).
export * from './theme.js';
export * from './num.js';
export * from './ranking.js';
export * from './radar.js';
export * from './heatmap.js';
export * from './targets.js';
export * from './intervals.js';
export * from './dimension.js';
export * from './from-run.js';
export * from './trend.js';
export * from './dark.js';
export * from './labels.js';
export * from './funnel.js';
export * from './text.js';
