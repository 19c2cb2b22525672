import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlowDocument } from '../../../server/src/flow/flow-document';
import { printAt } from './expression-at';

const text = `id: hover
namespace: example
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "code {{ outputs.send_data.code }} and \\"{{ inputs.name }}\\""
  - id: plain
    type: io.kestra.plugin.core.log.Log
    message: no expression here
`;

describe('printAt', () => {
  const flow = parseFlowDocument(text);
  const at = (needle: string, delta = 0) => text.indexOf(needle) + delta;

  it('finds the {{ }} under the offset with its document range', () => {
    const first = printAt(flow, at('send_data'));
    assert.deepEqual(first, {
      source: '{{ outputs.send_data.code }}',
      start: at('{{ outputs'),
      end: at('{{ outputs') + '{{ outputs.send_data.code }}'.length,
    });
    // After an escaped quote the value and document offsets differ: still the right range.
    const second = printAt(flow, at('inputs.name'));
    assert.equal(second?.source, '{{ inputs.name }}');
    assert.equal(text.slice(second?.start, second?.end), '{{ inputs.name }}');
    assert.equal(printAt(flow, at('{{ inputs'))?.source, '{{ inputs.name }}');
  });

  it('finds nothing outside expressions', () => {
    assert.equal(printAt(flow, at('code {{')), undefined);
    assert.equal(printAt(flow, at('no expression')), undefined);
    assert.equal(printAt(flow, at('namespace')), undefined);
  });
});
