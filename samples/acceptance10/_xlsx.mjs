// A small hand-written XLSX/XLSM writer for acceptance set 10: it writes the package parts byte by
// byte so that file-level variations exceljs cannot make are possible — SpreadsheetML elements with
// the x: prefix the .NET Open XML SDK writes, the ISO/IEC 29500 Strict namespaces (purl.oclc.org)
// with ISO 8601 date cells (t="d"), inline strings as Apache POI SXSSF writes them, cells and rows
// without r attributes, a macro-enabled package with a vbaProject.bin part. Deterministic: fixed
// zip dates, parts in a fixed order.
import JSZip from 'jszip';
import CFB from 'cfb';

const T = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relBase: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  ext: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
};
const S = {
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  relBase: 'http://purl.oclc.org/ooxml/officeDocument/relationships/',
  ext: 'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
};
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const colName = (n) => {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};
const serial = ([y, m, d]) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;

/**
 * Cell values: string; number; null/undefined/'' (no cell); {date:[y,m,d], style?} a date serial
 * (style 1 yyyy-mm-dd, 2 yyyy-mm-dd hh:mm:ss); {iso:'2024-01-01'} a t="d" cell; {bool:true};
 * {str:'…'} a t="str" cell; {text:'…'} a string forced (numbers as text); {num, style}.
 * opts: prefix ('x' or ''), strict, inline (inline strings), noR (no r on rows and cells),
 * macro (xlsm with a vbaProject.bin), docProps (core/app parts), app (Application name),
 * sheets: [{ name, rows, merges: ['A1:A2'], hidden, widths, validations: [{sqref, list}], headerRows }]
 */
export async function writeXlsx(path, opts, writeFileSync) {
  const N = opts.strict ? S : T;
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const xmlns = opts.prefix ? `xmlns:${opts.prefix}="${N.main}"` : `xmlns="${N.main}"`;
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const sst = [];
  const sstIndex = new Map();
  const si = (s) => {
    const k = typeof s === 'string' ? s : JSON.stringify(s);
    if (!sstIndex.has(k)) {
      sstIndex.set(k, sst.length);
      sst.push(s);
    }
    return sstIndex.get(k);
  };
  let sstCount = 0;
  const sheetXml = opts.sheets.map((sh) => {
    const rowsXml = [];
    const width = Math.max(1, ...sh.rows.map((r) => r.length));
    sh.rows.forEach((row, ri) => {
      const rn = ri + 1;
      const cells = [];
      row.forEach((v, ci) => {
        const ref = opts.noR ? '' : ` r="${colName(ci + 1)}${rn}"`;
        const hs = sh.headerRows && rn <= sh.headerRows ? ' s="3"' : '';
        if (v === null || v === undefined || v === '') {
          if (hs && !opts.noR) cells.push(`<${p}c${ref}${hs}/>`);
          else if (opts.noR && ci < row.length - 1) cells.push(`<${p}c/>`);
          return;
        }
        if (typeof v === 'number') cells.push(`<${p}c${ref}${hs}><${p}v>${v}</${p}v></${p}c>`);
        else if (typeof v === 'string' || 'text' in v) {
          const s = typeof v === 'string' ? v : v.text;
          if (opts.inline) cells.push(`<${p}c${ref}${hs} t="inlineStr"><${p}is><${p}t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</${p}t></${p}is></${p}c>`);
          else {
            sstCount++;
            cells.push(`<${p}c${ref}${hs} t="s"><${p}v>${si(s)}</${p}v></${p}c>`);
          }
        } else if ('rich' in v) {
          sstCount++;
          cells.push(`<${p}c${ref}${hs} t="s"><${p}v>${si(v)}</${p}v></${p}c>`);
        } else if ('str' in v) cells.push(`<${p}c${ref}${hs} t="str"><${p}v>${esc(v.str)}</${p}v></${p}c>`);
        else if ('date' in v) cells.push(`<${p}c${ref} s="${v.style ?? 1}"><${p}v>${serial(v.date)}</${p}v></${p}c>`);
        else if ('iso' in v) cells.push(`<${p}c${ref} s="${v.style ?? 1}" t="d"><${p}v>${v.iso}</${p}v></${p}c>`);
        else if ('bool' in v) cells.push(`<${p}c${ref} t="b"><${p}v>${v.bool ? 1 : 0}</${p}v></${p}c>`);
        else if ('num' in v) cells.push(`<${p}c${ref} s="${v.style ?? 0}"><${p}v>${v.num}</${p}v></${p}c>`);
        else throw new Error(`cell ${JSON.stringify(v)}`);
      });
      const rr = opts.noR ? '' : ` r="${rn}"`;
      const spans = opts.noR || opts.inline ? '' : ` spans="1:${width}"`;
      rowsXml.push(cells.length ? `<${p}row${rr}${spans}>${cells.join('')}</${p}row>` : `<${p}row${rr}/>`);
    });
    const dim = opts.noR ? '' : `<${p}dimension ref="A1:${colName(width)}${sh.rows.length}"/>`;
    const views = sh.freeze
      ? `<${p}sheetViews><${p}sheetView ${opts.tabSelected === false ? '' : 'tabSelected="1" '}workbookViewId="0"><${p}pane ySplit="${sh.freeze}" topLeftCell="A${sh.freeze + 1}" activePane="bottomLeft" state="frozen"/></${p}sheetView></${p}sheetViews>`
      : `<${p}sheetViews><${p}sheetView workbookViewId="0"/></${p}sheetViews>`;
    const cols = sh.widths ? `<${p}cols>${sh.widths.map((w, i) => `<${p}col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</${p}cols>` : '';
    const merges = sh.merges?.length ? `<${p}mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join('')}</${p}mergeCells>` : '';
    const dv = sh.validations?.length
      ? `<${p}dataValidations count="${sh.validations.length}">${sh.validations.map((d) => `<${p}dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${d.sqref}"><${p}formula1>${esc(d.list)}</${p}formula1></${p}dataValidation>`).join('')}</${p}dataValidations>`
      : '';
    return `${head}<${p}worksheet ${xmlns} xmlns:r="${N.r}">${dim}${views}<${p}sheetFormatPr defaultRowHeight="15"/>${cols}<${p}sheetData>${rowsXml.join('')}</${p}sheetData>${merges}${dv}<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`;
  });
  const rid = (i) => (opts.ridStyle === 'sdk' ? `R${(0x3f1a2b4c5d6e7f80n + BigInt(i) * 0x1111n).toString(16)}` : `rId${i}`);
  const conformance = opts.strict ? ' conformance="strict"' : '';
  const workbook = `${head}<${p}workbook ${xmlns} xmlns:r="${N.r}"${conformance}>${opts.date1904 ? `<${p}workbookPr date1904="1"/>` : opts.strict ? `<${p}workbookPr dateCompatibility="0" defaultThemeVersion="164011"/>` : ''}<${p}bookViews><${p}workbookView/></${p}bookViews><${p}sheets>${opts.sheets
    .map((sh, i) => `<${p}sheet name="${esc(sh.name)}" sheetId="${i + 1}"${sh.hidden ? ' state="hidden"' : ''} r:id="${rid(i + 1)}"/>`)
    .join('')}</${p}sheets>${opts.definedNames ?? ''}</${p}workbook>`;
  const n = opts.sheets.length;
  const wbRels = [
    ...opts.sheets.map((_, i) => `<Relationship Id="${rid(i + 1)}" Type="${N.relBase}worksheet" Target="${opts.absTargets ? '/xl/' : ''}worksheets/sheet${i + 1}.xml"/>`),
    `<Relationship Id="${rid(n + 1)}" Type="${N.relBase}styles" Target="${opts.absTargets ? '/xl/' : ''}styles.xml"/>`,
    ...(opts.inline && !opts.emptySst ? [] : [`<Relationship Id="${rid(n + 2)}" Type="${N.relBase}sharedStrings" Target="${opts.absTargets ? '/xl/' : ''}sharedStrings.xml"/>`]),
    ...(opts.macro ? [`<Relationship Id="${rid(n + 3)}" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>`] : []),
  ];
  const pkgRel = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const rootRels = [`<Relationship Id="rId1" Type="${N.relBase}officeDocument" Target="${opts.absTargets ? '/' : ''}xl/workbook.xml"/>`];
  if (opts.docProps) {
    rootRels.push(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`);
    rootRels.push(`<Relationship Id="rId3" Type="${N.relBase}extendedProperties" Target="docProps/app.xml"/>`);
  }
  const mainCT = opts.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  const ct = `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${opts.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ''}<Override PartName="/xl/workbook.xml" ContentType="${mainCT}"/>${opts.sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${opts.inline && !opts.emptySst ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'}${opts.docProps ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' : ''}</Types>`;
  const styles = `${head}<${p}styleSheet ${xmlns}><${p}numFmts count="2"><${p}numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><${p}numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></${p}numFmts><${p}fonts count="2"><${p}font><${p}sz val="11"/><${p}name val="宋体"/><${p}family val="2"/><${p}charset val="134"/></${p}font><${p}font><${p}b/><${p}sz val="11"/><${p}name val="宋体"/><${p}family val="2"/><${p}charset val="134"/></${p}font></${p}fonts><${p}fills count="2"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill></${p}fills><${p}borders count="1"><${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border></${p}borders><${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs><${p}cellXfs count="4"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${p}xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><${p}xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"><${p}alignment horizontal="center" vertical="center" wrapText="1"/></${p}xf></${p}cellXfs><${p}cellStyles count="1"><${p}cellStyle name="常规" xfId="0" builtinId="0"/></${p}cellStyles></${p}styleSheet>`;
  const sstXml = `${head}<${p}sst ${xmlns} count="${sstCount}" uniqueCount="${sst.length}">${sst.map((s) => (typeof s === 'string' ? `<${p}si><${p}t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</${p}t></${p}si>` : `<${p}si>${s.rich.map(([t, color]) => `<${p}r><${p}rPr><${p}b/><${p}sz val="11"/>${color ? `<${p}color rgb="${color}"/>` : ''}<${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr><${p}t>${esc(t)}</${p}t></${p}r>`).join('')}<${p}phoneticPr fontId="1" type="noConversion"/></${p}si>`)).join('')}</${p}sst>`;
  const stamp = new Date(opts.stamp);
  const zip = new JSZip();
  const add = (name, data) => zip.file(name, data, { date: stamp, createFolders: false });
  add('[Content_Types].xml', ct);
  add('_rels/.rels', `${head}<Relationships xmlns="${pkgRel}">${rootRels.join('')}</Relationships>`);
  if (opts.docProps) {
    const iso = stamp.toISOString().replace(/\.\d+Z$/, 'Z');
    add('docProps/core.xml', `${head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${esc(opts.creator ?? 'Administrator')}</dc:creator><cp:lastModifiedBy>${esc(opts.creator ?? 'Administrator')}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`);
    add('docProps/app.xml', `${head}<Properties xmlns="${N.ext}" xmlns:vt="${opts.strict ? 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes' : 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes'}"><Application>${esc(opts.app ?? 'Microsoft Excel')}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><AppVersion>16.0300</AppVersion></Properties>`);
  }
  add('xl/workbook.xml', workbook);
  add('xl/_rels/workbook.xml.rels', `${head}<Relationships xmlns="${pkgRel}">${wbRels.join('')}</Relationships>`);
  sheetXml.forEach((x, i) => add(`xl/worksheets/sheet${i + 1}.xml`, x));
  add('xl/styles.xml', styles);
  if (!opts.inline || opts.emptySst) add('xl/sharedStrings.xml', sstXml);
  if (opts.macro) {
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/PROJECT', Buffer.from(opts.macro.project, 'latin1'));
    CFB.utils.cfb_add(cfb, '/PROJECTwm', Buffer.from('ThisWorkbook\0T\0h\0i\0s\0W\0o\0r\0k\0b\0o\0o\0k\0\0\0\0\0', 'latin1'));
    CFB.utils.cfb_add(cfb, '/VBA/dir', Buffer.from([0x01, 0x00, 0x00]));
    CFB.utils.cfb_add(cfb, '/VBA/_VBA_PROJECT', Buffer.from([0xcc, 0x61, 0xff, 0xff, 0x00, 0x00, 0x00]));
    CFB.utils.cfb_add(cfb, '/VBA/Module1', Buffer.from(opts.macro.module, 'latin1'));
    const out = CFB.write(cfb, { type: 'buffer', fileType: 'cfb' });
    add('xl/vbaProject.bin', out);
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}
