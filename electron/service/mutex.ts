// A first-come first-served lock for one DuckDB connection; a waiter can give up when its job is
// cancelled.
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private held = 0;

  get busy(): boolean {
    return this.held > 0;
  }

  async run<T>(fn: () => Promise<T>, signal?: AbortSignal, onWait?: () => void): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.tail = prev.then(() => mine);
    this.held++;
    try {
      if (this.held > 1) onWait?.();
      await abortable(prev, signal);
      return await fn();
    } finally {
      this.held--;
      release();
    }
  }
}

function abortable(p: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new AbortedWhileWaiting());
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new AbortedWhileWaiting());
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export class AbortedWhileWaiting extends Error {
  constructor() {
    super('cancelled while waiting');
  }
}
