// Language server entry point: `node dist/server.js --stdio` or `--node-ipc` (chosen from argv).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { limitHeapGrowth } from './heap';
import { startServer } from './server';

limitHeapGrowth();

const connection = createConnection(ProposedFeatures.all);
// Whatever goes wrong in one request must not end the session: log it and keep serving.
process.on('uncaughtException', (error) => {
  connection.console.error(
    `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
});
startServer(connection);
