// Every line the command line prints goes through shownText (hostile probe 9, F2): text a command
// echoes — here the unknown command's own name — cannot drive the terminal. Values by hand.
import { expect, it } from 'vitest';
import { main } from './main.js';

it('an unknown command named with ESC and U+202E is told escaped; the message keeps its lines', async () => {
  let out = '';
  let err = '';
  const code = await main(['x\x1b[2J\u202e'], { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  expect(code).toBe(2);
  expect(err).toBe('未知命令“x\\x1b[2J\\u202e” / unknown command "x\\x1b[2J\\u202e"\n');
  expect(out).toContain('执法体检工作台 Tijian — 命令 / commands:\n');
  expect(out.split('\n').length).toBeGreaterThan(20);
});
