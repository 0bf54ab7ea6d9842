// JSON values are cleaned by the cheap path only when no escape can make a character the bytes
// do not show (jsonObjectsSource): a value written with \u3000 or \t around it is trimmed as one
// written with the characters themselves.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';

const SAMPLE = join(REPO, 'samples', 'shengsi', '行政许可信息_2022-2024.jsonl');
const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n').slice(0, 6);
const NAME = '被许可人';

async function importedNames(file: string, text: string): Promise<string[]> {
  const dir = tempDir();
  const path = join(dir, file);
  writeFileSync(path, text);
  const ws = await Workspace.open(join(dir, 'w.duckdb'));
  try {
    const r = await importFile(ws, path);
    expect(r.rows_loaded).toBe(lines.length);
    return (await ws.db.all<{ n: string }>(`SELECT subject_name AS n FROM permit ORDER BY row_no`)).map((x) => x.n);
  } finally {
    ws.close();
  }
}

/** The sample's lines with the first one's name written as `json` (a JSON string literal). */
function withName(json: string): string[] {
  const first = JSON.parse(lines[0]!) as Record<string, string>;
  const name = first[NAME]!;
  return [lines[0]!.replace(JSON.stringify(name), json), ...lines.slice(1)];
}

describe('JSON values and the space characters', () => {
  const name = (JSON.parse(lines[0]!) as Record<string, string>)[NAME]!;
  const others = lines.slice(1).map((l) => (JSON.parse(l) as Record<string, string>)[NAME]!);

  it.each([
    ['escaped ideographic space and tab (JSON Lines)', 'p.jsonl', (ls: string[]) => ls.join('\n') + '\n', `"\\u3000\\t${name} "`],
    ['the characters themselves (JSON Lines)', 'p.jsonl', (ls: string[]) => ls.join('\n') + '\n', `"\u3000 ${name} "`],
    ['plain spaces only, no backslash anywhere (JSON Lines)', 'p.jsonl', (ls: string[]) => ls.join('\n') + '\n', `"  ${name} "`],
    ['escaped line break and space (JSON array)', 'p.json', (ls: string[]) => `[${ls.join(',\n')}]`, `"\\n ${name}\\r\\n"`],
    ['plain spaces only (JSON array)', 'p.json', (ls: string[]) => `[${ls.join(',\n')}]`, `" ${name}  "`],
  ])('%s: the value is trimmed', async (_, file, text, json) => {
    // the file name tells the table (行政许可); the content alone would too
    expect(await importedNames(`行政许可信息_${file}`, text(withName(json)))).toEqual([name, ...others]);
  });
});
