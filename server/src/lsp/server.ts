// LSP wiring: capabilities, the document store and debounced diagnostics for flow documents only.
import {
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlowDiagnostic, Severity } from '../flow/diagnostic';
import { parseFlowDocument } from '../flow/flow-document';

const DEBOUNCE_MS = 150;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: FlowDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'kestra',
    message: diagnostic.message,
    data: diagnostic.data,
  };
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, NodeJS.Timeout>();

  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'kestra-flow-language-server' },
  }));

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const flow = parseFlowDocument(document.getText());
      // Other YAML (workflows, manifests) gets nothing at all, not even an empty publish.
      if (!flow.isFlow) return;
      void connection.sendDiagnostics({
        uri,
        version: document.version,
        diagnostics: flow.diagnostics.map(toLspDiagnostic),
      });
    } catch (error) {
      // A broken document must never take the server down.
      connection.console.error(
        `Validation of ${uri} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri);
      }, DEBOUNCE_MS),
    );
  }

  documents.onDidOpen((event) => validate(event.document.uri));
  documents.onDidChangeContent((event) => schedule(event.document.uri));
  documents.onDidClose((event) => {
    clearTimeout(timers.get(event.document.uri));
    timers.delete(event.document.uri);
  });
  documents.listen(connection);
  connection.listen();
}
