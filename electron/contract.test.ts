import { describe, expect, it } from 'vitest';
import { CANONICAL_TABLES } from '../analytics/schema/tables.js';
import { contract, EVENT_NAMES, isShellMethod, MAX_PAGE, METHOD_NAMES, parseRequest, TABLE_NAMES } from './contract.js';
import { COMMANDS, MENU } from './menu-spec.js';

function bad(method: unknown, input: unknown) {
  const r = parseRequest(method, input);
  if (r.ok) throw new Error(`expected ${String(method)} ${JSON.stringify(input)} to be rejected`);
  return r.error;
}

describe('the contract', () => {
  it('names the canonical tables of analytics/schema, in step', () => {
    expect([...TABLE_NAMES]).toEqual(CANONICAL_TABLES.map((t) => t.name));
  });

  it('has an input schema and a host for every method', () => {
    for (const m of METHOD_NAMES) {
      const spec = contract[m];
      expect(typeof (spec.input as { safeParse?: unknown }).safeParse, m).toBe('function');
      expect(['service', 'shell'], m).toContain(spec.host);
      expect(isShellMethod(m)).toBe(m.startsWith('shell.'));
    }
    expect(METHOD_NAMES).toEqual(expect.arrayContaining(['workspace.open', 'workspace.create', 'workspace.sample', 'import.preview', 'import.run', 'import.list', 'import.undo', 'import.rejected', 'overview.get', 'table.page', 'job.cancel']));
    expect(EVENT_NAMES).toEqual(expect.arrayContaining(['job.progress', 'job.done']));
  });

  it('accepts well-formed calls and fills defaults', () => {
    expect(parseRequest('app.info', undefined)).toEqual({ ok: true, value: { method: 'app.info', input: {} } });
    expect(parseRequest('table.page', { table: 'penalty_case', offset: 0, limit: 100, filter: { kind: 'unresolved', field: 'unit_id' } }).ok).toBe(true);
    expect(
      parseRequest('import.run', { jobId: 'j-1', files: [{ path: '/tmp/a.csv', mapping: { table: 'unit', columns: { 单位编码: 'unit_id', 备注: null, '金额（万元）': { field: 'name', scale: 10000 } } } }] }).ok,
    ).toBe(true);
  });

  it('rejects an unknown method, naming it', () => {
    const e = bad('workspace.delete', {});
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.zh).toContain('workspace.delete');
    expect(e.en).toContain('no method "workspace.delete"');
    expect(bad(42, {}).en).toContain('"number"');
    expect(bad('__proto__', {}).code).toBe('BAD_REQUEST');
    expect(bad('toString', {}).code).toBe('BAD_REQUEST');
  });

  it('rejects bad inputs with the path of the bad field, in both languages', () => {
    const cases: Array<[string, unknown, string]> = [
      ['workspace.open', {}, 'path'],
      ['workspace.open', { path: '' }, 'path'],
      ['workspace.open', { path: 'a\0b' }, 'path'],
      ['workspace.open', { path: 42 }, 'path'],
      ['workspace.open', { path: '/x', extra: 1 }, 'extra'],
      ['import.run', { jobId: 'j1', files: [] }, 'files'],
      ['import.run', { jobId: 'bad id!', files: [{ path: '/a' }] }, 'jobId'],
      ['import.run', { jobId: 'j1', files: [{ path: '/a', mapping: { table: 'nope', columns: {} } }] }, 'files[0].mapping.table'],
      ['import.run', { jobId: 'j1', files: [{ path: '/a', mapping: { table: 'unit', columns: { x: 'DROP TABLE' } } }] }, 'files[0].mapping.columns.x'],
      ['table.page', { table: 'unit; DROP TABLE unit', offset: 0, limit: 10 }, 'table'],
      ['table.page', { table: 'unit', offset: -1, limit: 10 }, 'offset'],
      ['table.page', { table: 'unit', offset: 0, limit: MAX_PAGE + 1 }, 'limit'],
      ['table.page', { table: 'unit', offset: 0.5, limit: 10 }, 'offset'],
      ['table.page', { table: 'unit', offset: 0, limit: 10, orderBy: { column: 'name desc; --' } }, 'orderBy.column'],
      ['table.page', { table: 'unit', offset: 0, limit: 10, filter: { kind: 'sql', where: '1=1' } }, 'filter.kind'],
      ['import.undo', { importId: '3' }, 'importId'],
      ['import.undo', { importId: 0 }, 'importId'],
      ['job.cancel', {}, 'jobId'],
      ['shell.setLanguage', { lang: 'fr' }, 'lang'],
    ];
    for (const [m, input, path] of cases) {
      const e = bad(m, input);
      expect(e.code, `${m} ${JSON.stringify(input)}`).toBe('BAD_REQUEST');
      expect(e.zh, `${m} ${JSON.stringify(input)}`).toContain(`字段 ${path}`);
      expect(e.en, `${m} ${JSON.stringify(input)}`).toContain(`field ${path}`);
      expect(e.zh).toMatch(/^请求“/);
      expect((e.details as { issues: Array<{ path: string }> }).issues[0]!.path).toBe(path);
    }
  });

  it('rejects inputs that are not objects', () => {
    for (const input of [null, 'x', 3, [], true]) {
      expect(bad('workspace.current', input).code).toBe('BAD_REQUEST');
    }
  });
});

describe('the commands', () => {
  it('every menu entry has both labels; accelerators are unique', () => {
    const accels = Object.values(COMMANDS)
      .map((c) => c.accelerator)
      .filter(Boolean);
    expect(new Set(accels).size).toBe(accels.length);
    const browser = Object.values(COMMANDS)
      .map((c) => c.browserKeys)
      .filter(Boolean);
    expect(new Set(browser).size).toBe(browser.length);
    for (const [k, c] of Object.entries(COMMANDS)) {
      expect(c.action).toBe(k);
      expect(c.zh.length && c.en.length).toBeTruthy();
    }
    for (const s of MENU) for (const it of s.items) if (!['separator', 'recent', 'quit', 'devtools', 'lang'].includes(it)) expect(COMMANDS).toHaveProperty([it]);
  });
});
