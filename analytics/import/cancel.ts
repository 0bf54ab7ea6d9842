// The one cancellation error of an import, and the check between steps (a cancelled import leaves
// the workspace as it was).
import { TijianError } from '../i18n/errors.js';

export function cancelledError(): TijianError {
  return new TijianError('IMPORT_CANCELLED', '导入已取消，工作区未改变。', 'Import cancelled; the workspace is unchanged.');
}

export function checkAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw cancelledError();
}
