// DOCX → PDF with LibreOffice (headless), for checking what the DOCX looks like (tests, CI) and as
// an optional path where LibreOffice is installed. A private fontconfig file maps the Windows
// government font names the DOCX uses (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体 …) to the CJK fonts
// installed here (Noto Serif/Sans CJK SC), so the pages show the intended type families.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { FONTS } from './layout.js';

const run = promisify(execFile);

export const SOFFICE_CANDIDATES = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];

export function sofficePath(): string | null {
  return process.env.TIJIAN_SOFFICE ?? SOFFICE_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

function alias(names: readonly string[], target: string): string {
  return names
    .filter((n) => !/^(serif|sans-serif)$/.test(n) && n !== target)
    .map((n) => `  <alias binding="same"><family>${n}</family><prefer><family>${target}</family></prefer></alias>`)
    .join('\n');
}

/** A fonts.conf that includes the system's configuration and aliases the government font names. */
export function fontsConf(): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${alias(FONTS.body, 'Noto Serif CJK SC')}
${alias(FONTS.song, 'Noto Serif CJK SC')}
${alias(FONTS.kai, 'Noto Serif CJK SC')}
${alias(FONTS.hei, 'Noto Sans CJK SC')}
${alias(FONTS.title, 'Noto Serif CJK SC')}
  <match target="pattern">
    <test name="family"><string>方正小标宋简体</string></test>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>
</fontconfig>
`;
}

/** Converts a DOCX to PDF in `outDir`; returns the PDF's path. */
export async function docxToPdf(docx: string, outDir: string, timeoutMs = 120_000): Promise<string> {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) not found');
  mkdirSync(outDir, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'tijian-lo-'));
  try {
    const conf = join(tmp, 'fonts.conf');
    writeFileSync(conf, fontsConf());
    await run(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${join(tmp, 'profile')}`, '--convert-to', 'pdf', '--outdir', outDir, docx], {
      env: { ...process.env, FONTCONFIG_FILE: conf, HOME: tmp },
      timeout: timeoutMs,
    });
    const pdf = join(outDir, basename(docx).replace(/\.docx$/i, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`);
    return pdf;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
