// The data files the import reads, by extension (without the dot): one list for the folder import,
// the desktop file dialog and the drop zone, so that a format added to the readers (formatOf) is
// offered everywhere at once. (A .zip is opened and its data files read: zip-archive.ts.)
export const DATA_EXTENSIONS = ['csv', 'tsv', 'txt', 'xlsx', 'xlsm', 'xls', 'et', 'ods', 'xml', 'docx', 'doc', 'htm', 'html', 'json', 'jsonl', 'ndjson', 'parquet', 'zip'] as const;
