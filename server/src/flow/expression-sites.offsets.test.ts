import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlowDocument } from './flow-document';

/** For each site, the document text at the offsets of the first `{{ … }}` of its value. */
function firstExpressionTexts(text: string): string[] {
  const doc = parseFlowDocument(text);
  return doc.expressions.map((site) => {
    const start = site.value.indexOf('{{');
    const end = site.value.indexOf('}}', start) + 2;
    return text.slice(site.offsets[start], site.offsets[end]);
  });
}

const HEAD = 'id: a\nnamespace: b\ntasks:\n  - id: t\n    type: x.Log\n';

describe('expression sites', () => {
  it('maps plain, single-quoted and double-quoted scalars back to the text', () => {
    const text = `${HEAD}    a: plain {{ inputs.a }}\n    b: 'it''s {{ inputs.b }}'\n    c: "esc\\"aped \\u00e9 {{ inputs.c }}"\n`;
    assert.deepEqual(firstExpressionTexts(text), ['{{ inputs.a }}', '{{ inputs.b }}', '{{ inputs.c }}']);
  });

  it('maps literal and folded block scalars, including later lines', () => {
    const text = `${HEAD}    a: |\n      line one\n        {{ outputs.t.body }}\n    b: >-\n      folded\n      more {{ vars.x }}\n`;
    assert.deepEqual(firstExpressionTexts(text), ['{{ outputs.t.body }}', '{{ vars.x }}']);
  });

  it('records the property path, the owning task and whether the string is a key', () => {
    const doc = parseFlowDocument(
      `${HEAD}    values:\n      "{{ inputs.k }}": v\n      other: "{% if true %}x{% endif %}"\n`,
    );
    assert.deepEqual(
      doc.expressions.map((s) => [s.path, s.isKey, s.task?.id?.value]),
      [
        [['tasks', 0, 'values'], true, 't'],
        [['tasks', 0, 'values', 'other'], false, 't'],
      ],
    );
  });
});
