// The application's commands: one list for the Electron menu (labels, accelerators) and the
// renderer (keyboard shortcuts, hints). Pure data, no Electron import.
import type { Lang, MenuAction } from './contract.js';

export interface CommandSpec {
  action: MenuAction;
  zh: string;
  en: string;
  /** Electron accelerator in the desktop app. */
  accelerator?: string;
  /** The same shortcut in a browser, where Ctrl+N/O/1… belong to the browser itself. */
  browserKeys?: string;
}

export const COMMANDS: Record<MenuAction, CommandSpec> = {
  'workspace.new': { action: 'workspace.new', zh: '新建工作区…', en: 'New workspace…', accelerator: 'CmdOrCtrl+N', browserKeys: 'Alt+N' },
  'workspace.open': { action: 'workspace.open', zh: '打开工作区…', en: 'Open workspace…', accelerator: 'CmdOrCtrl+O', browserKeys: 'Alt+O' },
  'workspace.sample': { action: 'workspace.sample', zh: '打开示例', en: 'Open the sample' },
  'workspace.close': { action: 'workspace.close', zh: '关闭工作区', en: 'Close workspace', accelerator: 'CmdOrCtrl+Shift+W' },
  'import.files': { action: 'import.files', zh: '导入数据文件…', en: 'Import data files…', accelerator: 'CmdOrCtrl+I', browserKeys: 'Alt+I' },
  'nav.workspace': { action: 'nav.workspace', zh: '工作区', en: 'Workspace', accelerator: 'CmdOrCtrl+1', browserKeys: 'Alt+1' },
  'nav.import': { action: 'nav.import', zh: '数据导入', en: 'Import', accelerator: 'CmdOrCtrl+2', browserKeys: 'Alt+2' },
  'nav.overview': { action: 'nav.overview', zh: '数据概览', en: 'Data overview', accelerator: 'CmdOrCtrl+3', browserKeys: 'Alt+3' },
  'nav.index': { action: 'nav.index', zh: '指标体系', en: 'Index system', accelerator: 'CmdOrCtrl+4', browserKeys: 'Alt+4' },
  'nav.results': { action: 'nav.results', zh: '评估结果', en: 'Results', accelerator: 'CmdOrCtrl+5', browserKeys: 'Alt+5' },
  'nav.details': { action: 'nav.details', zh: '明细', en: 'Records', accelerator: 'CmdOrCtrl+6', browserKeys: 'Alt+6' },
  'nav.review': { action: 'nav.review', zh: '问题线索', en: 'Red flags', accelerator: 'CmdOrCtrl+7', browserKeys: 'Alt+7' },
  'nav.report': { action: 'nav.report', zh: '报告', en: 'Reports', accelerator: 'CmdOrCtrl+8', browserKeys: 'Alt+8' },
  'nav.rectify': { action: 'nav.rectify', zh: '整改', en: 'Rectification', accelerator: 'CmdOrCtrl+9', browserKeys: 'Alt+9' },
  'view.theme': { action: 'view.theme', zh: '切换浅色/深色主题', en: 'Toggle light/dark theme', accelerator: 'CmdOrCtrl+Shift+T', browserKeys: 'Alt+T' },
  'lang.zh-CN': { action: 'lang.zh-CN', zh: '中文', en: '中文' },
  'lang.en': { action: 'lang.en', zh: 'English', en: 'English' },
  'job.cancel': { action: 'job.cancel', zh: '取消正在进行的任务', en: 'Cancel the running task', browserKeys: 'Escape' },
  'help.about': { action: 'help.about', zh: '关于执法体检工作台', en: 'About Tijian' },
};

export interface MenuSection {
  zh: string;
  en: string;
  items: Array<MenuAction | 'separator' | 'recent' | 'quit' | 'devtools' | 'lang'>;
}

export const MENU: MenuSection[] = [
  { zh: '文件', en: 'File', items: ['workspace.new', 'workspace.open', 'recent', 'workspace.sample', 'separator', 'import.files', 'separator', 'workspace.close', 'quit'] },
  { zh: '视图', en: 'View', items: ['nav.workspace', 'nav.import', 'nav.overview', 'separator', 'nav.index', 'nav.results', 'nav.details', 'nav.review', 'nav.report', 'nav.rectify', 'separator', 'view.theme', 'lang', 'separator', 'job.cancel', 'devtools'] },
  { zh: '帮助', en: 'Help', items: ['help.about'] },
];

export function label(spec: { zh: string; en: string }, lang: Lang): string {
  return lang === 'en' ? spec.en : spec.zh;
}

/** How a shortcut is written for a user: Ctrl+N, or ⌘N on a Mac. */
export function shortcutText(cmd: CommandSpec, desktop: boolean, mac: boolean): string | null {
  const k = desktop ? cmd.accelerator : cmd.browserKeys;
  if (!k) return null;
  if (!desktop) return k === 'Escape' ? 'Esc' : k;
  return mac ? k.replace('CmdOrCtrl+', '⌘').replace('Shift+', '⇧') : k.replace('CmdOrCtrl', 'Ctrl');
}
