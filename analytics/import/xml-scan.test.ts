import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, XmlScanner, XmlSyntaxError } from './xml-scan.js';

type Token = ['open', string, Record<string, string>, boolean] | ['close', string] | ['text', string];

/** Every token of `chunks`, text captured everywhere (adjacent text pieces merged). */
function tokens(chunks: readonly string[], attrNames: readonly string[] = ['r', 't', 's', 'a']): Token[] {
  const out: Token[] = [];
  const s: XmlScanner = new XmlScanner({
    open(sc, selfClosing) {
      const attrs: Record<string, string> = {};
      for (const n of attrNames) {
        const v = sc.attr(n);
        if (v !== undefined) attrs[n] = v;
      }
      out.push(['open', sc.name(), attrs, selfClosing]);
    },
    close(sc) {
      out.push(['close', sc.name()]);
    },
    text(t) {
      const last = out.at(-1);
      if (last?.[0] === 'text') last[1] += t;
      else out.push(['text', t]);
    },
  });
  s.capture = true;
  for (const c of chunks) s.write(c);
  s.end();
  return out;
}

/** The text cut at the given positions. */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(text.slice(prev, p));
    prev = p;
  }
  out.push(text.slice(prev));
  return out;
}

const name = fc.constantFrom('row', 'c', 'v', 'x:c', 'is', 't');
const value = fc.string({ unit: fc.constantFrom('a', '1', ' ', '中', '&', '<', '>', "'", '"') });
const attr = fc.tuple(fc.constantFrom('r', 't', 's', 'a'), value, fc.constantFrom('"', "'"), fc.constantFrom('=', ' = ', '\n=\t'));
const textPiece = fc.constantFrom('12', ' ', '中文', '&lt;', '&amp;x', '&#x41;', '<!-- <row> -->', '<![CDATA[<v>]]>', '<?pi x?>');

/** A well-formed fragment and the tokens it must give. */
const element: fc.Arbitrary<{ xml: string; toks: Token[] }> = fc.letrec((tie) => ({
  el: fc.tuple(name, fc.uniqueArray(attr, { selector: (a) => a[0], maxLength: 3 }), fc.array(fc.oneof(textPiece, tie('el')), { maxLength: 3 }), fc.boolean()).map(([n, attrs, kids, empty]) => {
    const local = n.includes(':') ? n.split(':')[1]! : n;
    const esc = (v: string, q: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(q === '"' ? /"/g : /'/g, q === '"' ? '&quot;' : '&#39;');
    const attrText = attrs.map(([k, v, q, eq]) => ` ${k}${eq}${q}${esc(v, q)}${q}`).join('');
    const values: Record<string, string> = {};
    for (const [k, v] of attrs) values[k] = v;
    if (empty) return { xml: `<${n}${attrText}/>`, toks: [['open', local, values, true] as Token] };
    const toks: Token[] = [['open', local, values, false]];
    let xml = `<${n}${attrText}>`;
    for (const k of kids as Array<string | { xml: string; toks: Token[] }>) {
      if (typeof k === 'string') {
        xml += k;
        const t = k.startsWith('<!--') || k.startsWith('<?') ? '' : k.startsWith('<![CDATA[') ? k.slice(9, -3) : decodeEntities(k);
        if (!t) continue;
        const last = toks.at(-1)!;
        if (last[0] === 'text') last[1] += t;
        else toks.push(['text', t]);
      } else {
        xml += k.xml;
        toks.push(...k.toks);
      }
    }
    toks.push(['close', local]);
    return { xml: xml + `</${n}>`, toks };
  }),
})).el as fc.Arbitrary<{ xml: string; toks: Token[] }>;

describe('XmlScanner', () => {
  it('gives the tokens of well-formed XML, the same however the text is cut into chunks', () => {
    fc.assert(
      fc.property(element, fc.array(fc.nat(), { maxLength: 6 }), (el, at) => {
        const whole = tokens([el.xml]);
        expect(whole).toEqual(el.toks);
        expect(tokens(cut(el.xml, at))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('ends on any input: tokens, or an XmlSyntaxError — never another exception, never a hang', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', '=', '"', "'", ' ', 'a', 'c', 'r', '!', '-', '?', '[', ']', '&', ';', '#', 'x', '1') }), fc.array(fc.nat(), { maxLength: 4 }), (text, at) => {
        try {
          tokens(cut(text, at));
        } catch (e) {
          expect(e).toBeInstanceOf(XmlSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads attributes with spaces around "=", either quote and a prefix; refuses malformed ones in words', () => {
    expect(tokens(['<c r = "Z99" x:t=\'s\'/>'])).toEqual([['open', 'c', { r: 'Z99', t: 's' }, true]]);
    const bad = (x: string) => {
      try {
        tokens([x]);
      } catch (e) {
        return (e as XmlSyntaxError).zh;
      }
      return 'no error';
    };
    expect(bad('<c r="A1" t>')).toContain('缺少“=”');
    expect(bad('<c r="A1')).toContain('没有结束');
    expect(bad('<c r="A1"t="s">')).toContain('缺少空格');
    expect(bad('<c r=A1>')).toContain('没有加引号');
    expect(bad('<!DOCTYPE x [<!ENTITY a "b">]><c/>')).toContain('DOCTYPE');
    expect(bad('<v>&bogus;</v>')).toContain('未定义的实体');
    expect(bad('<v>&#0;</v>')).toContain('无效的字符引用');
  });

  it('carries at most one incomplete tag between chunks: text and comments never pile up', () => {
    let most = 0;
    const s = new XmlScanner({ open() {}, close() {}, text() {} });
    const write = (t: string) => {
      s.write(t);
      most = Math.max(most, s.x.length);
    };
    for (let i = 0; i < 2048; i++) write(' '.repeat(1024));
    write('<!--');
    for (let i = 0; i < 2048; i++) write('-'.repeat(1023) + '>');
    write('--><a b="');
    for (let i = 0; i < 10; i++) write('x'.repeat(1000));
    write('"/>');
    s.end();
    // what is kept is the newest chunk plus the unfinished tag (10 kB here), not the 4 MB written
    expect(most).toBeLessThan(1024 + 11_000);
  });
});
