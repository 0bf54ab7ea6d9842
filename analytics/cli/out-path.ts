// Where a command writes its file: checked before any work is done (and before a run is saved),
// so a typo in --out is told at once in words, not as "内部错误… ENOENT" after the evaluation.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { TijianError } from '../i18n/errors.js';

/**
 * `out` resolved, with its extension one of `exts` (when given) and its folder made if missing.
 * `folder`: the path is itself a folder to write into (made if missing).
 */
export function prepareOut(out: string, opts: { exts?: readonly string[]; folder?: boolean } = {}): string {
  const path = resolve(out);
  if (opts.exts && !opts.folder && !opts.exts.includes(extname(path).toLowerCase())) {
    throw new TijianError('USAGE', `--out 的扩展名应为 ${opts.exts.join('、')}：${out}`, `--out must end in ${opts.exts.join(', ')}: ${out}`);
  }
  const dir = opts.folder ? path : dirname(path);
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw new TijianError('USAGE', `“${dir}”是文件，不是文件夹：无法写入 ${out}。`, `"${dir}" is a file, not a folder: cannot write ${out}.`);
    }
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof TijianError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new TijianError(
      'USAGE',
      `无法在“${dir}”中写入 ${out}（${code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : code === 'EROFS' ? '只读文件系统' : code || '无法创建文件夹'}）。请换一个 --out 位置。`,
      `Cannot write ${out} in "${dir}" (${code === 'EACCES' || code === 'EPERM' ? 'no write permission' : code === 'EROFS' ? 'read-only file system' : code || 'cannot create the folder'}). Choose another --out.`,
    );
  }
  if (!opts.folder && existsSync(path) && statSync(path).isDirectory()) {
    throw new TijianError('USAGE', `“${out}”是一个文件夹，请给出文件名。`, `"${out}" is a folder; give a file name.`);
  }
  return path;
}
