// Text written into the XML of an XLSX or DOCX file. XML 1.0 allows only #x9 | #xA | #xD |
// [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; neither exceljs nor docx filters the rest,
// so one U+FFFE or U+FFFF in a rejected row, a case text or a unit name made the whole file
// unreadable (Excel offers to "repair" it, openpyxl and LibreOffice refuse it). exceljs does drop the
// C0 controls and DEL, but silently. Each such character — also a lone surrogate, and DEL — becomes
// U+FFFD �, so the reader sees that something was there.

// Not a character XML 1.0 allows, or DEL; with the u flag a lone surrogate is one code point here
// (outside every allowed range), a surrogate pair one astral character (allowed). Also the
// bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): one in a
// party's or unit's name makes the rest of the line display reversed in Word, Excel and a browser
// (a name that reads as another), and no Chinese ledger text needs them — file names drop them too.
const NOT_XML = /[^\t\n\r\u0020-\u007E\u0080-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\u202A-\u202E\u2066-\u2069]/gu;

/** The text with every character an XML file cannot hold (and DEL, and the bidirectional
 *  override controls) replaced by U+FFFD. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, '\uFFFD');
}

/**
 * Every string in a value of arrays and plain objects through xmlText (a copy; the value itself is
 * not changed). Other objects (dates, buffers, class instances) and functions are kept as they are.
 */
export function xmlTextDeep<T>(v: T): T {
  if (typeof v === 'string') return xmlText(v) as T;
  if (Array.isArray(v)) return v.map((x: unknown) => xmlTextDeep(x)) as T;
  if (v !== null && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = xmlTextDeep(x);
    return out as T;
  }
  return v;
}
