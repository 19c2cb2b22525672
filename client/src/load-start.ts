// Imported first by extension.ts: esbuild keeps import order, so this top level runs before any other
// module of dist/extension.js is evaluated. Its mark is when the bundle began to run (the extension
// bench splits VS Code's activation time into loading the bundle and calling activate()).
export const bundleStart = performance.now();
