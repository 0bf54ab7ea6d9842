// Small shared pieces: errors, empty states, progress, dialogs, icons.
import { useEffect, useRef, type ReactNode } from 'react';
import type { ErrorInfo } from '../../../electron/contract';
import { useI18n } from '../i18n';

export function ErrorBox({ error, onRetry, onClose }: { error: ErrorInfo; onRetry?: () => void; onClose?: () => void }) {
  const { t, lang, err } = useI18n();
  const other = lang === 'en' ? error.zh : error.en;
  return (
    <div className="error-box" role="alert" data-testid="error">
      <Icon name="alert" />
      <div className="error-text">
        <div className="error-main">{err(error)}</div>
        <div className="error-other" lang={lang === 'en' ? 'zh-CN' : 'en'}>
          {other}
        </div>
        {/* the code is for whoever supports the users: out of sight unless asked for */}
        <details className="error-code">
          <summary>{t.ux.details}</summary>
          {t.common.errorCode}: {error.code}
        </details>
      </div>
      <div className="error-actions">
        {onRetry && (
          <button className="btn small" onClick={onRetry}>
            {t.common.retry}
          </button>
        )}
        {onClose && (
          <button className="btn small ghost" onClick={onClose} aria-label={t.common.close}>
            ×
          </button>
        )}
      </div>
    </div>
  );
}

export function Empty({ icon = 'inbox', title, children, testId }: { icon?: IconName; title: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <Icon name={icon} size={28} />
      <div className="empty-title">{title}</div>
      {children && <div className="empty-body">{children}</div>}
    </div>
  );
}

export function Progress({ value, label, testId }: { value: number | null; label?: string; testId?: string }) {
  const pct = value === null ? null : Math.max(0, Math.min(1, value));
  return (
    <div className="progress" data-testid={testId} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct === null ? undefined : Math.round(pct * 100)} aria-label={label}>
      <div className={`progress-bar${pct === null ? ' indeterminate' : ''}`} style={pct === null ? undefined : { width: `${pct * 100}%` }} />
    </div>
  );
}

export function Modal({ title, children, actions, onClose, wide, testId }: { title: string; children: ReactNode; actions?: ReactNode; onClose: () => void; wide?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      // Only the top-most dialog closes.
      const all = document.querySelectorAll('.modal');
      if (e.key === 'Escape' && all[all.length - 1] === ref.current) {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', key, true);
    ref.current?.focus();
    return () => window.removeEventListener('keydown', key, true);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`modal${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} tabIndex={-1} ref={ref} data-testid={testId}>
        <div className="modal-head">
          <h2>{title}</h2>
          <button className="btn ghost small" onClick={onClose} aria-label="close">
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
        {actions && <div className="modal-actions">{actions}</div>}
      </div>
    </div>
  );
}

export type IconName =
  | 'folder'
  | 'import'
  | 'table'
  | 'index'
  | 'chart'
  | 'list'
  | 'flag'
  | 'report'
  | 'alert'
  | 'inbox'
  | 'plus'
  | 'open'
  | 'sample'
  | 'file'
  | 'undo'
  | 'x'
  | 'check'
  | 'sun'
  | 'moon'
  | 'info'
  | 'db'
  | 'calendar';

const PATHS: Record<IconName, string> = {
  folder: 'M2 4.5h4l1.5 1.5H14v7H2z',
  import: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11v2.5h11V11',
  table: 'M2 3h12v10H2zM2 6.5h12M2 10h12M6 3v10',
  index: 'M3 3h10M3 6.5h7M3 10h10M3 13.5h5',
  chart: 'M2.5 13.5h11M4 11V7M7 11V4M10 11V8M13 11V5',
  list: 'M5 4h9M5 8h9M5 12h9M2 4h.5M2 8h.5M2 12h.5',
  flag: 'M3.5 14V2.5M3.5 3h8l-1.5 3 1.5 3h-8',
  report: 'M4 2h6l3 3v9H4zM10 2v3h3M6 8h5M6 10.5h5',
  alert: 'M8 2 14.5 13.5h-13zM8 6.5v3.5M8 11.5v.5',
  inbox: 'M2 9h3.5l1 2h3l1-2H14M2 9l2-6h8l2 6v4.5H2z',
  plus: 'M8 3v10M3 8h10',
  open: 'M2 4h4l1.5 1.5H13V7M2 4v9h10l2-6H4.5L2 13',
  sample: 'M6 2h4M6.5 2v4L3 13h10L9.5 6V2M5 10h6',
  file: 'M4 2h5l3 3v9H4zM9 2v3h3',
  undo: 'M5 4 2.5 6.5 5 9M2.5 6.5H10a3.5 3.5 0 0 1 0 7H6',
  x: 'M4 4l8 8M12 4l-8 8',
  check: 'M3 8.5 6.5 12 13 4.5',
  sun: 'M8 5a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1',
  moon: 'M13 10.5A5.5 5.5 0 0 1 5.5 3 5.5 5.5 0 1 0 13 10.5z',
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 7v4.5M8 4.5v.5',
  db: 'M3 3.5C3 2.5 13 2.5 13 3.5v9c0 1-10 1-10 0zM3 3.5c0 1 10 1 10 0M3 8c0 1 10 1 10 0',
  calendar: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5.5 2v3M10.5 2v3',
};

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[name]} />
    </svg>
  );
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
