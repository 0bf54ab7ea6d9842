// Server-side chart rendering (Node only): ECharts SSR → SVG string, then resvg → PNG with a CJK font
// file loaded explicitly (system fonts off), so Chinese never turns into boxes. Without a CJK font
// this throws rather than draw tofu.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
// The single-file build, not the package's main entry: that one is some 600 modules, which Node
// loads in 0.45 s against 0.08 s for this file (the first chart of a process; the same echarts).
import * as echarts from 'echarts/dist/echarts.esm';
import type { EChartsOption } from 'echarts';
import { TijianError } from '../i18n/errors.js';
import { ownTempDir } from '../workspace/temp-dirs.js';
import { faceOffsets, familyName, subsetFont } from './font-subset.js';
import { THEME_NAME, TIJIAN_THEME } from './theme.js';

let themeRegistered = false;

/** An option rendered to an SVG document (width × height CSS pixels). */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  if (!themeRegistered) {
    echarts.registerTheme(THEME_NAME, TIJIAN_THEME as object);
    themeRegistered = true;
  }
  const chart = echarts.init(null, THEME_NAME, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false } as EChartsOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface CjkFont {
  file: string;
  family: string;
}

/**
 * Known CJK font files by platform, the TrueType (glyf) ones first: those can be subset (see
 * ./font-subset.ts), which makes rendering fast; CFF fonts (Noto Sans CJK) work, slowly.
 */
const CANDIDATES: CjkFont[] = [
  // Linux (Debian/Ubuntu fonts-wqy-microhei, fonts-noto-cjk; Fedora wqy-microhei-fonts, google-noto-sans-cjk)
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/wqy-microhei/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYi Zen Hei' },
  // macOS
  { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' },
  { file: '/System/Library/Fonts/STHeiti Light.ttc', family: 'Heiti SC' },
  { file: '/Library/Fonts/Arial Unicode.ttf', family: 'Arial Unicode MS' },
  // Windows
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'Microsoft YaHei' },
  { file: 'C:\\Windows\\Fonts\\simhei.ttf', family: 'SimHei' },
  { file: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
  // CFF fonts last (not subset: slow)
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf', family: 'Noto Sans CJK SC' },
];

let found: CjkFont | null | undefined;

/**
 * The CJK font the PNGs are drawn with: $TIJIAN_CJK_FONT (a file; its family is read from the file
 * unless $TIJIAN_CJK_FONT_FAMILY names it), else the first known file that exists.
 */
export function cjkFont(): CjkFont {
  if (found === undefined) {
    const env = process.env.TIJIAN_CJK_FONT;
    if (env) {
      found = existsSync(env) ? { file: env, family: process.env.TIJIAN_CJK_FONT_FAMILY ?? familyName(readFileSync(env)) ?? 'sans-serif' } : null;
    } else found = CANDIDATES.find((c) => existsSync(c.file)) ?? null;
  }
  if (!found) {
    throw new TijianError(
      'FILE_NOT_FOUND',
      '找不到中文字体，图表中的中文无法显示。请安装文泉驿微米黑（Debian/Ubuntu：apt install fonts-wqy-microhei）或 Noto Sans CJK（fonts-noto-cjk），或用环境变量 TIJIAN_CJK_FONT 指定字体文件。',
      'No CJK font found, so Chinese in charts cannot be drawn. Install WenQuanYi Micro Hei (apt install fonts-wqy-microhei) or Noto Sans CJK (fonts-noto-cjk), or point TIJIAN_CJK_FONT at a font file.',
    );
  }
  return found;
}

let fontData: { file: string; data: Buffer; face: number } | null = null;
const subsets = new Map<string, string>();
let subsetDir: string | null = null;

function decodeEntities(s: string): string {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

/** A font file for the characters of `text`: a small subset when the font allows it, else the font. */
export function fontFileFor(text: string): string {
  const font = cjkFont();
  if (!fontData || fontData.file !== font.file) {
    const data = readFileSync(font.file);
    const faces = faceOffsets(data);
    const face = Math.max(0, faces.findIndex((_, i) => familyName(data, i) === font.family));
    fontData = { file: font.file, data, face };
  }
  const chars = [...new Set(decodeEntities(text))].sort().join('');
  const key = createHash('sha256').update(font.file).update('\0').update(chars).digest('hex').slice(0, 24);
  const cached = subsets.get(key);
  if (cached && existsSync(cached)) return cached;
  const subset = subsetFont(fontData.data, chars, fontData.face);
  if (!subset) return font.file;
  if (!subsetDir) {
    subsetDir = ownTempDir('tijian-fonts');
    const dir = subsetDir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  const path = join(subsetDir, `${key}.ttf`);
  writeFileSync(path, subset);
  subsets.set(key, path);
  return path;
}

/** An SVG rendered to PNG at `pixelWidth` pixels wide, with the CJK font (or the given font file). */
export async function svgToPng(svg: string, pixelWidth: number, fontFile?: string): Promise<Buffer> {
  const font = cjkFont();
  const img = await renderAsync(svg, {
    fitTo: { mode: 'width', value: Math.round(pixelWidth) },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: [fontFile ?? fontFileFor(svg)], defaultFontFamily: font.family, sansSerifFamily: font.family, serifFamily: font.family },
    shapeRendering: 2,
    textRendering: 1,
  });
  return img.asPng();
}

export interface RenderedChart {
  svg: string;
  png?: Buffer;
}

/** Renders several charts, the PNGs concurrently (resvg works on the libuv thread pool). */
export async function renderCharts(
  charts: ReadonlyArray<{ option: EChartsOption; width: number; height: number }>,
  opts: { png: boolean; scale?: number },
): Promise<RenderedChart[]> {
  const svgs = charts.map((c) => renderSvg(c.option, c.width, c.height));
  if (!opts.png) return svgs.map((svg) => ({ svg }));
  const scale = opts.scale ?? 2;
  // One font subset for the whole batch.
  const fontFile = fontFileFor(svgs.join(''));
  const pngs = await Promise.all(svgs.map((svg, i) => svgToPng(svg, charts[i]!.width * scale, fontFile)));
  return svgs.map((svg, i) => ({ svg, png: pngs[i]! }));
}
