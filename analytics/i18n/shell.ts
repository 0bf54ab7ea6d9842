// A word for a POSIX shell, for the commands our messages suggest (`tijian map FILE`): a file name
// is data, and a hint copied into a terminal must not run what the name holds ($(…), ;, `…`).

/** The word quoted for sh/bash: as it is when it holds only characters no shell treats specially,
 *  else in single quotes, a ' inside written as '\'' (close, an escaped quote, reopen). */
export function shellQuote(s: string): string {
  if (/^[A-Za-z0-9_./@%+=:,-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, "'\\''")}'`;
}
