// Rounding shared by the charts and the reports, so a chart label and a table cell of the same
// number always agree.

/** Rounds half away from zero at `digits` decimals, without binary surprises (1.005 → 1.01). */
export function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const r = Number(`${Math.round(Number(`${Math.abs(x)}e${digits}`))}e-${digits}`);
  return r === 0 ? 0 : sign * r;
}

/** `digits` decimals, rounded as above; "—" for a missing value. */
export function fixed(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const r = round(x, digits);
  return (r === 0 ? 0 : r).toFixed(digits);
}
