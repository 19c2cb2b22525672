// Hover on the YAML structure: a property key (its type, default, whether it is rendered), a plugin
// type after `type:`, an input type.
import type { Catalog, PluginProperty } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { propertiesOf, shapeAt, type Shape } from '../shapes';
import { textPosition } from '../yaml-path';
import { unquote } from '../yaml-path';
import { inputTypeMarkdown, pluginMarkdown, propertyMarkdown } from './markdown';

export interface StructureHover {
  markdown: string;
  start: number;
  end: number;
}

export function structureHover(
  doc: FlowDocument,
  catalog: Catalog,
  offset: number,
): StructureHover | undefined {
  const at = textPosition(doc.text, offset);
  if (!at) return undefined;
  const root = at.outline.root;
  const hover = (markdown: string | undefined): StructureHover | undefined =>
    markdown ? { markdown, start: at.tokenStart, end: at.tokenEnd } : undefined;
  if (at.kind === 'key' && at.entry) {
    const shape = shapeAt(catalog, root, at.path);
    const property = propertiesOf(catalog, shape).find((p) => p.name === at.entry!.key);
    return hover(property && propertyMarkdown(property, ownerName(shape)));
  }
  if (at.kind === 'value' && at.entry?.key === 'type' && at.entry.value) {
    const parent = shapeAt(catalog, root, at.path.slice(0, -1));
    const written = unquote(at.entry.value.text);
    if (parent.kind === 'plugin' || parent.kind === 'pluginDefault') {
      const resolved = catalog.resolve(written);
      const common = new Set<PluginProperty>([
        ...catalog.commonTaskProperties,
        ...catalog.commonTriggerProperties,
      ]);
      return hover(resolved && pluginMarkdown(resolved.spec, common, written));
    }
    if (parent.kind === 'input') {
      const input = catalog.inputTypes.find((t) => t.type === written);
      return hover(input && inputTypeMarkdown(input));
    }
  }
  return undefined;
}

function ownerName(shape: Shape): string | undefined {
  if (shape.kind === 'plugin') return shape.spec?.type;
  if (shape.kind === 'input') return shape.typeName ? `${shape.typeName} input` : 'input';
  if (shape.kind === 'union') return shape.member ? `${shape.member.value} ${shape.union}` : shape.union;
  return undefined;
}
