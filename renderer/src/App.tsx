// The workstation frame: left navigation, the screen, the status bar, notices, drag and drop of
// files anywhere, keyboard shortcuts and the desktop menu's commands.
import { useEffect, useRef, useState } from 'react';
import type { MenuAction } from '../../electron/contract';
import { COMMANDS, shortcutText } from '../../electron/menu-spec';
import { DATA_EXTENSIONS } from '../../analytics/import/file-types';
import { useActions } from './actions';
import { Icon, Progress, type IconName } from './components/Common';
import { useI18n } from './i18n';
import { ImportScreen } from './screens/ImportScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { WorkspaceScreen } from './screens/WorkspaceScreen';
import { IndexScreen } from './screens/IndexScreen';
import { ResultsScreen } from './screens/ResultsScreen';
import { DetailsScreen } from './screens/DetailsScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { ReportScreen } from './screens/ReportScreen';
import { RectifyScreen } from './screens/RectifyScreen';
import { jobFraction, phaseText } from './progress';
import { useApp, type Screen } from './state';

const ACCEPT = DATA_EXTENSIONS.map((e) => `.${e}`).join(',');

export function App() {
  const app = useApp();
  const i18n = useI18n();
  const actions = useActions();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  // Desktop: the application menu's commands and files dropped on the window.
  useEffect(() => app.client.on('menu', (p) => actions.run(p.action, p.path)), [app.client, actions]);

  // Browser: the same commands on Alt+… (Ctrl+N/O/1 belong to the browser); Esc cancels.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        if (app.job && !document.querySelector('.modal')) actions.run('job.cancel');
        return;
      }
      if (app.client.desktop || !e.altKey || e.ctrlKey || e.metaKey) return;
      const key = e.code.startsWith('Key') ? e.code.slice(3) : e.code.startsWith('Digit') ? e.code.slice(5) : null;
      if (!key) return;
      const cmd = Object.values(COMMANDS).find((c) => c.browserKeys === `Alt+${key}`);
      if (cmd) {
        e.preventDefault();
        actions.run(cmd.action);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app.client.desktop, app.job, actions]);

  // Files dropped anywhere go to the import screen; nothing dropped ever navigates the page away.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => {
      e.preventDefault();
      if (!hasFiles(e)) return;
      depth.current++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = hasFiles(e) && app.workspace ? 'copy' : 'none';
    };
    const leave = (e: DragEvent) => {
      e.preventDefault();
      depth.current = Math.max(0, depth.current - 1);
      if (!depth.current) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      // A workspace file dropped on the window opens it (desktop: its path is known).
      const ws = files.filter((f) => /\.duckdb$/i.test(f.name));
      if (ws.length) {
        if (app.client.desktop) void app.client.stageFile(ws[0]!).then((p) => actions.openAt(p));
        else app.notify('info', i18n.t.ws.dropWorkspaceBrowser);
        return;
      }
      if (!app.workspace) {
        app.go('import');
        return;
      }
      app.addFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [app, actions, i18n]);

  return (
    <div className="app">
      <Nav />
      <main className="main" data-screen={app.screen}>
        {app.screen === 'workspace' && <WorkspaceScreen />}
        {app.screen === 'import' && <ImportScreen />}
        {app.screen === 'overview' && <OverviewScreen />}
        {app.screen === 'index' && <IndexScreen />}
        {app.screen === 'results' && <ResultsScreen />}
        {app.screen === 'details' && <DetailsScreen />}
        {app.screen === 'review' && <ReviewScreen />}
        {app.screen === 'report' && <ReportScreen />}
        {app.screen === 'rectify' && <RectifyScreen />}
      </main>
      <StatusBar />
      <Notices />
      <input
        ref={app.filePicker}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) app.addFiles(files);
        }}
      />
      {dragging && <DropOverlay />}
    </div>
  );
}

function DropOverlay() {
  const { t } = useI18n();
  const app = useApp();
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">
        <Icon name="import" size={32} />
        <div>{app.workspace ? t.imp.drop : t.imp.needWorkspace}</div>
      </div>
    </div>
  );
}

interface NavItem {
  screen?: Screen;
  label: string;
  icon: IconName;
  action?: MenuAction;
}

function Nav() {
  const app = useApp();
  const { t } = useI18n();
  const mac = /mac/i.test(app.client.transport.platform);
  const data: NavItem[] = [
    { screen: 'workspace', label: t.nav.workspace, icon: 'folder', action: 'nav.workspace' },
    { screen: 'import', label: t.nav.import, icon: 'import', action: 'nav.import' },
    { screen: 'overview', label: t.nav.overview, icon: 'table', action: 'nav.overview' },
  ];
  const evalItems: NavItem[] = [
    { screen: 'index', label: t.nav.indexSystem, icon: 'index', action: 'nav.index' },
    { screen: 'results', label: t.nav.results, icon: 'chart', action: 'nav.results' },
    { screen: 'details', label: t.nav.details, icon: 'list', action: 'nav.details' },
  ];
  const reviewItems: NavItem[] = [
    { screen: 'review', label: t.nav.redFlags, icon: 'flag', action: 'nav.review' },
    { screen: 'report', label: t.nav.reports, icon: 'report', action: 'nav.report' },
    { screen: 'rectify', label: t.nav.rectify, icon: 'check', action: 'nav.rectify' },
  ];
  const item = (it: NavItem) => {
    const keys = it.action ? shortcutText(COMMANDS[it.action], app.client.desktop, mac) : null;
    return (
      <button key={it.label} className={`nav-item${app.screen === it.screen ? ' active' : ''}`} onClick={() => it.screen && app.go(it.screen)} data-testid={`nav-${it.screen}`} aria-current={app.screen === it.screen ? 'page' : undefined}>
        <Icon name={it.icon} />
        <span className="nav-label">{it.label}</span>
        {keys && <kbd>{keys}</kbd>}
      </button>
    );
  };
  return (
    <nav className="nav" aria-label={t.appName}>
      <div className="brand">
        <div className="brand-name">{t.appName}</div>
        <div className="brand-sub">{t.appSub}</div>
      </div>
      <div className="nav-group">{t.nav.groupData}</div>
      {data.map(item)}
      <div className="nav-group">{t.nav.groupEval}</div>
      {evalItems.map(item)}
      <div className="nav-group">{t.nav.groupReview}</div>
      {reviewItems.map(item)}
    </nav>
  );
}

function StatusBar() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const ws = app.workspace;
  const job = app.job;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <div className="sb-item sb-ws" title={ws?.path ?? ''}>
        <Icon name="db" size={13} />
        <span data-testid="status-workspace">{ws ? ws.name : t.status.noWorkspace}</span>
      </div>
      {ws && (
        <div className="sb-item" data-testid="status-period">
          {t.status.period}: {ws.period ? `${ws.period.from} – ${ws.period.to}` : t.status.noPeriod}
        </div>
      )}
      {ws && <div className="sb-item">{t.status.rows(i18n.num(ws.rows))}</div>}
      <div className="sb-spacer" />
      {job ? (
        <div className="sb-item sb-job" data-testid="status-job">
          <span>
            {job.label}
            {job.progress ? ` · ${phaseText(job.progress, t)}` : ''}
          </span>
          <Progress value={job.progress ? jobFraction(job.progress) : null} />
          <button className="sb-btn" onClick={app.cancelJob} disabled={job.cancelling} data-testid="status-cancel">
            {job.cancelling ? t.imp.cancelling : t.common.cancel}
          </button>
        </div>
      ) : (
        <div className="sb-item sb-dim">{t.status.ready}</div>
      )}
      <div className="sb-item sb-dim">{app.client.desktop ? t.status.desktop : t.status.browser}</div>
      <button className="sb-btn" onClick={() => app.setLang(app.lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-toggle" title="语言 / Language">
        {t.status.lang}
      </button>
      <button className="sb-btn" onClick={app.toggleTheme} data-testid="theme-toggle" title={t.status.theme}>
        <Icon name={app.theme === 'light' ? 'moon' : 'sun'} size={13} />
        {app.theme === 'light' ? t.status.dark : t.status.light}
      </button>
    </footer>
  );
}

function Notices() {
  const app = useApp();
  const { t } = useI18n();
  if (!app.notices.length) return null;
  return (
    <div className="notices" aria-live="polite">
      {app.notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} data-testid={`notice-${n.kind}`}>
          <Icon name={n.kind === 'error' ? 'alert' : n.kind === 'ok' ? 'check' : 'info'} />
          <span>{n.text}</span>
          <button className="notice-x" onClick={() => app.dismiss(n.id)} aria-label={t.common.close}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
