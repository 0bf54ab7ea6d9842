// Text from a file or a workspace as the command line prints it. A workspace may come from
// someone else: a reviewer's note, a returned form's answer or a file's name holding ESC
// sequences would drive the terminal (erase and forge lines, OSC 8 links showing other text), a
// line feed would print a forged line of its own, and a right-to-left override would show the
// text reversed. Such characters are written as their escapes instead.
import { TijianError } from './errors.js';

/** The characters written as escapes: C0 controls, DEL, C1 controls, the Arabic letter mark,
 *  the left-to-right/right-to-left marks, the line and paragraph separators, and the
 *  bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069). */
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One character's escape: \n \r \t, \x1b for the other C0 controls, \u202e for the rest (also
 *  DEL and C1, \u009b: the form JSON reads, so a JSON text printed through this stays JSON). */
function escapeOf(c: string): string {
  const n = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return n < 0x20 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/**
 * `s` with every control character and bidirectional control written as its escape (`\x1b`,
 * `\n`, `\u202e`). `keepLines`: line feeds and tabs stay as they are — for a whole message whose
 * lines are the program's own (the command line's output as it is written); a stored text is
 * shown with them escaped, so that it stays on its one line.
 */
export function shownText(s: string, opts: { keepLines?: boolean } = {}): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (c) => (opts.keepLines && (c === '\n' || c === '\t') ? c : escapeOf(c)));
}

/** JSON text with the characters JSON.stringify leaves as they are but a terminal acts on — DEL,
 *  C1 controls, bidirectional controls, U+2028/2029 — written as \u escapes: the same JSON value. */
export function jsonShown(text: string): string {
  return text.replace(/[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters typed text may not hold: C0 controls but tab and line breaks, DEL, C1 controls, and
 *  the bidirectional embeddings, overrides and isolates (a note would read reversed on screen). */
const NOT_TYPED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Refuses typed text (a reviewer's note, an item's measures) holding such characters, naming the
 * field and the characters: they come pasted from web pages or other programs, invisibly, and a
 * workspace's text is shown to others. `field` is [Chinese, English].
 */
export function checkTypedText(text: string | null | undefined, field: readonly [string, string]): void {
  if (!text) return;
  NOT_TYPED.lastIndex = 0;
  const found = [...new Set(text.match(NOT_TYPED) ?? [])];
  if (!found.length) return;
  const codes = found.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join('、');
  throw new TijianError(
    'USAGE',
    `“${field[0]}”含有看不见的控制字符 ${codes}（多由网页或其他软件复制带入），未保存：请删去后重新填写`,
    `"${field[1]}" holds the invisible control character(s) ${codes.replace(/、/g, ', ')} (usually pasted from a web page or another program); not saved: delete them and type it again`,
  );
}
