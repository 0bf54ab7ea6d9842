// Vite configuration of the command line (`npm run build:cli`, run by `npm ci` through `prepare`
// and again by bin/tijian.mjs when a source is newer than the build): analytics/cli/main.ts bundled
// into out/cli/main.mjs for plain `node`, so a command does not pay for compiling TypeScript first.
// Each command and the reports' code are chunks of their own, loaded when used.
//
// What stays outside the bundle, loaded from node_modules when needed: DuckDB's bindings (a native
// .node binary), and the large libraries only some commands use (echarts, docx, exceljs, resvg,
// Chromium's driver), so a command such as `tables` never reads them. Everything else (zod, yaml,
// DuckDB's JavaScript API, …) is bundled: one file read instead of dozens of module resolutions.
import { builtinModules } from 'node:module';
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { sourcePaths } from './build/source-paths.js';

const REPO = import.meta.dirname;
export const CLI_OUT = resolve(REPO, process.env.TIJIAN_CLI_OUT ?? 'out/cli');

const EXTERNAL = [/^node:/, /^@duckdb\/node-bindings/, /^echarts(\/|$)/, /^docx$/, /^exceljs$/, /^@resvg\/resvg-js$/, /^playwright-core(\/|$)/];
const BUILTINS = new Set(builtinModules);

/** out/cli/inputs.json: the sources in the bundle, for bin/tijian.mjs to tell when it is stale. */
function inputsManifest(started: number): Plugin {
  return {
    name: 'tijian-cli-inputs',
    generateBundle(_, bundle) {
      const inputs = new Set<string>(['cli.config.ts', 'build/source-paths.ts', 'package.json']);
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) if (id.startsWith(REPO) && !id.includes('/node_modules/')) inputs.add(relative(REPO, id).split('\\').join('/'));
      }
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source: JSON.stringify({ built: started, inputs: [...inputs].sort() }, null, 1) });
    },
  };
}

export default defineConfig({
  root: REPO,
  logLevel: 'warn',
  publicDir: false,
  plugins: [sourcePaths(REPO), inputsManifest(Date.now())],
  // a Node program: bundle the dependencies too, except those named in EXTERNAL
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: resolve(REPO, 'analytics/cli/main.ts'),
    outDir: CLI_OUT,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      external: (id) => BUILTINS.has(id) || EXTERNAL.some((re) => re.test(id)),
      output: { format: 'esm', entryFileNames: 'main.mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
