// The renderer's only way to the engine: a client typed from electron/contract.ts, over Electron
// IPC (window.tijian, from the preload) or over HTTP to the browser host.
import type { ErrorInfo, EventName, Events, InputOf, MethodName, OutputOf, Result } from '../../../electron/contract';
import { decodeMessage } from '../../../electron/wire';

/** What the preload exposes (see electron/preload.ts). */
export interface TijianBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
  platform: string;
}

declare global {
  interface Window {
    tijian?: TijianBridge;
  }
}

export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.zh} / ${info.en}`);
  }
  get code(): string {
    return this.info.code;
  }
}

export interface Transport {
  kind: 'desktop' | 'browser';
  platform: string;
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  /** Turns dropped or picked files into paths the engine can read (browser: uploads them). */
  stageFile(file: File, onProgress?: (fraction: number) => void): Promise<string>;
  /** Browser: downloads an exported file (its path under the exports folder) by a one-time ticket. */
  download?(file: string, name: string): Promise<void>;
}

export class Client {
  constructor(readonly transport: Transport) {}

  get desktop(): boolean {
    return this.transport.kind === 'desktop';
  }

  /** Calls a method; resolves with its value or rejects with an ApiError. */
  async call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    let r: Result<unknown>;
    try {
      r = await this.transport.invoke(method, input);
    } catch (e) {
      throw new ApiError({
        code: 'TRANSPORT',
        zh: `无法连接到分析服务：${(e as Error)?.message ?? e}`,
        en: `Cannot reach the analytics service: ${(e as Error)?.message ?? e}`,
      });
    }
    if (!r.ok) throw new ApiError(r.error);
    return r.value as OutputOf<M>;
  }

  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
    return this.transport.on(event, cb as (p: unknown) => void);
  }

  stageFile(file: File, onProgress?: (fraction: number) => void): Promise<string> {
    return this.transport.stageFile(file, onProgress);
  }

  /** Downloads an exported file in the browser (the desktop app shows it in its folder instead). */
  async download(file: string, name: string): Promise<void> {
    if (!this.transport.download) throw new ApiError({ code: 'NOT_SUPPORTED', zh: '桌面版请用“在文件夹中显示”。', en: 'In the desktop app, use "Show in folder".' });
    await this.transport.download(file, name);
  }
}

export function desktopTransport(bridge: TijianBridge): Transport {
  return {
    kind: 'desktop',
    platform: bridge.platform,
    invoke: (m, i) => bridge.invoke(m, i),
    on: (e, cb) => bridge.on(e, cb),
    stageFile: async (file) => {
      const p = bridge.pathForFile(file);
      if (!p) throw new ApiError({ code: 'FILE_NOT_FOUND', zh: `无法取得“${file.name}”的路径。`, en: `Cannot get the path of "${file.name}".` });
      return p;
    },
  };
}

export function browserTransport(base: string, token: string): Transport {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    if (source) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data as string) as { event: string; payload: unknown };
      for (const cb of listeners.get(event) ?? []) cb(payload);
    };
  };
  return {
    kind: 'browser',
    platform: navigator.platform,
    async invoke(method, input) {
      const res = await fetch(`${base}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tijian-Token': token },
        body: JSON.stringify({ method, input }),
      });
      return decodeMessage(await res.arrayBuffer()) as Result<unknown>;
    },
    on(event, cb) {
      connect();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => set!.delete(cb);
    },
    // The link carries a one-time ticket for this file, asked for with the token in the header: a
    // download's URL stays in the browser's history on disk, the token must not (probe 9, F7.3).
    async download(file, name) {
      const res = await fetch(`${base}/api/ticket`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Tijian-Token': token },
        body: JSON.stringify({ file }),
      });
      const r = decodeMessage(await res.arrayBuffer()) as Result<{ ticket: string }>;
      if (!r.ok) throw new ApiError(r.error);
      const a = document.createElement('a');
      a.href = `${base}/api/download?ticket=${encodeURIComponent(r.value.ticket)}`;
      a.download = name;
      a.rel = 'noopener';
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
    stageFile(file, onProgress) {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}/api/upload`);
        xhr.setRequestHeader('X-Tijian-Token', token);
        xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
        xhr.responseType = 'arraybuffer';
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress?.(e.loaded / e.total);
        };
        xhr.onload = () => {
          try {
            const r = decodeMessage(xhr.response as ArrayBuffer) as Result<{ path: string }>;
            if (r.ok) resolve(r.value.path);
            else reject(new ApiError(r.error));
          } catch (e) {
            reject(e);
          }
        };
        xhr.onerror = () => reject(new ApiError({ code: 'UPLOAD_FAILED', zh: `上传“${file.name}”失败。`, en: `Uploading "${file.name}" failed.` }));
        xhr.send(file);
      });
    },
  };
}

/** The client for this page: the preload's bridge in Electron, else the browser host with the
 *  token from the URL fragment (kept for the tab's session, removed from the address bar). */
export function createClient(): Client {
  if (window.tijian) return new Client(desktopTransport(window.tijian));
  const m = /token=([0-9a-f]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('tijian.token', m[1]!);
    // `npm run demo` asks for the screen to open on (…#token=…&screen=results)
    const screen = /[#&]screen=([a-z]+)/.exec(location.hash);
    if (screen) sessionStorage.setItem('tijian.startScreen', screen[1]!);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('tijian.token') ?? '';
  return new Client(browserTransport('', token));
}
