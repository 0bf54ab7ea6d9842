// A Vite plugin for bundles that run from the checkout (out/cli, out/main): in the pure core
// (analytics/, samples/) a source's own location — import.meta.url/dirname/filename, which it uses
// to find the YAML files next to it (the index system, the review rules) and the sample folder —
// keeps naming the source file, not the bundle. (electron/ keeps the bundle's own location: it
// finds the renderer, preload and worker next to it.) Each use is marked while transforming the module, and the mark becomes a path
// relative to the output chunk once its folder is known.
import { dirname, join, relative } from 'node:path';
import type { Plugin } from 'vite';

const MARK = /__tijianSrc\("(url|dirname|filename)", "([^"]*)"\)/g;

export function sourcePaths(repo: string, dirs: readonly string[] = ['analytics/', 'samples/']): Plugin {
  return {
    name: 'tijian-source-paths',
    transform(code, id) {
      if (id.includes('/node_modules/') || !id.startsWith(repo) || !code.includes('import.meta.')) return null;
      const src = relative(repo, id).split('\\').join('/');
      if (!dirs.some((d) => src.startsWith(d))) return null;
      const out = code
        .replaceAll('import.meta.url', `__tijianSrc("url", "${src}")`)
        .replaceAll('import.meta.dirname', `__tijianSrc("dirname", "${src}")`)
        .replaceAll('import.meta.filename', `__tijianSrc("filename", "${src}")`);
      return out === code ? null : { code: out, map: null };
    },
    renderChunk(code, chunk, options) {
      if (!code.includes('__tijianSrc(')) return null;
      const chunkDir = dirname(join(options.dir ?? '', chunk.fileName));
      const rel = (p: string) => JSON.stringify(relative(chunkDir, join(repo, p)).split('\\').join('/'));
      const out = code.replace(MARK, (_, what: string, src: string) =>
        what === 'url' ? `new URL(${rel(src)}, import.meta.url).href` : `__tijianJoin(import.meta.dirname, ${rel(what === 'dirname' ? dirname(src) : src)})`,
      );
      return { code: `import { join as __tijianJoin } from 'node:path';\n${out}`, map: null };
    },
  };
}
