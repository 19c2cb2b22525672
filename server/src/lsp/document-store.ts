// The flow documents the server knows: the latest diagnostics of each, its parse, and the last model
// that parsed cleanly, kept while the text is broken so that completion and navigation still work.
// Parses take some 25 times the text in memory: only the most recently used documents keep theirs;
// the others are parsed again when a feature asks (the same text parses to the same model).
import type { Catalog } from '../flow/catalog-types';
import type { FlowDiagnostic } from '../flow/diagnostic';
import { parseFlowDocument, type FlowDocument } from '../flow/flow-document';
import { validateParsedFlow } from '../language/validate';

/** How many documents keep their parse (the ones being edited or looked at). */
export const KEPT_PARSES = 5;

export interface StoredDocument {
  uri: string;
  version: number;
  /** False for YAML that is not a flow. */
  isFlow: boolean;
  /** Sorted by position. */
  diagnostics: FlowDiagnostic[];
  /** This version's parse; undefined once released (see flowAt). */
  flow?: FlowDocument;
  /** The latest version whose YAML parsed without syntax errors and gave a flow model. */
  lastGood?: { version: number; flow: FlowDocument };
}

function isClean(flow: FlowDocument): boolean {
  // Syntax errors are all in syntaxDiagnostics (reading `diagnostics` would look for more).
  return (
    flow.isFlow && flow.model !== undefined && !flow.syntaxDiagnostics.some((d) => d.code === 'yaml-syntax')
  );
}

export class FlowDocumentStore {
  private readonly entries = new Map<string, StoredDocument>();
  /** URIs whose entry holds a parse, least recently used first. */
  private readonly parsed = new Set<string>();

  constructor(private readonly keep = KEPT_PARSES) {}

  /**
   * Validates `text` and records the result; keeps the previous good model if this one is broken.
   * `parsed` is this very text already parsed (by a feature asked before validation ran).
   */
  update(
    uri: string,
    version: number,
    text: string,
    catalog: Catalog,
    parsed?: FlowDocument,
  ): StoredDocument {
    const previous = this.entries.get(uri);
    // The previous version's parse lets an edit inside one task re-parse that task only.
    const validation = validateParsedFlow(
      parsed?.text === text ? parsed : parseFlowDocument(text, previous?.flow),
      catalog,
    );
    const flow = validation.flow;
    const entry: StoredDocument = {
      uri,
      version,
      isFlow: flow.isFlow,
      diagnostics: validation.diagnostics,
      flow,
      lastGood: isClean(flow) ? { version, flow } : previous?.lastGood,
    };
    this.entries.set(uri, entry);
    this.used(uri);
    return entry;
  }

  get(uri: string): StoredDocument | undefined {
    return this.entries.get(uri);
  }

  /** The parse of `version` if the store still holds it (and the document counts as used). */
  flowAt(uri: string, version: number): FlowDocument | undefined {
    const entry = this.entries.get(uri);
    if (entry?.version !== version || !entry.flow) return undefined;
    this.used(uri);
    return entry.flow;
  }

  /** Gives back the parse of a released version (parsed again for a feature). */
  restore(uri: string, version: number, flow: FlowDocument): void {
    const entry = this.entries.get(uri);
    if (entry?.version !== version || entry.flow) return;
    entry.flow = flow;
    if (isClean(flow)) entry.lastGood = { version, flow };
    this.used(uri);
  }

  /** The flow to use for features: the current one when it parsed, else the last good one. */
  bestFlow(uri: string): FlowDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    return entry.flow?.model ? entry.flow : entry.lastGood?.flow;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.parsed.delete(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** Marks `uri` most recently used; releases the parse of the least recently used beyond `keep`. */
  private used(uri: string): void {
    this.parsed.delete(uri);
    this.parsed.add(uri);
    for (const oldest of this.parsed) {
      if (this.parsed.size <= this.keep) break;
      this.parsed.delete(oldest);
      const entry = this.entries.get(oldest);
      // A broken version keeps its last good model: that text cannot be parsed again.
      if (entry?.flow && entry.lastGood?.flow === entry.flow) {
        entry.flow = undefined;
        entry.lastGood = undefined;
      }
    }
  }
}
