// Errors the user sees: always Chinese first, English second, and what to do about it.

export type ErrorCode =
  | 'WORKSPACE_LOCKED'
  | 'WORKSPACE_NOT_DUCKDB'
  | 'WORKSPACE_NOT_TIJIAN'
  | 'WORKSPACE_TOO_NEW'
  | 'WORKSPACE_OPEN_FAILED'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNSUPPORTED'
  | 'FILE_EMPTY'
  | 'FILE_ENCODING'
  | 'TABLE_UNKNOWN'
  | 'TABLE_AMBIGUOUS'
  | 'MAPPING_INVALID'
  | 'MAPPING_MISSING_REQUIRED'
  | 'IMPORT_FAILED'
  | 'IMPORT_CANCELLED'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_ALREADY_UNDONE'
  | 'USAGE'
  | 'INDEX_INVALID'
  | 'RULES_INVALID'
  | 'RUN_NOT_FOUND'
  | 'PERIOD_INVALID'
  | 'NOT_FOUND'
  | 'DATA_NOT_READY'
  | 'METHOD_UNAVAILABLE'
  | 'INTERNAL';

export class TijianError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'TijianError';
  }

  /** One line for logs and CLI output. */
  get bilingual(): string {
    return `${this.zh} / ${this.en}`;
  }
}

export function isTijianError(e: unknown): e is TijianError {
  return e instanceof TijianError;
}

/** Text of any error, bilingual when we know it. */
export function errorText(e: unknown): string {
  if (e instanceof TijianError) return `${e.zh}\n${e.en}`;
  if (e instanceof Error) return e.message;
  return String(e);
}
