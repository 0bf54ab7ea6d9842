// The app's errors for the machine's ordinary conditions are words, not 内部错误 (probe 12, F5).
import { expect, it } from 'vitest';
import { toErrorInfo } from './service.js';

it('a full disk is told as such, naming the folder; a bug is still an internal error', () => {
  const full = toErrorInfo(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: '/home/u/导出/x.csv' }));
  expect(full.code).toBe('DISK_FULL');
  expect(full.zh).toBe('无法写入“/home/u/导出/x.csv”：文件夹“/home/u/导出”所在的磁盘已满（或已超出配额）。请清理该磁盘的空间，或另选一个文件夹后重试。');
  expect(toErrorInfo(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL', zh: '内部错误：x is undefined', en: 'Internal error: x is undefined' });
});
