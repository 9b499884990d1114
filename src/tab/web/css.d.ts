/** esbuild bundles CSS imported from the entry files into dist/web/tab/<entry>.css. */
declare module '*.css';
