// Wires the pure authoring features of ../language to LSP requests. Each request reads the flow
// of the document's current version (parsed once per version and cached), falling back to the last
// good model for features that need a clean tree. A failing feature answers "nothing", never an error.
import { ResponseError, ErrorCodes, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../flow/catalog-types';
import { parseFlowDocument, type FlowDocument } from '../flow/flow-document';
import {
  codeActions,
  completeAt,
  definitionAt,
  documentSymbols,
  hoverAt,
  prepareRename,
  referencesAt,
  renameAt,
} from '../language';
import type { FlowDocumentStore } from './document-store';

/** Characters after which the client should ask for completion on its own. */
export const COMPLETION_TRIGGERS = ['.', '|', '{', ' ', ':', '-'];

interface Parsed {
  version: number;
  flow: FlowDocument;
}

export class FlowCache {
  private readonly parsed = new Map<string, Parsed>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly store: FlowDocumentStore,
  ) {}

  /** The flow of the document's current text (possibly broken YAML). */
  current(uri: string): FlowDocument | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const stored = this.store.get(uri);
    if (stored && stored.version === document.version) {
      // Validated: the store holds this version (or released its parse: parse again, give it back).
      this.parsed.delete(uri);
      const kept = this.store.flowAt(uri, document.version);
      if (kept) return kept;
      const again = parseFlowDocument(document.getText());
      this.store.restore(uri, document.version, again);
      return again;
    }
    const cached = this.parsed.get(uri);
    if (cached && cached.version === document.version) return cached.flow;
    // An earlier version's parse lets an edit inside one task re-parse that task only.
    const flow = parseFlowDocument(document.getText(), cached?.flow ?? stored?.flow);
    this.parsed.set(uri, { version: document.version, flow });
    return flow;
  }

  /**
   * Hands over (and forgets) the flow parsed here for exactly this version, if any: validation then
   * need not parse it again, and the store keeps it from now on.
   */
  take(uri: string, version: number): FlowDocument | undefined {
    const cached = this.parsed.get(uri);
    this.parsed.delete(uri);
    return cached?.version === version ? cached.flow : undefined;
  }

  /** The current flow when it has a model, else the last one that parsed cleanly. */
  best(uri: string): FlowDocument | undefined {
    const flow = this.current(uri);
    if (flow?.model) return flow;
    return this.store.bestFlow(uri) ?? flow;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }
}

export function registerFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  store: FlowDocumentStore,
  catalog: () => Catalog,
): FlowCache {
  const cache = new FlowCache(documents, store);
  documents.onDidClose((event) => cache.forget(event.document.uri));

  function guard<T>(name: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(
        `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return fallback;
    }
  }

  connection.onCompletion((params) =>
    guard('Completion', null, () => {
      const flow = cache.current(params.textDocument.uri);
      return flow?.isFlow ? completeAt(flow, catalog(), params.position) : null;
    }),
  );
  connection.onHover((params) =>
    guard('Hover', null, () => {
      const flow = cache.best(params.textDocument.uri);
      return flow?.isFlow ? hoverAt(flow, catalog(), params.position) : null;
    }),
  );
  connection.onDocumentSymbol((params) =>
    guard('Document symbols', null, () => {
      const flow = cache.best(params.textDocument.uri);
      return flow?.isFlow ? documentSymbols(flow) : null;
    }),
  );
  connection.onDefinition((params) =>
    guard('Definition', null, () => {
      const flow = cache.current(params.textDocument.uri);
      return flow?.model ? definitionAt(flow, params.textDocument.uri, params.position) : null;
    }),
  );
  connection.onReferences((params) =>
    guard('References', null, () => {
      const flow = cache.current(params.textDocument.uri);
      return flow?.model
        ? referencesAt(flow, params.textDocument.uri, params.position, params.context.includeDeclaration)
        : null;
    }),
  );
  connection.onPrepareRename((params) =>
    guard('Prepare rename', null, () => {
      const flow = cache.current(params.textDocument.uri);
      if (!flow?.model) return null;
      const result = prepareRename(flow, params.position);
      if ('message' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
      return result;
    }),
  );
  connection.onRenameRequest((params) => {
    const flow = cache.current(params.textDocument.uri);
    if (!flow?.model) return null;
    // Rename errors (bad id, collision) are answers for the user, not failures: pass them on.
    const result = renameAt(flow, params.textDocument.uri, params.position, params.newName);
    if ('message' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.message);
    return result.edit;
  });
  connection.onCodeAction((params) =>
    guard('Code actions', null, () => {
      const flow = cache.current(params.textDocument.uri);
      return flow?.isFlow
        ? codeActions(flow, catalog(), params.textDocument.uri, params.range, params.context.diagnostics)
        : null;
    }),
  );
  return cache;
}
