// Small shared pieces: errors, empty states, progress, dialogs, icons.
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
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
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // What had focus when the dialog opened gets it back when it closes (WCAG 2.4.3); taken once,
  // at the first render, before the dialog takes focus itself.
  const opener = useRef<Element | null>(null);
  if (opener.current === null) opener.current = document.activeElement ?? document.body;
  useEffect(() => {
    const back = opener.current;
    return () => {
      // (an opener since removed, or behind another dialog opened meanwhile: nothing to go back to)
      if (back instanceof HTMLElement && back.isConnected && (!document.querySelector('.modal') || back.closest('.modal'))) back.focus();
    };
  }, []);
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      // Only the top-most dialog closes, and Tab goes round inside it (aria-modal: what is behind is inert).
      const all = document.querySelectorAll('.modal');
      if (all[all.length - 1] !== ref.current) return;
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      } else if (e.key === 'Tab' && ref.current) {
        const stops = [...ref.current.querySelectorAll<HTMLElement>(TABBABLE)].filter((x) => x.tabIndex >= 0 && !x.closest('[inert]') && x.getClientRects().length > 0);
        if (!stops.length) {
          e.preventDefault();
          return;
        }
        const first = stops[0]!;
        const last = stops[stops.length - 1]!;
        const at = document.activeElement;
        const inside = !!at && ref.current.contains(at);
        if (e.shiftKey && (at === first || at === ref.current || !inside)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (at === last || !inside)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', key, true);
    return () => window.removeEventListener('keydown', key, true);
  }, [onClose]);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`modal${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} tabIndex={-1} ref={ref} data-testid={testId}>
        <div className="modal-head">
          <h2>{title}</h2>
          <button className="btn ghost small" onClick={onClose} aria-label={t.common.close} title={t.common.close}>
            ×
          </button>
        </div>
        <div className="modal-body">{children}</div>
        {actions && <div className="modal-actions">{actions}</div>}
      </div>
    </div>
  );
}

/**
 * A list one Tab stop wide (roving tabindex): its items carry roveProps, the list listKeys;
 * ↑ ↓ Home End move between items, Enter and Space choose one (as a click does).
 */
export function listKeys(e: ReactKeyboardEvent<HTMLElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-rove]')];
  const i = items.indexOf(document.activeElement as HTMLElement);
  if (i < 0) return;
  const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    items[i]!.click();
  } else if (to !== null) {
    e.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, to))]!;
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }
}

/** An item of a listKeys list; `stop`: the one Tab lands on (the chosen one, else the first). */
export function roveProps(stop: boolean): { tabIndex: number; 'data-rove': '' } {
  return { tabIndex: stop ? 0 : -1, 'data-rove': '' };
}

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]';

/**
 * A box that scrolls a wide table: reachable by Tab while (and only while) it overflows, so the
 * keyboard can scroll it (WCAG 2.1.1; axe's scrollable-region-focusable), named by `label`.
 */
export function TableWrap({ label, children, className = 'table-wrap' }: { label: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={ref} className={className} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
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
