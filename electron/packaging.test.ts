// The packaging configuration (electron-builder.yml) is on paper — it cannot be built here — so
// this test holds it to what the security review asked for: Electron fuses (no RunAsNode, no
// NODE_OPTIONS or --inspect, cookie encryption, ASAR integrity, app from app.asar only), an ASAR
// with the native modules unpacked, and the app's built files only.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..');

describe('electron-builder.yml', () => {
  const cfg = parse(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

  it('flips the fuses a hardened app needs', () => {
    expect(cfg.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packs an ASAR of the built app, native modules unpacked, the sample as a resource', () => {
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toEqual(expect.arrayContaining(['node_modules/@duckdb/**']));
    expect(cfg.files).toEqual(expect.arrayContaining(['out/**', '!**/*.test.*']));
    expect(cfg.extraResources).toEqual([{ from: 'samples/shengsi', to: 'samples/shengsi' }]);
    expect(existsSync(join(REPO, 'samples/shengsi'))).toBe(true);
    // main.ts looks for the sample where extraResources puts it
    expect(readFileSync(join(REPO, 'electron/main.ts'), 'utf8')).toContain("join(process.resourcesPath, 'samples', 'shengsi')");
  });

  it('the analytics use the utility process, which works with RunAsNode off (no process.fork in main)', () => {
    const main = readFileSync(join(REPO, 'electron/main.ts'), 'utf8');
    expect(main).toContain('utilityProcess.fork');
    expect(main).not.toMatch(/child_process|process\.fork\(/);
  });
});
