import { describe, expect, it } from 'vitest';
import { DATA_EXTENSIONS } from './file-types.js';
import { formatOf } from './sources.js';

describe('the data files offered', () => {
  it('are each read by the reader their name says', () => {
    expect(Object.fromEntries(DATA_EXTENSIONS.filter((e) => e !== 'zip').map((e) => [e, formatOf(`台账.${e}`)]))).toEqual({
      csv: 'csv', tsv: 'csv', txt: 'csv',
      xlsx: 'xlsx', xlsm: 'xlsx',
      xls: 'xls', et: 'xls', ods: 'ods', xml: 'xmlss', docx: 'docx', doc: 'docx', htm: 'html', html: 'html',
      json: 'json', jsonl: 'jsonl', ndjson: 'jsonl',
      parquet: 'parquet',
    });
    expect(() => formatOf('台账.pptx')).toThrow(/不支持的文件类型/);
    expect(() => formatOf('台账.mht')).toThrow(/网页，仅HTML/);
    // an archive is opened by the import (zip-archive.test.ts); asked for one format, it says so
    expect(() => formatOf('台账.zip')).toThrow(/是压缩包，其中可能有多个文件/);
  });
});
