// "Did you mean…" candidates computed here when a diagnostic carries none in `data`.
import type { Catalog, PluginKind } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { closestName, editDistance } from '../../flow/schema-validation-suggest';
import { propertiesOf, shapeAt } from '../shapes';
import { textPosition } from '../yaml-path';

const MAX_TYPES = 3;
/** Edits allowed on a whole type name (packages are long; typos are few). */
const FULL_NAME_LIMIT = 3;

/** The property name closest to the unknown key at `offset`, among those its mapping accepts and lacks. */
export function propertySuggestion(doc: FlowDocument, catalog: Catalog, offset: number): string | undefined {
  const at = textPosition(doc.text, offset);
  if (at?.kind !== 'key' || !at.entry) return undefined;
  const shape = shapeAt(catalog, at.outline.root, at.path);
  const present = new Set(at.map?.entries.map((e) => e.key));
  const names = propertiesOf(catalog, shape)
    .map((p) => p.name)
    .filter((name) => !present.has(name));
  return closestName(at.entry.key, names);
}

/**
 * Canonical types close to `written`: by the whole name (typos, old packages through their aliases)
 * or by the class name alone (`Log` written without its package).
 */
export function typeSuggestions(catalog: Catalog, written: string, kinds: PluginKind[]): string[] {
  const shortWritten = written.slice(written.lastIndexOf('.') + 1);
  const shortLimit = Math.max(1, Math.min(3, Math.floor(shortWritten.length / 3)));
  const scored: { type: string; distance: number }[] = [];
  for (const kind of kinds) {
    for (const spec of catalog.plugins(kind)) {
      let distance = Infinity;
      for (const name of [spec.type, ...spec.aliases]) {
        const full = editDistance(written, name);
        if (full <= FULL_NAME_LIMIT) distance = Math.min(distance, full);
        // A right class name in another package ranks after a near miss of the whole name.
        const short = editDistance(shortWritten, name.slice(name.lastIndexOf('.') + 1));
        if (short <= shortLimit) distance = Math.min(distance, short + 1);
      }
      if (distance < Infinity) scored.push({ type: spec.type, distance });
    }
  }
  return scored
    .sort((a, b) => a.distance - b.distance || a.type.localeCompare(b.type))
    .slice(0, MAX_TYPES)
    .map((s) => s.type);
}

/** For an unknown name in an expression: the declared names of the same kind, by what precedes it. */
export function referenceSuggestion(doc: FlowDocument, start: number, end: number): string | undefined {
  const name = doc.text.slice(start, end);
  const before = doc.text.slice(Math.max(0, start - 20), start);
  const model = doc.model;
  if (!model) return undefined;
  let candidates: string[] = [];
  if (/(outputs|tasks)\s*(\.|\[\s*['"])$/.test(before)) {
    candidates = model.allTasks.flatMap((t) => (t.id ? [t.id.value] : []));
  } else if (/inputs\s*(\.|\[\s*['"])$/.test(before)) {
    candidates = model.inputs.flatMap((i) => (i.id ? [i.id.value] : []));
  } else if (/vars\s*(\.|\[\s*['"])$/.test(before)) {
    candidates = model.variables.map((v) => v.key.value);
  } else {
    candidates = [
      ...model.allTasks.flatMap((t) => (t.id ? [t.id.value] : [])),
      ...model.inputs.flatMap((i) => (i.id ? [i.id.value] : [])),
    ];
  }
  return closestName(
    name,
    candidates.filter((c) => c !== name),
  );
}
