// The header row of a data file, read without importing it (for `tijian map`).
import { Db } from '../db/duck.js';
import { statDataFile } from './import-paths.js';
import { scanFile } from './file-scan.js';
import { MACROS_SQL } from './sql-macros.js';
import { stageSource } from './sources.js';
import { detectFormat } from './sniff-format.js';

export async function readHeaders(path: string): Promise<string[]> {
  statDataFile(path);
  const format = detectFormat(path);
  const text = format === 'csv' || format === 'json' || format === 'jsonl';
  const scan = await scanFile(path, text);
  const db = await Db.open(':memory:');
  try {
    await db.exec(MACROS_SQL);
    const source = await stageSource({ db, path, tag: 'tj_hdr', ...(scan.encoding ? { encoding: scan.encoding } : {}) }, format);
    try {
      return source.headers;
    } finally {
      await source.cleanup();
    }
  } finally {
    db.close();
  }
}
