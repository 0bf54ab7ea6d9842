// A job's progress events as one fraction and one line of text.
import type { Events } from '../../electron/contract';
import type { Dict } from './i18n';

type P = Events['job.progress'];

/** Share of a file's work done when each phase starts, and how much the phase takes. */
const PHASES: Record<string, [number, number]> = {
  queued: [0, 0],
  start: [0, 0],
  hash: [0, 0.1],
  decode: [0.1, 0.2],
  read: [0.1, 0.3],
  convert: [0.4, 0.3],
  load: [0.7, 0.2],
  resolve: [0.9, 0.08],
  done: [1, 0],
  evaluate: [0, 1],
  review: [0, 1],
  report: [0, 1],
  trend: [0, 1],
};

export function jobFraction(p: P): number | null {
  if (p.phase === 'queued') return null;
  // a report being written: nothing to count until a file is done (one report: until the end)
  if (p.phase === 'report' && p.done === 0) return null;
  const [start, span] = PHASES[p.phase] ?? [0, 0];
  const inner = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  const fileFrac = start + span * inner;
  if (p.phase === 'evaluate' || p.phase === 'review' || p.phase === 'report' || p.phase === 'trend') return inner;
  if (p.fileCount && p.fileIndex !== undefined) return (p.fileIndex + fileFrac) / p.fileCount;
  return fileFrac;
}

export function phaseText(p: P, t: Dict): string {
  const phase = t.imp.phase[p.phase] ?? p.phase;
  const parts = [phase];
  if (p.fileCount && p.fileIndex !== undefined && p.fileCount > 1) parts.push(t.imp.fileOf(p.fileIndex + 1, p.fileCount));
  if (p.file) parts.push(p.file);
  const f = jobFraction(p);
  if (f !== null && p.phase !== 'queued') parts.push(`${Math.round(f * 100)}%`);
  return parts.join(' · ');
}
