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
 * (Windows, macOS, Linux) when it is not installed.
 */
export const FONTS = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '小标宋', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC', 'Source Han Serif SC', '宋体', 'SimSun'],
  body: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  hei: ['黑体', 'SimHei', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'sans-serif'],
  kai: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  song: ['宋体', 'SimSun', 'STSong', 'Songti SC', 'Noto Serif CJK SC', 'serif'],
  latin: 'Times New Roman',
} as const;

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
