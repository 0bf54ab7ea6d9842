// Progress of long work, as events the CLI draws as a bar and the desktop app shows in its
// status bar.
export type ProgressPhase = 'hash' | 'decode' | 'read' | 'convert' | 'load' | 'resolve' | 'done';

export interface ProgressEvent {
  phase: ProgressPhase;
  done: number;
  /** 0 when unknown. */
  total: number;
  unit: 'bytes' | 'rows' | 'percent';
  file?: string;
}

export type ProgressFn = (e: ProgressEvent) => void;

export const PHASE_LABEL: Record<ProgressPhase, { zh: string; en: string }> = {
  hash: { zh: '校验', en: 'Hashing' },
  decode: { zh: '转码', en: 'Decoding' },
  read: { zh: '读取', en: 'Reading' },
  convert: { zh: '转换校验', en: 'Validating' },
  load: { zh: '写入', en: 'Loading' },
  resolve: { zh: '关联', en: 'Resolving' },
  done: { zh: '完成', en: 'Done' },
};
