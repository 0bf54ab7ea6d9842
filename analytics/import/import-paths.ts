// Expanding the paths given to `import` into data files, in a stable order. Nothing is skipped
// silently: every file passed over is returned with the reason.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { DATA_EXTENSIONS } from './file-types.js';
import { isXmlSpreadsheetFile } from './sniff-format.js';

const DATA_FILES = new Set(DATA_EXTENSIONS.map((e) => `.${e}`));

export interface ExpandedPaths {
  files: string[];
  skipped: Array<{ path: string; reason_zh: string; reason_en: string }>;
  missing: string[];
}

function walk(dir: string, out: ExpandedPaths): void {
  const names = readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en'));
  for (const name of names) {
    const p = join(dir, name);
    const st = statSync(p);
    if (name.startsWith('.') || name.startsWith('_') || name.startsWith('~$')) {
      out.skipped.push({ path: p, reason_zh: '以 . _ 或 ~$ 开头的文件或文件夹（隐藏、说明或临时文件）', reason_en: 'name starts with . _ or ~$ (hidden, metadata or temporary)' });
      continue;
    }
    if (st.isDirectory()) walk(p, out);
    else if (extname(name).toLowerCase() === '.xml' && !isXmlSpreadsheetFile(p)) {
      out.skipped.push({ path: p, reason_zh: '不是“XML 表格 2003”文件的 XML 文件', reason_en: 'an XML file that is no XML Spreadsheet 2003' });
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
    if (st.isDirectory()) walk(abs, out);
    else out.files.push(abs);
  }
  return out;
}
