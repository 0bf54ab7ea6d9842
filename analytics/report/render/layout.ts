// The government document layout (GB/T 9704-2012 in spirit) shared by the DOCX and the HTML/PDF
// renderers: A4, margins, type sizes, and the font names with their fallbacks.

/** Page margins in millimetres: 上37 下35 左28 右26 (text area 156 × 225 mm). */
export const PAGE_MM = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Chinese type sizes in points. */
export const PT = { 初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15, 四号: 14, 小四: 12, 五号: 10.5, 小五: 9 } as const;

/** Body line pitch: 22 lines in the 225 mm text area ≈ 28.95 pt. */
export const LINE_PT = 28.9;

/**
 * Font names as Word documents from government offices use them; each with the names to try after it
 * when it is not installed. The order is a choice, stated here: the Windows government fonts first
 * (仿宋_GB2312/仿宋, 黑体, 楷体 — TrueType), then the TrueType CJK fonts of Linux desktops (Debian/Ubuntu
 * fonts-arphic-uming for the Song/Ming body and title, fonts-arphic-ukai for 楷体, fonts-wqy-microhei
 * for 黑体), then the CFF-outline Noto/Source Han CJK fonts last: Chromium embeds CFF CJK fonts in a
 * PDF as Type 3 glyph programs, which print slowly and extract as the wrong characters (Kangxi
 * radicals ⻩⻰ for 黄龙); TrueType fonts are embedded as real CID fonts.
 */
export const FONTS = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '小标宋', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'AR PL UMing CN', 'Noto Serif CJK SC', 'Source Han Serif SC'],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'AR PL UMing CN', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  hei: ['黑体', 'SimHei', 'STHeiti', 'Heiti SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  song: ['宋体', 'SimSun', 'STSong', 'Songti SC', 'AR PL UMing CN', 'Noto Serif CJK SC', 'serif'],
  latin: 'Times New Roman',
} as const;

/** Latin faces for digits and ASCII next to the CJK fonts (Times New Roman, or a TrueType stand-in). */
export const LATIN_FONTS = ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'Tinos', 'DejaVu Serif'] as const;

/** The first name of each list is what DOCX runs name; Word falls back to the alt name. */
export const DOCX_FONT = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  hei: { name: '黑体', alt: 'SimHei' },
  kai: { name: '楷体_GB2312', alt: '楷体' },
  song: { name: '宋体', alt: 'SimSun' },
} as const;

export function mmToTwip(mm: number): number {
  return Math.round((mm / 25.4) * 1440);
}

/** Width in 全角 characters: CJK 1, ASCII ½. */
export function textWidthChars(s: string): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

/** Width in em of one character as the reports set it, on the wide side (Times New Roman or DejaVu
 *  Serif digits, CJK and full-width forms 1 em), for fitting table columns to the numbers in them. */
export function charEm(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x30 && c <= 0x39) return 0.64;
  if (ch === '.' || ch === ',' || ch === ':' || ch === ';') return 0.34;
  if (ch === '%') return 0.96;
  if (ch === '+' || ch === '\u2212' || ch === '-' || ch === '=' || ch === '<' || ch === '>') return 0.84;
  if (ch === '*' || ch === '/' || ch === '(' || ch === ')' || ch === ' ') return 0.5;
  if (c < 0x2e80 && c !== 0x2265 && c !== 0x2264 && c !== 0x2014 && c !== 0x2026) return 0.72;
  return 1;
}

export function textEm(s: string): number {
  let w = 0;
  for (const ch of s) w += charEm(ch);
  return w;
}
