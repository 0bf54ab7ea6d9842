// A .zip download holding the export (systems zip large or several files: "12345工单导出.zip").
// Its data files are written to a scratch folder, each read as if it had been named, and shown as
// 包.zip › 文件.csv. Bounded: a zip bomb (a small archive that grows past ZIP_MAX_BYTES or a
// claimed size) is refused while it is written, never held in memory; encrypted entries, archives
// inside the archive and non-data files are passed over with their reason. Entry names are the
// archive's bytes decoded as UTF-8 when the archive says so or they are valid UTF-8, else GB18030
// (Windows' built-in zip writes Chinese names in the system's code page, without a flag).
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, extname, join } from 'node:path';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { TijianError } from '../i18n/errors.js';
import { shownText } from '../i18n/shown.js';
import { DATA_EXTENSIONS } from './file-types.js';

/** The most an archive's data files may come to, written out. */
export const ZIP_MAX_BYTES = 8 * 1024 ** 3;
/** The most entries an archive may list (a folder of exports has tens). */
export const ZIP_MAX_ENTRIES = 10_000;
/** An entry over ZIP_RATIO_FLOOR bytes unzipped that is more than ZIP_MAX_RATIO times its packed
 *  size is refused before a byte is written: exports pack 5–50 times (a CSV of repeated codes), a
 *  zip bomb's zeros a thousand times — writing it out to find out would fill the disk first. */
export const ZIP_MAX_RATIO = 200;
export const ZIP_RATIO_FLOOR = 64 * 1024 ** 2;

const DATA = new Set<string>(DATA_EXTENSIONS.map((e) => `.${e}`));

export interface ArchiveEntry {
  /** The entry's name in the archive (its folders too), as decoded. */
  name: string;
  /** Where it was written (for data files). */
  path?: string;
  skipped?: { zh: string; en: string };
}

export function isZipName(path: string): boolean {
  return extname(path).toLowerCase() === '.zip';
}

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((res, rej) => yauzl.open(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (e, z) => (e ? rej(e) : res(z!))));

const openEntry = (zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> =>
  new Promise((res, rej) => zip.openReadStream(entry, (e, s) => (e ? rej(e) : res(s!))));

/** A file name safe to write: the entry's last name, without characters no file system takes. */
function safeBase(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(0, 120);
  return clean && clean !== '.' && clean !== '..' ? clean : 'file';
}

/**
 * The archive's entries, its data files written under `scratch`; an archive with no data file is
 * refused naming what it holds (a folder of its own per entry, so
 * that equal names in two folders of the archive stay apart, in the archive's order). The caller
 * removes the returned `dir`.
 */
export async function extractArchive(path: string, scratch: string, signal?: AbortSignal): Promise<{ dir: string; entries: ArchiveEntry[] }> {
  const file = basename(path);
  const damaged = (why: string) =>
    new TijianError('FILE_DAMAGED', `“${file}”不是完好的 zip 压缩包（${why}）。请重新下载或重新压缩后再导入。`, `"${file}" is no sound zip archive (${why}). Download or zip it again and import that.`);
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch (e) {
    throw damaged((e as Error).message);
  }
  if (zip.entryCount > ZIP_MAX_ENTRIES) {
    zip.close();
    throw new TijianError('FILE_UNSUPPORTED', `“${file}”中有 ${zip.entryCount} 个文件，超过可导入的 ${ZIP_MAX_ENTRIES} 个。请解压后导入需要的文件。`, `"${file}" holds ${zip.entryCount} files, more than the ${ZIP_MAX_ENTRIES} an import takes. Unzip it and import the files needed.`);
  }
  const dir = await mkdtemp(join(scratch, 'zip-'));
  const entries: ArchiveEntry[] = [];
  let written = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(damaged(e.message)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        void (async () => {
          if (signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '导入已取消。', 'Import cancelled.');
          const name = decodeName(entry.fileName as unknown as Buffer, (entry.generalPurposeBitFlag & 0x800) !== 0);
          if (name.endsWith('/') || name.endsWith('\\')) return; // a folder
          const base = name.split(/[\\/]/).pop() ?? '';
          const ext = extname(base).toLowerCase();
          if (name.startsWith('__MACOSX/')) entries.push({ name, skipped: { zh: 'macOS 压缩时附带的资源文件，不是数据', en: 'a resource file macOS adds when zipping; no data' } });
          else if ((entry.generalPurposeBitFlag & 0x1) !== 0) entries.push({ name, skipped: { zh: '已加密（有密码），无法读取：请解压后导入', en: 'encrypted (password-protected) and cannot be read: unzip it and import the file' } });
          else if (ext === '.zip' || ext === '.rar' || ext === '.7z') entries.push({ name, skipped: { zh: '压缩包中的压缩包：不展开，请解压后单独导入', en: 'an archive inside the archive: not opened; unzip it and import it on its own' } });
          else if (!DATA.has(ext)) entries.push({ name, skipped: { zh: '不是数据文件', en: 'not a data file' } });
          else {
            const out = join(dir, String(entries.length).padStart(5, '0'), safeBase(name));
            await mkdir(join(out, '..'), { recursive: true });
            const claimed = entry.uncompressedSize;
            if (written + claimed > ZIP_MAX_BYTES) throw tooLarge(file);
            if (claimed > ZIP_RATIO_FLOOR && claimed > ZIP_MAX_RATIO * Math.max(1, entry.compressedSize)) {
              throw new TijianError(
                'FILE_UNSUPPORTED',
                `“${file}”中的“${name}”压缩比异常（${Math.round(claimed / Math.max(1, entry.compressedSize))} 倍，解压后 ${Math.round(claimed / 1024 ** 2)} MiB），不像导出的数据文件，为安全起见不解压。请解压后确认文件再导入。`,
                `"${name}" in "${file}" packs ${Math.round(claimed / Math.max(1, entry.compressedSize))} times (${Math.round(claimed / 1024 ** 2)} MiB unzipped), unlike an exported data file; not unzipped, for safety. Unzip it, check the file and import that.`,
              );
            }
            const src = await openEntry(zip, entry);
            const dst = createWriteStream(out);
            // counted as it comes: a size the archive understates is caught by yauzl (validateEntrySizes)
            for await (const chunk of src as AsyncIterable<Buffer>) {
              written += chunk.length;
              if (written > ZIP_MAX_BYTES) {
                dst.destroy();
                throw tooLarge(file);
              }
              if (!dst.write(chunk)) await once(dst, 'drain');
            }
            dst.end();
            await once(dst, 'close');
            entries.push({ name, path: out });
          }
        })().then(() => zip.readEntry(), (e: unknown) => fail(e instanceof TijianError ? e : damaged((e as Error).message)));
      });
      zip.readEntry();
    });
    if (!entries.some((e) => e.path !== undefined)) {
      const passed = entries.filter((e) => e.skipped);
      const shown = shownText(file);
      throw new TijianError(
        'FILE_EMPTY',
        `压缩包“${shown}”中没有可导入的数据文件${passed.length ? `：${passedOverText(passed, 'zh')}` : '（压缩包是空的）'}。`,
        `The archive "${shown}" holds no data file to import${passed.length ? `: ${passedOverText(passed, 'en')}` : ' (it is empty)'}.`,
      );
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, entries };
}

/** The entries passed over (ArchiveEntry.skipped), up to five, each with why: for a refusal or a note. */
export function passedOverText(entries: readonly ArchiveEntry[], lang: 'zh' | 'en'): string {
  const list = entries.slice(0, 5).map((x) => (lang === 'zh' ? `${shownText(x.name)}（${x.skipped!.zh}）` : `${shownText(x.name)} (${x.skipped!.en})`));
  return list.join(lang === 'zh' ? '；' : '; ') + (entries.length > 5 ? '…' : '');
}

function tooLarge(file: string): TijianError {
  return new TijianError(
    'FILE_UNSUPPORTED',
    `“${file}”解压后超过 ${ZIP_MAX_BYTES / 1024 ** 3} GiB（或与压缩包记载的大小不符），为安全起见停止读取。请解压后导入需要的文件。`,
    `"${file}" grows past ${ZIP_MAX_BYTES / 1024 ** 3} GiB unzipped (or past the sizes the archive states); reading stopped for safety. Unzip it and import the files needed.`,
  );
}
