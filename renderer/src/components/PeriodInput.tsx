// A period as people write it (2024年, 2024年一季度, 2024上半年, 2024年3月, 2024年1月1日至6月30日…),
// read with the same parser as the engine (analytics/eval/period.ts): what it means is shown under
// the field, and when it cannot be read, what is accepted, in plain words. A picker offers the
// years of the data, the whole year, halves, quarters and months.
import { useEffect, useRef, useState } from 'react';
import { PERIOD_HELP, periodEn, periodZh, tryParsePeriod, type Period } from '../../../analytics/eval/period';
import { useI18n } from '../i18n';
import { useApp } from '../state';
import { Icon } from './Common';

/** The period typed, or null; and the message for something that cannot be read. */
export function readPeriod(text: string, lang: 'zh-CN' | 'en'): { period: Period | null; error: string | null } {
  if (!text.trim()) return { period: null, error: null };
  const period = tryParsePeriod(text);
  if (period) return { period, error: null };
  return { period: null, error: lang === 'en' ? `Could not read “${text.trim()}”. ${PERIOD_HELP.en}` : `看不懂“${text.trim()}”。${PERIOD_HELP.zh}` };
}

export function PeriodInput({ value, onChange, testId, label, compact }: { value: string; onChange: (text: string) => void; testId?: string; label?: string; compact?: boolean }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const { period, error } = readPeriod(value, lang);
  const span = app.workspace?.period;
  const last = span ? Number(span.to.slice(0, 4)) : new Date().getFullYear();
  const first = span ? Number(span.from.slice(0, 4)) : last - 2;
  const years: number[] = [];
  for (let y = last; y >= first && years.length < 12; y--) years.push(y);
  const [year, setYear] = useState<number>(period ? Number(period.end.slice(0, 4)) : last);
  useEffect(() => {
    if (period) setYear(Number(period.end.slice(0, 4)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period?.label]);
  // close the picker on a click elsewhere or Escape
  useEffect(() => {
    if (!open) return;
    const down = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
      }
    };
    window.addEventListener('mousedown', down);
    window.addEventListener('keydown', key, true);
    return () => {
      window.removeEventListener('mousedown', down);
      window.removeEventListener('keydown', key, true);
    };
  }, [open]);
  const pick = (label: string) => {
    const p = tryParsePeriod(label)!;
    onChange(lang === 'en' ? p.label : periodZh(p));
    setOpen(false);
  };
  const shown = period ? (lang === 'en' ? periodEn(period) : periodZh(period)) : '';
  return (
    <div className={`period-field${compact ? ' compact' : ''}`} ref={box}>
      <div className="period-row">
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`period-input${error ? ' invalid' : ''}`}
          placeholder={lang === 'en' ? '2024' : '2024年'}
          title={t.e.periodHint}
          aria-label={label ?? t.e.period}
          aria-invalid={!!error}
          data-testid={testId}
        />
        <button type="button" className="btn small ghost period-pick" onClick={() => setOpen((v) => !v)} aria-expanded={open} title={t.ux.periodPick} aria-label={t.ux.periodPick} data-testid={testId ? `${testId}-pick` : undefined}>
          <Icon name="calendar" size={14} />
        </button>
      </div>
      {error ? (
        <div className="period-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </div>
      ) : (
        period &&
        !compact && (
          <div className="period-means muted small" data-testid={testId ? `${testId}-means` : undefined}>
            {t.ux.periodMeans(shown, period.start, period.end)}
          </div>
        )
      )}
      {open && (
        <div className="period-picker" role="dialog" aria-label={t.ux.periodPick} data-testid="period-picker">
          <div className="pp-years" role="radiogroup" aria-label={t.ux.periodYear}>
            {years.map((y) => (
              <button type="button" key={y} className={y === year ? 'on' : ''} role="radio" aria-checked={y === year} onClick={() => setYear(y)}>
                {y}
              </button>
            ))}
          </div>
          <div className="pp-grid">
            <button type="button" className="wide" onClick={() => pick(String(year))} data-testid="pp-year">
              {lang === 'en' ? `${year} · ${t.ux.periodWhole}` : `${year}年${t.ux.periodWhole}`}
            </button>
            <button type="button" onClick={() => pick(`${year}H1`)}>
              {t.ux.periodH1}
            </button>
            <button type="button" onClick={() => pick(`${year}H2`)}>
              {t.ux.periodH2}
            </button>
            {[1, 2, 3, 4].map((q) => (
              <button type="button" key={q} onClick={() => pick(`${year}Q${q}`)} data-testid={`pp-q${q}`}>
                {t.ux.periodQ(q)}
              </button>
            ))}
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <button type="button" key={m} className="month" onClick={() => pick(`${year}-${String(m).padStart(2, '0')}`)}>
                {t.ux.periodM(m)}
              </button>
            ))}
          </div>
          <div className="muted small pp-help">{lang === 'en' ? PERIOD_HELP.en : PERIOD_HELP.zh}</div>
        </div>
      )}
    </div>
  );
}
