// LSP wiring: capabilities, settings, the document store and debounced diagnostics for flow
// documents only (other YAML gets nothing at all). Features are pure functions in ../language.
import {
  CodeActionKind,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Catalog } from '../flow/catalog-types';
import type { FlowDiagnostic, Severity } from '../flow/diagnostic';
import { FlowDocumentStore } from './document-store';
import { COMPLETION_TRIGGERS, registerFeatures } from './features';
import {
  chooseCatalog,
  DEFAULT_SETTINGS,
  parseSettings,
  type CatalogChoice,
  type KestraFlowSettings,
} from './settings';

/** Sent after initialisation and whenever the schema in use changes: `SchemaStatus`. */
export const SCHEMA_STATUS_NOTIFICATION = 'kestraFlow/schemaStatus';

/** Wait after a change before validating, so that typing does not validate every keystroke. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 150;

/**
 * `initializationOptions.diagnosticsDelayMs` overrides the wait (0–2000 ms; benchmarks set 0 to
 * time the work alone). Anything else keeps the default.
 */
export function diagnosticsDelay(options: unknown): number {
  const value =
    typeof options === 'object' && options !== null
      ? (options as { diagnosticsDelayMs?: unknown }).diagnosticsDelayMs
      : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 2000
    ? value
    : DEFAULT_DIAGNOSTICS_DELAY_MS;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: FlowDiagnostic): Diagnostic {
  const result: Diagnostic = {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'kestra',
    message: diagnostic.message,
  };
  if (diagnostic.data) result.data = diagnostic.data;
  return result;
}

/** What later features (completion, hover…) use: open documents, their flows, the catalog. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  store: FlowDocumentStore;
  catalog(): Catalog;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function startServer(connection: Connection): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const store = new FlowDocumentStore();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Documents that currently have diagnostics on the client, to clear them when needed. */
  const published = new Set<string>();
  /** Version last validated per document: opening fires both open and change events. */
  const validated = new Map<string, number>();
  let settings: KestraFlowSettings | undefined;
  // Built on first use (validation, or the settings read once initialised), not before `initialize`.
  let choice: CatalogChoice | undefined;
  const catalog = (): Catalog => (choice ??= chooseCatalog(DEFAULT_SETTINGS, undefined)).catalog;
  let workspaceRoot: string | undefined;
  let pullsConfiguration = false;
  let registersConfiguration = false;
  let delayMs = DEFAULT_DIAGNOSTICS_DELAY_MS;
  // Completion, hover… parse a version not yet validated; validation then reuses that parse.
  const flows = registerFeatures(connection, documents, store, catalog);

  function publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function validate(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    validated.set(uri, document.version);
    try {
      const entry = store.update(
        uri,
        document.version,
        document.getText(),
        catalog(),
        flows.take(uri, document.version),
      );
      if (!entry.isFlow) {
        store.delete(uri);
        // Other YAML gets nothing, except clearing what we said while it was a flow.
        if (published.delete(uri)) publish(uri, document.version, []);
        return;
      }
      published.add(uri);
      publish(uri, document.version, entry.diagnostics.map(toLspDiagnostic));
    } catch (error) {
      // A broken document must never take the server down.
      connection.console.error(`Validation of ${uri} failed: ${errorText(error)}`);
    }
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri);
      }, delayMs),
    );
  }

  async function reloadSettings(pushed?: unknown): Promise<void> {
    let section: unknown = pushed;
    if (pullsConfiguration) {
      try {
        section = await connection.workspace.getConfiguration('kestraFlow');
      } catch (error) {
        connection.console.warn(`Could not read the kestraFlow settings: ${errorText(error)}`);
      }
    }
    const next = parseSettings(section);
    if (settings && next.schemaFile === settings.schemaFile) return;
    settings = next;
    choice = chooseCatalog(next, workspaceRoot);
    if (choice.error) void connection.window.showErrorMessage(choice.error);
    void connection.sendNotification(SCHEMA_STATUS_NOTIFICATION, choice.status);
    for (const document of documents.all()) validate(document.uri);
  }

  connection.onInitialize((params) => {
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    registersConfiguration =
      params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    workspaceRoot = folder ? URI.parse(folder).fsPath : undefined;
    delayMs = diagnosticsDelay(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'kestra-flow-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (registersConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kestraFlow' });
    }
    void reloadSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { kestraFlow?: unknown } | null)?.kestraFlow;
    void reloadSettings(pushed);
  });

  documents.onDidOpen((event) => validate(event.document.uri));
  documents.onDidChangeContent((event) => {
    if (validated.get(event.document.uri) !== event.document.version) schedule(event.document.uri);
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    validated.delete(uri);
    store.delete(uri);
    if (published.delete(uri)) publish(uri, undefined, []);
  });
  documents.listen(connection);
  connection.listen();
  return { connection, documents, store, catalog };
}
