// The flow documents the server knows: the latest validation of each, and the last model that
// parsed cleanly, kept while the text is broken so that completion and navigation still work.
import type { Catalog } from '../flow/catalog-types';
import { parseFlowDocument, type FlowDocument } from '../flow/flow-document';
import { validateParsedFlow, type FlowValidation } from '../language/validate';

export interface StoredDocument {
  uri: string;
  version: number;
  validation: FlowValidation;
  /** The latest version whose YAML parsed without syntax errors and gave a flow model. */
  lastGood?: { version: number; flow: FlowDocument };
}

export class FlowDocumentStore {
  private readonly entries = new Map<string, StoredDocument>();

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
      parsed?.text === text ? parsed : parseFlowDocument(text, previous?.validation.flow),
      catalog,
    );
    const flow = validation.flow;
    const clean =
      flow.isFlow && flow.model !== undefined && !flow.diagnostics.some((d) => d.code === 'yaml-syntax');
    const entry: StoredDocument = {
      uri,
      version,
      validation,
      lastGood: clean ? { version, flow } : previous?.lastGood,
    };
    this.entries.set(uri, entry);
    return entry;
  }

  get(uri: string): StoredDocument | undefined {
    return this.entries.get(uri);
  }

  /** The flow to use for features: the current one when it parsed, else the last good one. */
  bestFlow(uri: string): FlowDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    return entry.validation.flow.model ? entry.validation.flow : entry.lastGood?.flow;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }
}
