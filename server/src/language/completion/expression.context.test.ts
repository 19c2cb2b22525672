import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursor } from '../test-support/cursor';
import { expressionContextAt } from './expression';

function context(source: string, marker = '¦') {
  const fixture = cursor(source, marker);
  const found = expressionContextAt(fixture.doc, fixture.offset);
  return (
    found && {
      delimiter: found.delimiter,
      before: found.template.slice(found.blockStart, found.index),
      mapsBack: found.offsets[found.index] === fixture.offset,
      fromYaml: !!found.site,
    }
  );
}

const HEAD = 'id: demo\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n';

describe('expressionContextAt', () => {
  it('finds an open print block in a quoted scalar, with the text typed since `{{`', () => {
    assert.deepEqual(context(`${HEAD}    message: "Hi {{ outputs.a¦ }}"\n`), {
      delimiter: 'print',
      before: ' outputs.a',
      mapsBack: true,
      fromYaml: true,
    });
  });

  it('is outside once the block is closed, and outside any block', () => {
    assert.equal(context(`${HEAD}    message: "{{ x }} and ¦"\n`), undefined);
    assert.equal(context(`${HEAD}    message: plain ¦text\n`), undefined);
  });

  it('tells tags and comments apart', () => {
    assert.equal(context(`${HEAD}    message: "{% if ¦ %}x{% endif %}"\n`)?.delimiter, 'tag');
    assert.equal(context(`${HEAD}    message: "{# note ¦ #}"\n`)?.delimiter, 'comment');
  });

  it('follows a block across the lines of a block scalar', () => {
    const found = context(`${HEAD}    message: |\n      {{ inputs\n        .na¦me }}\n`);
    assert.deepEqual(found, { delimiter: 'print', before: ' inputs\n  .na', mapsBack: true, fromYaml: true });
  });

  it('reads the raw line when YAML does not see a string (an unquoted `{{`)', () => {
    assert.deepEqual(context(`${HEAD}    message: {{ outputs.¦\n`), {
      delimiter: 'print',
      before: ' outputs.',
      mapsBack: true,
      fromYaml: false,
    });
  });
});
