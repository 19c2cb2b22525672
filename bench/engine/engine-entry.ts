// What the engine sections of the bench use, bundled by `npm run build` into dist/bench/engine.js
// with the settings of the shipped bundles (bundled-engine.ts says why).
export { runFlow } from '../../server/src/engine/engine';
export { loadFlow } from '../../server/src/engine/flow/load-flow';
export { ndjsonPrinter } from '../../server/src/cli/commands/run-output';
