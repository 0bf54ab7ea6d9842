// echarts' single-file ES build (./ssr.ts loads it): the same API as the package's main entry.
declare module 'echarts/dist/echarts.esm' {
  export * from 'echarts';
}
