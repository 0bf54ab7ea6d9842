// Expanding the paths given to `import` into data files, in a stable order. Nothing is skipped
// silently: every file passed over is returned with the reason.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { TijianError } from '../i18n/errors.js';
import { DATA_EXTENSIONS } from './file-types.js';
import { isXmlSpreadsheetFile } from './sniff-format.js';

const DATA_FILES = new Set(DATA_EXTENSIONS.map((e) => `.${e}`));

export interface ExpandedPaths {
  files: string[];
  skipped: Array<{ path: string; reason_zh: string; reason_en: string }>;
  missing: string[];
}

type Skip = { reason_zh: string; reason_en: string };

/** What a path that is neither a regular file nor a folder is, in words (null for those two). */
function irregularKind(st: Stats): { zh: string; en: string } | null {
  if (st.isFile() || st.isDirectory()) return null;
  if (st.isFIFO()) return { zh: '命名管道', en: 'a named pipe' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { zh: '设备', en: 'a device' };
  if (st.isSocket()) return { zh: '套接字', en: 'a socket' };
  return { zh: '特殊文件', en: 'a special file' };
}

/** Reading a pipe or a device never ends (or waits for a writer forever): refuse it before any
 *  read. `st` is the stat of `path` (links followed). A folder is refused too: it is walked by
 *  expandPaths, never imported as one file. */
export function refuseIrregularFile(path: string, st: Stats): void {
  if (st.isFile()) return;
  const kind = st.isDirectory() ? { zh: '文件夹', en: 'a folder' } : irregularKind(st)!;
  throw new TijianError(
    'FILE_UNSUPPORTED',
    `“${path}”不是普通文件（${kind.zh}），无法导入。请导入保存在磁盘上的数据文件。`,
    `"${path}" is not a regular file (${kind.en}) and cannot be imported. Import a data file saved on disk.`,
  );
}

/** The file's stat, or a clear error: not found, or no regular file (a pipe would be read forever). */
export function statDataFile(path: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    throw new TijianError('FILE_NOT_FOUND', `找不到文件：${path}`, `File not found: ${path}`);
  }
  refuseIrregularFile(path, st);
  return st;
}

/** Why an entry that cannot be stat'ed is passed over: a broken link, a link loop, or else the
 *  system's error code. */
function unreadableEntry(p: string, e: unknown): Skip {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (code === 'ELOOP') return { reason_zh: '符号链接循环（链接最终指回自身），无法打开', reason_en: 'a symbolic link loop (the link leads back to itself); it cannot be opened' };
  let link = false;
  try {
    link = lstatSync(p).isSymbolicLink();
  } catch {
    // gone since the folder was listed
  }
  if (code === 'ENOENT' && link) return { reason_zh: '符号链接指向的文件不存在（链接已失效）', reason_en: 'a symbolic link whose target does not exist (a broken link)' };
  if (code === 'ENOENT') return { reason_zh: '读取文件夹期间已被删除或移走', reason_en: 'deleted or moved while the folder was read' };
  if (code === 'EACCES' || code === 'EPERM') return { reason_zh: '没有读取权限', reason_en: 'no permission to read it' };
  return { reason_zh: `无法读取（${code || '未知错误'}）`, reason_en: `cannot be read (${code || 'unknown error'})` };
}

/** The saved page a folder belongs to, when it is NAME_files beside NAME.htm or NAME.html. */
function savedPageFolder(name: string, siblings: readonly string[]): string | undefined {
  if (!name.endsWith('_files')) return undefined;
  const stem = name.slice(0, -'_files'.length);
  return siblings.find((s) => s === `${stem}.htm` || s === `${stem}.html` || s === `${stem}.HTM` || s === `${stem}.HTML`);
}

/** `seen`: the real paths of the folders walked, so that a link back up (dir/again -> dir) or a
 *  second link to a folder is not entered again. */
function walk(dir: string, out: ExpandedPaths, seen: Set<string>): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en'));
  } catch (e) {
    out.skipped.push({ path: dir, ...unreadableEntry(dir, e) });
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (name.startsWith('.') || name.startsWith('_') || name.startsWith('~$')) {
      out.skipped.push({ path: p, reason_zh: '以 . _ 或 ~$ 开头的文件或文件夹（隐藏、说明或临时文件）', reason_en: 'name starts with . _ or ~$ (hidden, metadata or temporary)' });
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      out.skipped.push({ path: p, ...unreadableEntry(p, e) });
      continue;
    }
    const kind = irregularKind(st);
    if (st.isDirectory() && savedPageFolder(name, names)) {
      // a browser's "网页，全部" save puts the page's pictures, scripts and frames in NAME_files
      // beside NAME.htm: no export of its own
      out.skipped.push({ path: p, reason_zh: `网页“${savedPageFolder(name, names)}”另存时附带的文件夹（图片、脚本等），不是数据`, reason_en: `the folder a browser saved beside the web page "${savedPageFolder(name, names)}" (its pictures, scripts …); no data` });
      continue;
    }
    if (st.isDirectory()) {
      const real = realpathSync(p);
      if (seen.has(real)) {
        out.skipped.push({ path: p, reason_zh: '指向已读过的文件夹（符号链接循环或重复链接），不再进入', reason_en: 'a link to a folder already read (a symbolic link loop or a second link to it); not entered again' });
        continue;
      }
      seen.add(real);
      walk(p, out, seen);
    } else if (kind) {
      out.skipped.push({ path: p, reason_zh: `不是普通文件（${kind.zh}），无法导入`, reason_en: `not a regular file (${kind.en}); it cannot be imported` });
    } else if (extname(name).toLowerCase() === '.xml' && !isXmlSpreadsheetFile(p)) {
      out.skipped.push({ path: p, reason_zh: '不是“XML 表格 2003”文件的 XML 文件', reason_en: 'an XML file that is no XML Spreadsheet 2003' });
    } else if (extname(name).toLowerCase() === '.docx' || extname(name).toLowerCase() === '.doc') {
      // a folder's Word files are mostly its 说明 and reports, not exports: read only when named
      out.skipped.push({
        path: p,
        reason_zh: 'Word 文档：导入文件夹时不读取（多为说明或报告）；如其中的表格是要导入的数据，请单独选择该文件导入',
        reason_en: 'a Word document: a folder import passes over them (mostly notes and reports); to import its tables, name the file itself',
      });
    } else if (extname(name).toLowerCase() === '.mht' || extname(name).toLowerCase() === '.mhtml') {
      out.skipped.push({
        path: p,
        reason_zh: '“单个文件网页”（MHTML），无法读取：请在浏览器中另存为“网页，仅HTML”（.htm/.html），或在系统中导出为 Excel',
        reason_en: 'a single-file web page (MHTML), which cannot be read: save the page as "Web page, HTML only" (.htm/.html), or export Excel from the system',
      });
    } else if (DATA_FILES.has(extname(name).toLowerCase())) out.files.push(p);
    else out.skipped.push({ path: p, reason_zh: '不是数据文件', reason_en: 'not a data file' });
  }
}

/** Files named directly are always imported (and fail loudly if unsupported); folders are walked. */
export function expandPaths(paths: readonly string[]): ExpandedPaths {
  const out: ExpandedPaths = { files: [], skipped: [], missing: [] };
  for (const p of paths) {
    const abs = resolve(p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      out.missing.push(abs);
      continue;
    }
    if (st.isDirectory()) walk(abs, out, new Set([realpathSync(abs)]));
    else out.files.push(abs);
  }
  return out;
}
