// A streaming XML tokenizer for the two big parts of a workbook (the worksheet and the shared
// strings), written to be total: whatever the bytes, it ends in time linear in the input, in
// memory bounded by its limits, with either the tokens or an XmlSyntaxError saying what is wrong.
//
// Why not saxes here: measured at 55–60k rows/s with no work per cell, against ~100k rows/s for a
// scanner that compares character codes (see xlsx-reader.ts). What it accepts is XML 1.0 as Excel,
// WPS, LibreOffice and the usual libraries write it — namespace prefixes, either quote, spaces
// around '=', comments, CDATA, processing instructions, character references — and it refuses a
// DOCTYPE (entity definitions are how XML bombs are built; no spreadsheet or data export needs one).
//
// Only an incomplete markup construct is carried from one chunk to the next (a tag is at most
// MAX_TAG characters; comments, CDATA and text are consumed as they come), so no input makes the
// carried text grow with the file.

/** Longest start or end tag accepted (data validations can carry long `sqref` lists). */
export const MAX_TAG = 4 << 20;
/** parseStart: the input ends inside the tag. */
export const NEED_MORE = -1;
/** Most attributes on one tag. */
const MAX_ATTRS = 1024;

export class XmlSyntaxError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'XmlSyntaxError';
  }
}

/** Closes the innermost open element of `stack`: `name` must be it (a stray or crossed end tag is
 *  a syntax error naming both). */
export function closeTag(stack: string[], name: string): void {
  const open = stack.pop();
  if (open !== name) {
    throw new XmlSyntaxError(
      open === undefined ? `多余的结束标签 </${name}>` : `结束标签 </${name}> 与开始标签 <${open}> 不配对`,
      open === undefined ? `a stray end tag </${name}>` : `the end tag </${name}> does not close <${open}>`,
    );
  }
}

export interface XmlHandler {
  /** A start tag: its local name is s.name(), its attributes s.attr(). */
  open(s: XmlScanner, selfClosing: boolean): void;
  /** An end tag (s.name()). */
  close(s: XmlScanner): void;
  /** Character data while s.capture is on (entities decoded; CDATA as is). */
  text(chunk: string): void;
}

const enum St {
  Text,
  Comment,
  Cdata,
  Pi,
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Characters that end a name in a tag: white space > / = < " ' */
const ENDS_NAME = new Uint8Array(128);
for (const c of [32, 10, 9, 13, 62, 47, 61, 60, 34, 39]) ENDS_NAME[c] = 1;
function endsName(c: number): boolean {
  return c < 128 && ENDS_NAME[c] === 1;
}

function nameStartOk(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A line break as XML reads it: every CR LF and every lone CR is one LF (XML 1.0 §2.11) — a CR
 *  that is data is written &#13; or _x000D_, and survives. */
export function xmlEol(raw: string): string {
  return raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
}

/** Counts the '&'s kept as text by a lenient decodeEntities. */
export interface BareAmpersands {
  count: number;
}

/** Text with its line breaks read as XML reads them (xmlEol) and its entity and character
 *  references replaced; a malformed one throws — or, given `bare`, an '&' that starts no reference
 *  (a template's unescaped "P&G") is kept as text and counted there. */
export function decodeEntities(text: string, bare?: BareAmpersands): string {
  const raw = xmlEol(text);
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    if (bare && (semi < 0 || semi - amp > 12 || !/^(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][\w.-]*)$/.test(raw.slice(amp + 1, semi)))) {
      bare.count++;
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError('文本中有未结束的字符引用（“&”后缺少“;”）', 'an entity reference is not terminated ("&" without ";")');
    const ref = raw.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35) {
      const hex = ref.charCodeAt(1) === 120;
      const digits = ref.slice(hex ? 2 : 1);
      const cp = digits && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw new XmlSyntaxError(`无效的字符引用“&${ref};”`, `invalid character reference "&${ref};"`);
      }
      ch = String.fromCodePoint(cp);
    } else ch = NAMED[ref];
    if (ch === undefined && bare) {
      // a name no XML document defines (&nbsp;): kept as written
      bare.count++;
      amp = raw.indexOf('&', amp + 1);
      continue;
    }
    if (ch === undefined) {
      throw new XmlSyntaxError(`未定义的实体“&${ref.slice(0, 12)};”（工作簿中只允许 &amp; &lt; &gt; &quot; &apos; 和数字字符引用）`, `undefined entity "&${ref.slice(0, 12)};"`);
    }
    out += raw.slice(from, amp) + ch;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

export class XmlScanner {
  /** The text being scanned (what was carried plus the newest chunk). */
  x = '';
  private pos = 0;
  private st: St = St.Text;
  /** When on, character data goes to handler.text. */
  capture = false;
  /** Set: an '&' that starts no reference is text, counted here (decodeEntities); else an error. */
  bare: BareAmpersands | undefined;
  private nStart = 0;
  private nEnd = 0;
  /** Per attribute: local-name start, name end, value start, value end (indices into x). */
  private readonly aPos: number[] = [];
  private nAttrs = 0;
  private started = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Local name of the current tag (prefix dropped). */
  name(): string {
    return this.x.slice(this.nStart, this.nEnd);
  }

  /** Whether the current tag's local name is `n`. */
  is(n: string): boolean {
    const len = this.nEnd - this.nStart;
    if (len !== n.length) return false;
    for (let i = 0; i < len; i++) if (this.x.charCodeAt(this.nStart + i) !== n.charCodeAt(i)) return false;
    return true;
  }

  /** Index of the attribute with local name `n` on the current start tag, or -1. */
  attrIndex(n: string): number {
    const x = this.x;
    const a = this.aPos;
    const len = n.length;
    const c0 = n.charCodeAt(0);
    for (let k = 0; k < this.nAttrs; k++) {
      const ls = a[4 * k]!;
      if (a[4 * k + 1]! - ls !== len || x.charCodeAt(ls) !== c0) continue;
      let i = 1;
      while (i < len && x.charCodeAt(ls + i) === n.charCodeAt(i)) i++;
      if (i === len) return k;
    }
    return -1;
  }

  /** The current start tag's attributes written without a namespace prefix (not xmlns), in order:
   *  each name and value (references decoded). */
  plainAttrs(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const x = this.x;
    const a = this.aPos;
    for (let k = 0; k < this.nAttrs; k++) {
      const ls = a[4 * k]!;
      if (x.charCodeAt(ls - 1) === 58) continue; // prefix:name
      const name = x.slice(ls, a[4 * k + 1]!);
      if (name === 'xmlns') continue;
      const v = x.slice(a[4 * k + 2]!, a[4 * k + 3]!);
      out.push([name, v.indexOf('&') >= 0 ? decodeEntities(v, this.bare) : v]);
    }
    return out;
  }

  /** Where attribute k's value starts and ends in x (raw, references not decoded). */
  valueStart(k: number): number {
    return this.aPos[4 * k + 2]!;
  }
  valueEnd(k: number): number {
    return this.aPos[4 * k + 3]!;
  }

  /** The value of the attribute with local name `n` on the current start tag (entities decoded). */
  attr(n: string): string | undefined {
    const k = this.attrIndex(n);
    if (k < 0) return undefined;
    const v = this.x.slice(this.aPos[4 * k + 2]!, this.aPos[4 * k + 3]!);
    return v.indexOf('&') >= 0 ? decodeEntities(v, this.bare) : v;
  }

  /**
   * Fast path for the commonest shape, called from a start tag's handler: when the input right
   * after the tag is `open` + text + `close` (e.g. '<v>' 123 '</v></c>'), consumes it and returns
   * the text (references decoded); otherwise consumes nothing and returns null.
   */
  tryText(open: string, close: string): string | null {
    const x = this.x;
    const p = this.pos;
    if (!x.startsWith(open, p)) return null;
    const lt = x.indexOf('<', p + open.length);
    if (lt < 0 || !x.startsWith(close, lt)) return null;
    const raw = x.slice(p + open.length, lt);
    this.pos = lt + close.length;
    return decodeEntities(raw, this.bare);
  }

  /** Set by a handler: write() returns after the current tag, leaving the rest of its input
   *  unconsumed (see takeRest). */
  paused = false;

  /** Between markup in plain text (not inside a comment, CDATA or a processing instruction), not
   *  capturing: the place where the rest of the input may be read another way (takeRest). */
  get between(): boolean {
    return this.st === St.Text && !this.capture;
  }

  /** The input not consumed yet (what a pause or an incomplete tag left); the scanner then holds
   *  none, and carries on with whatever is written next. */
  takeRest(): string {
    const rest = this.pos < this.x.length ? this.x.slice(this.pos) : '';
    this.x = '';
    this.pos = 0;
    this.paused = false;
    return rest;
  }

  /** Scans a chunk; what it leaves incomplete waits for the next one. */
  write(chunk: string): void {
    // join, not +: a flat string (charCodeAt on a concatenation is about twice as slow)
    this.x = this.pos < this.x.length ? [this.x.slice(this.pos), chunk].join('') : chunk;
    this.pos = 0;
    if (!this.started && this.x.length) {
      this.started = true;
      if (this.x.charCodeAt(0) === 0xfeff) this.pos = 1;
    }
    this.run(false);
  }

  /** The end of the input: anything left incomplete is an error. */
  end(): void {
    this.run(true);
    if (this.st === St.Comment) throw new XmlSyntaxError('注释没有结束（缺少“-->”）', 'a comment is not terminated (no "-->")');
    if (this.st === St.Cdata) throw new XmlSyntaxError('CDATA 段没有结束（缺少“]]>”）', 'a CDATA section is not terminated (no "]]>")');
    if (this.st === St.Pi) throw new XmlSyntaxError('处理指令没有结束（缺少“?>”）', 'a processing instruction is not terminated (no "?>")');
    if (this.pos < this.x.length) throw new XmlSyntaxError('文件在一个标签中间结束', 'the part ends inside a tag');
  }

  private run(final: boolean): void {
    const x = this.x;
    const len = x.length;
    for (;;) {
      switch (this.st) {
        case St.Text: {
          const lt = x.indexOf('<', this.pos);
          if (lt < 0) {
            // Text runs past the chunk: hand over what is surely complete (an entity reference
            // may be cut at the end).
            let stop = len;
            if (!final) {
              // only the last 12 characters can hold the start of an unfinished reference
              for (let j = len - 1; j >= this.pos && j >= len - 12; j--) {
                const cc = x.charCodeAt(j);
                if (cc === 59) break;
                if (cc === 38) {
                  stop = j;
                  break;
                }
              }
            }
            // a CR last may be the first half of a CR LF: it waits for the next chunk
            if (!final && stop > this.pos && x.charCodeAt(stop - 1) === 13) stop--;
            if (this.capture && stop > this.pos) this.handler.text(decodeEntities(x.slice(this.pos, stop), this.bare));
            this.pos = stop;
            return;
          }
          if (this.capture && lt > this.pos) this.handler.text(decodeEntities(x.slice(this.pos, lt), this.bare));
          this.pos = lt;
          if (!this.markup(final) || this.paused) return;
          break;
        }
        case St.Comment:
          if (!this.skipTo('-->', final)) return;
          break;
        case St.Pi:
          if (!this.skipTo('?>', final)) return;
          break;
        case St.Cdata: {
          const end = x.indexOf(']]>', this.pos);
          if (end < 0) {
            let stop = final ? len : Math.max(this.pos, len - 2);
            if (!final && stop > this.pos && x.charCodeAt(stop - 1) === 13) stop--;
            if (this.capture && stop > this.pos) this.handler.text(xmlEol(x.slice(this.pos, stop)));
            this.pos = stop;
            return;
          }
          if (this.capture && end > this.pos) this.handler.text(xmlEol(x.slice(this.pos, end)));
          this.pos = end + 3;
          this.st = St.Text;
          break;
        }
      }
    }
  }

  /** Skips to just after `close`; false when it is not in this chunk. */
  private skipTo(close: string, final: boolean): boolean {
    const end = this.x.indexOf(close, this.pos);
    if (end < 0) {
      this.pos = final ? this.x.length : Math.max(this.pos, this.x.length - close.length + 1);
      return false;
    }
    this.pos = end + close.length;
    this.st = St.Text;
    return true;
  }

  /** Markup at this.pos ('<'). False when it needs more input. */
  private markup(final: boolean): boolean {
    const x = this.x;
    const p = this.pos;
    const len = x.length;
    if (p + 1 >= len) return this.needMore(final);
    const c = x.charCodeAt(p + 1);
    if (c === 33) {
      // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE …>
      if (p + 9 > len && !final) return false;
      if (x.startsWith('<!--', p)) {
        this.pos = p + 4;
        this.st = St.Comment;
        return true;
      }
      if (x.startsWith('<![CDATA[', p)) {
        this.pos = p + 9;
        this.st = St.Cdata;
        return true;
      }
      throw new XmlSyntaxError('含有文档类型定义（DOCTYPE/实体声明）；表格和数据导出都用不到它，为安全起见拒绝读取', 'holds a document type definition (DOCTYPE/ENTITY), which no spreadsheet or data export needs; refused for safety');
    }
    if (c === 63) {
      this.pos = p + 2;
      this.st = St.Pi;
      return true;
    }
    if (c === 47) return this.endTag(final);
    return this.startTag(final);
  }

  private needMore(final: boolean): boolean {
    if (final) throw new XmlSyntaxError('文件在一个标签中间结束（标签或属性值没有结束）', 'the part ends inside a tag (a tag or an attribute value is not closed)');
    if (this.x.length - this.pos > MAX_TAG) throw new XmlSyntaxError(`标签过长（超过 ${MAX_TAG >> 20} MiB）`, `a tag is longer than ${MAX_TAG >> 20} MiB`);
    return false;
  }

  /** Reads a name at i; sets nStart/nEnd to its local part. Returns the index after it, or -1
   *  when the input ends inside it. */
  private readName(i: number): number {
    const x = this.x;
    const len = x.length;
    if (i >= len) return -1;
    if (!nameStartOk(x.charCodeAt(i))) throw new XmlSyntaxError(`标签名称无效（“${x.slice(i, i + 10).replace(/\s.*/s, '')}”）`, `invalid tag name ("${x.slice(i, i + 10).replace(/\s.*/s, '')}")`);
    let local = i;
    let j = i;
    while (j < len) {
      const ch = x.charCodeAt(j);
      if (endsName(ch)) break;
      if (ch === 58) local = j + 1;
      j++;
    }
    if (j >= len) return -1;
    if (local === j) throw new XmlSyntaxError('标签名称无效（以“:”结尾）', 'invalid tag name (ends with ":")');
    this.nStart = local;
    this.nEnd = j;
    return j;
  }

  private endTag(final: boolean): boolean {
    const x = this.x;
    let i = this.readName(this.pos + 2);
    if (i < 0) return this.needMore(final);
    while (i < x.length && isSpace(x.charCodeAt(i))) i++;
    if (i >= x.length) return this.needMore(final);
    if (x.charCodeAt(i) !== 62) throw new XmlSyntaxError(`结束标签 </${this.name()}> 格式错误`, `malformed end tag </${this.name()}>`);
    this.pos = i + 1;
    this.handler.close(this);
    return true;
  }

  private startTag(final: boolean): boolean {
    const e = this.parseStart(this.pos);
    if (e === NEED_MORE) return this.needMore(final);
    this.pos = e;
    this.handler.open(this, this.selfClosing);
    return true;
  }

  /** Whether the start tag parsed last ended with "/>". */
  selfClosing = false;

  /** Where the scanner is in x (handlers may move it past markup they consumed themselves). */
  get at(): number {
    return this.pos;
  }
  set at(p: number) {
    this.pos = p;
  }

  /**
   * Parses the start tag at p (x[p] is '<'): its name and attributes become current (name(),
   * is(), attr()), and selfClosing is set. Returns the index after it, or NEED_MORE when x ends
   * inside it; a malformed tag throws. Handlers use it to read a run of simple elements without
   * a round trip through the tokenizer (see the worksheet's cells); it consumes nothing itself.
   */
  parseStart(p: number): number {
    const x = this.x;
    const len = x.length;
    let i = this.readName(p + 1);
    if (i < 0) return NEED_MORE;
    const nameStart = this.nStart;
    const nameEnd = this.nEnd;
    this.nAttrs = 0;
    for (;;) {
      const ws = i;
      while (i < len && isSpace(x.charCodeAt(i))) i++;
      if (i >= len) return NEED_MORE;
      const ch = x.charCodeAt(i);
      if (ch === 62) {
        this.nStart = nameStart;
        this.nEnd = nameEnd;
        this.selfClosing = false;
        return i + 1;
      }
      if (ch === 47) {
        if (i + 1 >= len) return NEED_MORE;
        if (x.charCodeAt(i + 1) !== 62) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 中“/”后缺少“>”`, `"/" not followed by ">" in <${x.slice(nameStart, nameEnd)}>`);
        this.nStart = nameStart;
        this.nEnd = nameEnd;
        this.selfClosing = true;
        return i + 2;
      }
      if (i === ws) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 的属性之间缺少空格`, `no white space between the attributes of <${x.slice(nameStart, nameEnd)}>`);
      // attribute: Name S? '=' S? quoted value
      const an = i;
      if (!nameStartOk(ch)) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 中有无效的属性名`, `invalid attribute name in <${x.slice(nameStart, nameEnd)}>`);
      let al = i;
      while (i < len) {
        const cc = x.charCodeAt(i);
        if (endsName(cc)) break;
        if (cc === 58) al = i + 1;
        i++;
      }
      const ae = i;
      while (i < len && isSpace(x.charCodeAt(i))) i++;
      if (i >= len) return NEED_MORE;
      if (x.charCodeAt(i) !== 61) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 的属性“${x.slice(an, ae)}”缺少“=”`, `attribute "${x.slice(an, ae)}" of <${x.slice(nameStart, nameEnd)}> has no "="`);
      i++;
      while (i < len && isSpace(x.charCodeAt(i))) i++;
      if (i >= len) return NEED_MORE;
      const q = x.charCodeAt(i);
      if (q !== 34 && q !== 39) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 的属性“${x.slice(an, ae)}”的值没有加引号`, `the value of attribute "${x.slice(an, ae)}" of <${x.slice(nameStart, nameEnd)}> is not quoted`);
      // the value, up to its closing quote; a '<' inside it is an error (one pass, no builtin
      // calls: values are short, and String#indexOf costs more than the loop)
      const vs = i + 1;
      let ve = vs;
      for (;;) {
        if (ve >= len) return NEED_MORE;
        const cc = x.charCodeAt(ve);
        if (cc === q) break;
        if (cc === 60) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 的属性值中有“<”（或缺少结束引号）`, `an attribute value of <${x.slice(nameStart, nameEnd)}> holds "<" (or lacks its closing quote)`);
        ve++;
      }
      if (this.nAttrs >= MAX_ATTRS) throw new XmlSyntaxError(`标签 <${x.slice(nameStart, nameEnd)}> 的属性过多`, `too many attributes on <${x.slice(nameStart, nameEnd)}>`);
      const k = this.nAttrs++;
      const a = this.aPos;
      a[4 * k] = al;
      a[4 * k + 1] = ae;
      a[4 * k + 2] = vs;
      a[4 * k + 3] = ve;
      i = ve + 1;
    }
  }
}
