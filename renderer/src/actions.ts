// The main actions, shared by buttons, the desktop menu and keyboard shortcuts.
import { useCallback } from 'react';
import type { MenuAction } from '../../electron/contract';
import { ApiError } from './api/client';
import { useI18n } from './i18n';
import { useApp } from './state';

export function useActions() {
  const app = useApp();
  const i18n = useI18n();
  const { client, notify, go } = app;

  const fail = useCallback((e: unknown) => {
    if (e instanceof ApiError) notify('error', i18n.err(e.info));
    else notify('error', String(e));
  }, [notify, i18n]);

  const createAt = useCallback(
    async (path: string) => {
      try {
        await client.call('workspace.create', { path });
        go('import');
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [client, go, fail],
  );

  const openAt = useCallback(
    async (path: string) => {
      try {
        await client.call('workspace.open', { path });
        go('overview');
        return true;
      } catch (e) {
        fail(e);
        return false;
      }
    },
    [client, go, fail],
  );

  const newWorkspace = useCallback(async () => {
    if (!client.desktop) {
      go('workspace');
      app.requestFocus('create');
      return;
    }
    try {
      const p = await client.call('shell.saveWorkspaceDialog', { defaultName: i18n.lang === 'en' ? 'evaluation.duckdb' : '评估工作区.duckdb' });
      if (p) await createAt(p);
    } catch (e) {
      fail(e);
    }
  }, [client, go, app, i18n.lang, createAt, fail]);

  const openWorkspace = useCallback(async () => {
    if (!client.desktop) {
      go('workspace');
      app.requestFocus('open');
      return;
    }
    try {
      const p = await client.call('shell.openWorkspaceDialog', {});
      if (p) await openAt(p);
    } catch (e) {
      fail(e);
    }
  }, [client, go, app, openAt, fail]);

  const openSample = useCallback(async () => {
    if (app.job) return;
    try {
      const r = await app.runJob('workspace.sample', {}, i18n.t.ws.sample);
      const ev = r.evaluation;
      notify('ok', i18n.t.ws.sampleDone(r.run.results.length, i18n.num(r.run.totals.rows_loaded)) + (ev ? ' ' + i18n.t.ws.sampleEvaluated(ev.period, ev.compare, ev.entities, ev.run_id) : ''));
      if (r.evaluationError) notify('error', i18n.t.ws.sampleEvalFailed + i18n.err(r.evaluationError));
      if (ev) app.setRunId(ev.run_id);
      go(ev ? 'results' : 'overview');
    } catch (e) {
      fail(e);
    }
  }, [app, i18n, notify, go, fail]);

  const closeWorkspace = useCallback(async () => {
    try {
      await client.call('workspace.close', {});
      go('workspace');
    } catch (e) {
      fail(e);
    }
  }, [client, go, fail]);

  const importFiles = useCallback(async () => {
    go('import');
    if (!client.desktop) {
      app.filePicker.current?.click();
      return;
    }
    try {
      const paths = await client.call('shell.openFilesDialog', {});
      if (paths.length) app.addFiles(paths);
    } catch (e) {
      fail(e);
    }
  }, [client, go, app, fail]);

  const run = useCallback(
    (action: MenuAction, path?: string): void => {
      switch (action) {
        case 'workspace.new':
          void newWorkspace();
          return;
        case 'workspace.open':
          if (path) void openAt(path);
          else void openWorkspace();
          return;
        case 'workspace.sample':
          void openSample();
          return;
        case 'workspace.close':
          void closeWorkspace();
          return;
        case 'import.files':
          if (path) app.addFiles([path]);
          else void importFiles();
          return;
        case 'nav.workspace':
          go('workspace');
          return;
        case 'nav.import':
          go('import');
          return;
        case 'nav.overview':
          go('overview');
          return;
        case 'nav.index':
          go('index');
          return;
        case 'nav.results':
          go('results');
          return;
        case 'nav.details':
          go('details');
          return;
        case 'nav.review':
          go('review');
          return;
        case 'nav.report':
          go('report');
          return;
        case 'nav.rectify':
          go('rectify');
          return;
        case 'view.theme':
          app.toggleTheme();
          return;
        case 'lang.zh-CN':
          app.setLang('zh-CN');
          return;
        case 'lang.en':
          app.setLang('en');
          return;
        case 'job.cancel':
          app.cancelJob();
          return;
        case 'help.about':
          notify('info', i18n.t.about);
          return;
      }
    },
    [newWorkspace, openAt, openWorkspace, openSample, closeWorkspace, importFiles, app, go, notify, i18n],
  );

  return { createAt, openAt, newWorkspace, openWorkspace, openSample, closeWorkspace, importFiles, run, fail };
}
