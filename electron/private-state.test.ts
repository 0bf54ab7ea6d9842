// privateState in a process of its own (umask is the process's): a new state folder 0700 and what
// is written after 0600; an existing folder left open (0755) closed; the desktop app's main calls it
// before its analytics service starts (Electron cannot run here: its source is checked instead).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const mode = (p: string) => statSync(p).mode & 0o777;

function run(stateDir: string): void {
  const code = `import { privateState } from ${JSON.stringify(join(import.meta.dirname, 'private-state.ts'))};
import { writeFileSync, mkdirSync } from 'node:fs';
process.umask(0o022);
privateState(${JSON.stringify(stateDir)});
writeFileSync(${JSON.stringify(join(stateDir, 'recent.json'))}, '[]');
mkdirSync(${JSON.stringify(join(stateDir, 'exports'))});`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

describe.skipIf(process.platform === 'win32')('the state folder is its user\'s only', () => {
  it('a new folder 0700, a file written after 0600, a folder made after 0700', () => {
    const d = mkdtempSync(join(tmpdir(), 'tijian-state-'));
    dirs.push(d);
    const state = join(d, 'a', 'state');
    run(state);
    expect([mode(state), mode(join(state, 'recent.json')), mode(join(state, 'exports'))]).toEqual([0o700, 0o600, 0o700]);
  });

  it('an existing folder open to others is closed', () => {
    const d = mkdtempSync(join(tmpdir(), 'tijian-state-'));
    dirs.push(d);
    const state = join(d, 'state');
    mkdirSync(state, { mode: 0o755 });
    expect(mode(state)).toBe(0o755);
    run(state);
    expect(mode(state)).toBe(0o700);
  });

  it('the desktop main process makes its state private before the analytics service starts', () => {
    const src = readFileSync(join(import.meta.dirname, 'main.ts'), 'utf8');
    const call = src.indexOf('privateState(STATE_DIR)');
    expect(call).toBeGreaterThan(0);
    expect(call).toBeLessThan(src.indexOf('new ServiceClient('));
  });
});
