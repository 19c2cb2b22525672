import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { parseFlowDocument } from '../flow/flow-document';
import { documentSymbols } from './symbols';

/** name [detail] {children} as a compact tree. */
function tree(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => {
    const label = s.detail ? `${s.name} [${s.detail}]` : s.name;
    return s.children?.length ? { [label]: tree(s.children) } : label;
  });
}

const FLOW = `id: http_post_request_example
namespace: example
inputs:
  - id: payload
    type: JSON
    defaults: |
      { "title": "Kestra Pen" }
variables:
  base: https://dummyjson.com
tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: "{{ vars.base }}/products/add"
    method: POST
  - id: route
    type: io.kestra.plugin.core.flow.Switch
    value: "{{ outputs.send_data.code }}"
    cases:
      "200":
        - id: ok
          type: io.kestra.plugin.core.log.Log
          message: fine
      "404":
        - id: missing
          type: io.kestra.plugin.core.log.Log
          message: gone
    defaults:
      - id: other
        type: io.kestra.plugin.core.log.Log
        message: other
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: [1, 2]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
errors:
  - id: alert
    type: io.kestra.plugin.core.log.Log
    message: failed
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
outputs:
  - id: status
    type: INT
    value: "{{ outputs.send_data.code }}"
`;

describe('documentSymbols', () => {
  it('outlines the flow with inputs, variables, nested tasks, case groups, triggers and outputs', () => {
    const symbols = documentSymbols(parseFlowDocument(FLOW));
    assert.deepEqual(tree(symbols), [
      {
        'http_post_request_example [example]': [
          { inputs: ['payload [JSON]'] },
          { variables: ['base'] },
          {
            tasks: [
              'send_data [Request]',
              {
                'route [Switch]': [
                  { '200 [case]': ['ok [Log]'] },
                  { '404 [case]': ['missing [Log]'] },
                  { defaults: ['other [Log]'] },
                ],
              },
              { 'each [ForEach]': ['inner [Return]'] },
            ],
          },
          { errors: ['alert [Log]'] },
          { triggers: ['daily [Schedule]'] },
          { outputs: ['status [INT]'] },
        ],
      },
    ]);
  });

  it('gives exact ranges: the whole task as range, its id as selection', () => {
    const [flow] = documentSymbols(parseFlowDocument(FLOW));
    assert.equal(flow.kind, SymbolKind.Module);
    assert.deepEqual(flow.selectionRange, {
      start: { line: 0, character: 4 },
      end: { line: 0, character: 29 },
    });
    const tasks = flow.children!.find((c) => c.name === 'tasks')!;
    assert.deepEqual(tasks.selectionRange, {
      start: { line: 9, character: 0 },
      end: { line: 9, character: 5 },
    });
    const sendData = tasks.children![0];
    assert.equal(sendData.kind, SymbolKind.Function);
    assert.deepEqual(sendData.range, { start: { line: 10, character: 4 }, end: { line: 13, character: 16 } });
    assert.deepEqual(sendData.selectionRange, {
      start: { line: 10, character: 8 },
      end: { line: 10, character: 17 },
    });
  });

  it('returns nothing for YAML that is not a flow', () => {
    assert.deepEqual(documentSymbols(parseFlowDocument('name: build\non: push\n')), []);
  });
});
