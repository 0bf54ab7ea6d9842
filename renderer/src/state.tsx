// The workstation's state: the open workspace, the screen, language and theme, the running job
// and its progress, the files waiting to be imported, notices.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { AppInfo, ErrorInfo, Events, InputOf, Lang, MethodName, OutputOf, PreviewOut, WorkspaceInfo } from '../../electron/contract';
import type { z } from 'zod';
import type { MappingInput } from '../../electron/contract';
import { ApiError, type Client } from './api/client';
import { I18nContext, makeI18n } from './i18n';

export const SCREENS = ['workspace', 'import', 'overview', 'index', 'results', 'details', 'review', 'report', 'rectify'] as const;
export type Screen = (typeof SCREENS)[number];

/** A number whose records the 明细 screen shows. */
export interface LineageTarget {
  runId: number;
  entityId: string;
  indicatorId: string;
  part?: 'numerator' | 'denominator';
  /** What the user clicked, for the heading: unit and indicator names. */
  entityName?: string;
}
export type Theme = 'light' | 'dark';
export type Mapping = z.input<typeof MappingInput>;

export interface Job {
  jobId: string;
  method: MethodName;
  label: string;
  progress: Events['job.progress'] | null;
  cancelling: boolean;
}

export interface Staged {
  key: string;
  name: string;
  size: number;
  path: string | null;
  upload: number | null;
  status: 'uploading' | 'previewing' | 'ready' | 'problem' | 'duplicate' | 'error';
  preview: PreviewOut | null;
  error: ErrorInfo | null;
  /** The user's mapping, when they changed the detected one. */
  mapping: Mapping | null;
}

export interface Notice {
  id: number;
  kind: 'info' | 'ok' | 'error';
  text: string;
}

interface AppState {
  client: Client;
  info: AppInfo | null;
  workspace: WorkspaceInfo | null;
  screen: Screen;
  go: (s: Screen) => void;
  lang: Lang;
  setLang: (l: Lang) => void;
  theme: Theme;
  toggleTheme: () => void;
  job: Job | null;
  runJob: <M extends MethodName>(method: M, input: Omit<InputOf<M>, 'jobId'>, label: string) => Promise<OutputOf<M>>;
  cancelJob: () => void;
  notices: Notice[];
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
  /** Bumped whenever the workspace's data changes: views reload. */
  dataVersion: number;
  staged: Staged[];
  addFiles: (files: File[] | string[]) => void;
  removeStaged: (key: string) => void;
  setMapping: (key: string, mapping: Mapping | null) => void;
  clearStaged: (keys: string[]) => void;
  /** The import screen's file input, for the Import files command in a browser. */
  filePicker: RefObject<HTMLInputElement | null>;
  /** The evaluation run the results screens show (null: the latest). */
  runId: number | null;
  setRunId: (id: number | null) => void;
  /** The 明细 screen's current listing. */
  lineage: LineageTarget | null;
  openLineage: (t: LineageTarget) => void;
  /** The unit the 评估结果 screen's profile shows. */
  focusUnit: string | null;
  setFocusUnit: (id: string | null) => void;
  /** Set by the workspace screen: focus its path field (browser: New/Open workspace commands). */
  focusRequest: { what: 'create' | 'open'; n: number } | null;
  requestFocus: (what: 'create' | 'open') => void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useApp outside AppProvider');
  return s;
}

function initialTheme(): Theme {
  const saved = localStorage.getItem('tijian.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function initialLang(): Lang {
  const saved = localStorage.getItem('tijian.lang');
  return saved === 'en' ? 'en' : 'zh-CN';
}

let jobSeq = 0;
let stageSeq = 0;
let noticeSeq = 0;

export function AppProvider({ client, children }: { client: Client; children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [screen, setScreen] = useState<Screen>('workspace');
  /** The user (or a command) has chosen a screen since the page loaded. */
  const navigated = useRef(false);
  const go = useCallback((s: Screen) => {
    navigated.current = true;
    setScreen(s);
  }, []);
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [job, setJob] = useState<Job | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [dataVersion, setDataVersion] = useState(0);
  const [staged, setStaged] = useState<Staged[]>([]);
  const [focusRequest, setFocusRequest] = useState<AppState['focusRequest']>(null);
  const filePicker = useRef<HTMLInputElement | null>(null);
  const [runId, setRunId] = useState<number | null>(null);
  const [lineage, setLineage] = useState<LineageTarget | null>(null);
  const [focusUnit, setFocusUnit] = useState<string | null>(null);
  const jobRef = useRef<Job | null>(null);
  jobRef.current = job;
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const i18nRef = useRef(i18n);
  i18nRef.current = i18n;

  const notify = useCallback((kind: Notice['kind'], text: string) => {
    const id = ++noticeSeq;
    setNotices((n) => [...n.slice(-3), { id, kind, text }]);
    if (kind !== 'error') setTimeout(() => setNotices((n) => n.filter((x) => x.id !== id)), 6000);
  }, []);
  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('tijian.theme', theme);
  }, [theme]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = lang === 'en' ? 'Tijian — enforcement health-check workstation' : '执法体检工作台';
    localStorage.setItem('tijian.lang', lang);
    if (client.desktop) void client.call('shell.setLanguage', { lang }).catch(() => undefined);
  }, [lang, client]);

  useEffect(() => {
    void client.call('app.info', {}).then(setInfo, (e: unknown) => e instanceof ApiError && notify('error', i18n.err(e.info)));
    void client.call('workspace.current', {}).then((w) => {
      setWorkspace(w);
      const start = sessionStorage.getItem('tijian.startScreen');
      sessionStorage.removeItem('tijian.startScreen');
      // the screen to start on, unless the user has gone somewhere already (the answer can come
      // after a click on the navigation, which it then undid)
      if (w && !navigated.current) setScreen(start && (SCREENS as readonly string[]).includes(start) ? (start as Screen) : 'overview');
    }, () => undefined);
    const offs = [
      client.on('workspace.changed', (p) =>
        setWorkspace((prev) => {
          if (prev?.path !== p.workspace?.path) {
            setRunId(null);
            setLineage(null);
            setFocusUnit(null);
          }
          return p.workspace;
        }),
      ),
      client.on('data.changed', () => setDataVersion((v) => v + 1)),
      client.on('job.progress', (p) => {
        if (jobRef.current?.jobId === p.jobId) setJob((j) => (j && j.jobId === p.jobId ? { ...j, progress: p } : j));
      }),
    ];
    return () => offs.forEach((f) => f());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client]);

  const runJob = useCallback(
    async <M extends MethodName>(method: M, input: Omit<InputOf<M>, 'jobId'>, label: string): Promise<OutputOf<M>> => {
      const jobId = `j${Date.now().toString(36)}${++jobSeq}`;
      const j: Job = { jobId, method, label, progress: null, cancelling: false };
      setJob(j);
      jobRef.current = j;
      try {
        return await client.call(method, { ...input, jobId } as InputOf<M>);
      } finally {
        setJob((cur) => (cur?.jobId === jobId ? null : cur));
      }
    },
    [client],
  );

  const cancelJob = useCallback(() => {
    const j = jobRef.current;
    if (!j || j.cancelling) return;
    setJob({ ...j, cancelling: true });
    void client.call('job.cancel', { jobId: j.jobId }).catch(() => undefined);
  }, [client]);

  // Files to import ------------------------------------------------------------------------------

  const previewQueue = useRef<Promise<void>>(Promise.resolve());
  const update = (key: string, patch: Partial<Staged>) => setStaged((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  const runPreview = useCallback(
    (key: string, path: string, mapping: Mapping | null) => {
      update(key, { status: 'previewing', error: null });
      // One preview at a time: the machine has few cores.
      previewQueue.current = previewQueue.current.then(async () => {
        try {
          const p = await client.call('import.preview', { path, ...(mapping ? { mapping } : {}) });
          const status: Staged['status'] = p.duplicateOf !== null ? 'duplicate' : p.problem ? 'problem' : 'ready';
          update(key, { preview: p, status });
        } catch (e) {
          update(key, { status: 'error', error: e instanceof ApiError ? e.info : { code: 'INTERNAL', zh: String(e), en: String(e) } });
        }
      });
    },
    [client],
  );

  const addOne = useCallback(
    (f: File | string) => {
      const key = `f${++stageSeq}`;
      const isPath = typeof f === 'string';
      const name = isPath ? f.split(/[\\/]/).pop()! : f.name;
      const item: Staged = { key, name, size: isPath ? 0 : f.size, path: isPath ? f : null, upload: isPath ? null : 0, status: isPath ? 'previewing' : 'uploading', preview: null, error: null, mapping: null };
      setStaged((list) => [...list, item]);
      if (isPath) runPreview(key, f, null);
      else {
        void client
          .stageFile(f, (x) => update(key, { upload: x }))
          .then(
            (path) => {
              update(key, { path, upload: null });
              runPreview(key, path, null);
            },
            (e: unknown) => update(key, { status: 'error', upload: null, error: e instanceof ApiError ? e.info : { code: 'UPLOAD_FAILED', zh: String(e), en: String(e) } }),
          );
      }
    },
    [client, runPreview],
  );

  const addFiles = useCallback(
    (files: File[] | string[]) => {
      setScreen('import');
      if (!client.desktop) {
        files.forEach(addOne);
        return;
      }
      // Desktop: real paths, so a dropped or chosen folder is walked into its data files.
      void (async () => {
        const paths = await Promise.all(files.map((f) => (typeof f === 'string' ? f : client.stageFile(f))));
        const ex = await client.call('import.expand', { paths });
        ex.files.forEach(addOne);
        const passed = ex.skipped.length + ex.missing.length;
        if (passed) notify('info', i18nRef.current.t.imp.passedOver(passed));
      })().catch((e: unknown) => notify('error', e instanceof ApiError ? i18nRef.current.err(e.info) : String(e)));
    },
    [client, addOne, notify],
  );

  const removeStaged = useCallback((key: string) => setStaged((l) => l.filter((s) => s.key !== key)), []);
  const clearStaged = useCallback((keys: string[]) => setStaged((l) => l.filter((s) => !keys.includes(s.key))), []);
  const stagedRef = useRef<Staged[]>([]);
  stagedRef.current = staged;
  const setMapping = useCallback(
    (key: string, mapping: Mapping | null) => {
      const path = stagedRef.current.find((s) => s.key === key)?.path;
      update(key, { mapping });
      if (path) runPreview(key, path, mapping);
    },
    [runPreview],
  );

  const value: AppState = {
    client,
    info,
    workspace,
    screen,
    go,
    lang,
    setLang: setLangState,
    theme,
    toggleTheme: () => setTheme((t) => (t === 'light' ? 'dark' : 'light')),
    job,
    runJob,
    cancelJob,
    notices,
    notify,
    dismiss,
    dataVersion,
    staged,
    addFiles,
    removeStaged,
    setMapping,
    clearStaged,
    filePicker,
    runId,
    setRunId,
    lineage,
    openLineage: (t) => {
      setLineage(t);
      setScreen('details');
    },
    focusUnit,
    setFocusUnit,
    focusRequest,
    requestFocus: (what) => setFocusRequest((r) => ({ what, n: (r?.n ?? 0) + 1 })),
  };
  return (
    <I18nContext.Provider value={i18n}>
      <Ctx.Provider value={value}>{children}</Ctx.Provider>
    </I18nContext.Provider>
  );
}
