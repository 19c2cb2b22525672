// Entry of dist/run.js: Run Flow's code (the runner, the run panel and inputs form, the CLI process,
// the Pebble engine for the last-run hovers). scripts/build.mjs bundles it apart from
// dist/extension.js and run-loader.ts loads it on first use, so that activation does not pay for it.
export { FlowRunner } from './run/flow-runner';
export { LastRunHoverProvider } from './run/last-run-hover';
