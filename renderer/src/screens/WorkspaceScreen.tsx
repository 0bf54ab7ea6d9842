// 工作区: create, open or close a workspace, open the sample, recent workspaces.
import { useEffect, useRef, useState } from 'react';
import type { RecentWorkspace } from '../../../electron/contract';
import { COMMANDS, shortcutText } from '../../../electron/menu-spec';
import { useActions } from '../actions';
import { Icon } from '../components/Common';
import { useI18n } from '../i18n';
import { useApp } from '../state';

export function WorkspaceScreen() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const actions = useActions();
  const [recent, setRecent] = useState<RecentWorkspace[]>([]);
  const [createPath, setCreatePath] = useState('');
  const [openPath, setOpenPath] = useState('');
  const createRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLInputElement>(null);
  const ws = app.workspace;
  const desktop = app.client.desktop;
  const mac = /mac/i.test(app.client.transport.platform);
  const keys = (a: keyof typeof COMMANDS) => shortcutText(COMMANDS[a], desktop, mac);

  useEffect(() => {
    void app.client.call('workspace.recent', {}).then(setRecent, () => undefined);
    return app.client.on('recent.changed', (p) => setRecent(p.recent));
  }, [app.client]);

  useEffect(() => {
    if (!app.focusRequest) return;
    (app.focusRequest.what === 'create' ? createRef : openRef).current?.focus();
  }, [app.focusRequest]);

  const sampleOk = !!app.info?.sampleDir;

  return (
    <div className="screen" data-testid="screen-workspace">
      <header className="screen-head">
        <h1>{t.ws.title}</h1>
        <p className="lead">{t.ws.intro}</p>
      </header>

      {ws && (
        <section className="panel current-ws" data-testid="current-workspace">
          <div className="panel-head">
            <h2>
              <Icon name="db" /> {t.ws.current}
            </h2>
            <div className="panel-actions">
              <button className="btn primary" onClick={() => app.go('import')}>
                {t.ws.goImport}
              </button>
              <button className="btn" onClick={() => app.go('overview')}>
                {t.ws.goOverview}
              </button>
              <button className="btn ghost" onClick={() => void actions.closeWorkspace()} data-testid="close-workspace">
                {t.ws.closeWs}
              </button>
            </div>
          </div>
          <dl className="kv">
            <dt>{t.ws.file}</dt>
            <dd className="mono" title={ws.path}>
              {ws.path}
            </dd>
            <dt>{t.ws.period}</dt>
            <dd>{ws.period ? `${ws.period.from} – ${ws.period.to}` : t.status.noPeriod}</dd>
            <dt>{t.ws.rowsTotal}</dt>
            <dd>{i18n.num(ws.rows)}</dd>
            <dt>{t.ws.importsTotal}</dt>
            <dd>{i18n.num(ws.imports)}</dd>
            <dt>{t.ws.created}</dt>
            <dd>{ws.createdAt ?? '—'}</dd>
          </dl>
          <details className="tech pad-x" data-testid="workspace-tech">
            <summary>{t.ux.techInfo}</summary>
            <span className="muted small">
              {t.ws.schema} v{ws.schemaVersion}
            </span>
          </details>
        </section>
      )}

      <div className="cards">
        <section className="card">
          <h2>
            <Icon name="plus" /> {t.ws.create}
            {keys('workspace.new') && <kbd>{keys('workspace.new')}</kbd>}
          </h2>
          <p>{t.ws.createHint}</p>
          {desktop ? (
            <button className="btn primary" onClick={() => void actions.newWorkspace()} data-testid="create-workspace">
              {t.ws.create}…
            </button>
          ) : (
            <form
              className="path-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (createPath.trim()) void actions.createAt(createPath.trim()).then((ok) => ok && setCreatePath(''));
              }}
            >
              <input ref={createRef} value={createPath} onChange={(e) => setCreatePath(e.target.value)} placeholder={t.ws.namePlaceholder} aria-label={t.ws.pathLabel} data-testid="create-path" spellCheck={false} />
              <button className="btn primary" type="submit" disabled={!createPath.trim()} data-testid="create-workspace">
                {t.ws.create}
              </button>
              {app.info && <div className="hint">{t.ws.nameNote(app.info.workspacesDir)}</div>}
            </form>
          )}
        </section>

        <section className="card">
          <h2>
            <Icon name="open" /> {t.ws.open}
            {keys('workspace.open') && <kbd>{keys('workspace.open')}</kbd>}
          </h2>
          <p>{t.ws.openHint}</p>
          {desktop ? (
            <button className="btn" onClick={() => void actions.openWorkspace()} data-testid="open-workspace">
              {t.ws.open}…
            </button>
          ) : (
            <form
              className="path-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (openPath.trim()) void actions.openAt(openPath.trim()).then((ok) => ok && setOpenPath(''));
              }}
            >
              <input ref={openRef} value={openPath} onChange={(e) => setOpenPath(e.target.value)} placeholder={t.ws.pathPlaceholder} aria-label={t.ws.pathLabel} data-testid="open-path" spellCheck={false} />
              <button className="btn" type="submit" disabled={!openPath.trim()} data-testid="open-workspace">
                {t.ws.open}
              </button>
            </form>
          )}
        </section>

        <section className="card">
          <h2>
            <Icon name="sample" /> {t.ws.sample}
          </h2>
          <p>{sampleOk ? t.ws.sampleHint : t.ws.sampleMissing}</p>
          <button className="btn" onClick={() => void actions.openSample()} disabled={!sampleOk || !!app.job} data-testid="open-sample">
            {t.ws.sample}
          </button>
          <div className="hint">{t.ws.evaluatePending}</div>
        </section>
      </div>

      <section className="panel">
        <div className="panel-head">
          <h2>{t.ws.recent}</h2>
        </div>
        {recent.length === 0 ? (
          <p className="muted pad">{t.ws.recentEmpty}</p>
        ) : (
          <ul className="recent" data-testid="recent-list">
            {recent.map((r) => (
              <li key={r.path} className={r.exists ? '' : 'missing'}>
                <button className="recent-open" disabled={!r.exists || ws?.path === r.path} onClick={() => void actions.openAt(r.path)} title={r.path}>
                  <Icon name="db" />
                  <span className="recent-name">{r.name}</span>
                  <span className="recent-path mono">{r.path}</span>
                  <span className="recent-time">
                    {ws?.path === r.path && <span className="badge ok">{t.ws.isCurrent}</span>}{' '}
                    {r.exists ? new Date(r.openedAt).toLocaleString(i18n.lang, { dateStyle: 'short', timeStyle: 'short' }) : t.ws.missing}
                  </span>
                </button>
                <button className="btn ghost small" title={t.ws.forget} aria-label={t.ws.forget} onClick={() => void app.client.call('workspace.forget', { path: r.path }).then(setRecent)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
