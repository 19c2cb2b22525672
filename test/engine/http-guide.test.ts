// The four flows of Kestra's HTTP how-to guide, run with `kestra-flow run` against a loopback server
// that answers like dummyjson.com.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { PRODUCTS, useDummyServer } from './support/dummy-server';
import { ended, fixture, logMessages, runCli, tempWorkspace } from './support/run-cli';

describe('HTTP guide flows', () => {
  const server = useDummyServer();
  const workspace = tempWorkspace();
  after(() => workspace.cleanup());

  const run = (name: string, ...extra: string[]) =>
    runCli(
      [
        'run',
        workspace.write(name, fixture(`http-guide/${name}`, server.port)),
        '--format',
        'ndjson',
        ...extra,
      ],
      { cwd: workspace.dir },
    );

  it('GET: SUCCESS, code 200, the body as served and logged', async () => {
    const result = await run('get.yaml');
    assert.equal(result.code, 0, result.stderr);
    const end = ended(result.events);
    assert.equal(end.state, 'SUCCESS');
    const sendData = end.outputs.send_data as Record<string, unknown>;
    assert.equal(sendData.code, 200);
    assert.equal(sendData.body, JSON.stringify(PRODUCTS));
    assert.equal(sendData.uri, `${server.url}/products`);
    assert.deepEqual((sendData.headers as Record<string, string[]>)['content-type'], [
      'application/json; charset=utf-8',
    ]);
    assert.deepEqual(logMessages(result.events, 'print_status'), [JSON.stringify(PRODUCTS)]);
  });

  it('POST: sends the JSON default as the body and gets {"id":101, …}', async () => {
    const before = server.requests.length;
    const result = await run('post.yaml');
    assert.equal(result.code, 0, result.stderr);
    const request = server.requests[before];
    assert.equal(request.method, 'POST');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.body, '{"title":"Kestra Pen"}');
    const end = ended(result.events);
    assert.equal(end.state, 'SUCCESS');
    const sendData = end.outputs.send_data as Record<string, unknown>;
    assert.equal(sendData.code, 201);
    assert.equal(sendData.body, '{"id":101,"title":"Kestra Pen"}');
    assert.deepEqual(JSON.parse(String(sendData.body)), { id: 101, title: 'Kestra Pen' });
    assert.deepEqual(logMessages(result.events, 'print_status'), ['{"id":101,"title":"Kestra Pen"}']);
  });

  it('POST: --input payload=@file reads the JSON from a file', async () => {
    const before = server.requests.length;
    workspace.write('payload.json', '{"title": "From file"}');
    const result = await run('post.yaml', '--input', 'payload=@payload.json');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(server.requests[before].body, '{"title":"From file"}');
  });

  it('PUT: updates the title', async () => {
    const result = await run('put.yaml');
    assert.equal(result.code, 0, result.stderr);
    const body = (ended(result.events).outputs.send_data as Record<string, unknown>).body;
    assert.equal(body, '{"id":1,"title":"iPhone 10","price":9.99}');
    assert.deepEqual(logMessages(result.events, 'print_status'), [
      '{"id":1,"title":"iPhone 10","price":9.99}',
    ]);
  });

  it('DELETE: takes product_id from --input', async () => {
    const before = server.requests.length;
    const result = await run('delete.yaml', '--input', 'product_id=2');
    assert.equal(result.code, 0, result.stderr);
    assert.equal(server.requests[before].method, 'DELETE');
    assert.equal(server.requests[before].url, '/products/2');
    const started = result.events[0];
    assert.equal(started.event, 'execution.started');
    assert.deepEqual(started.event === 'execution.started' && started.inputs, { product_id: 2 });
    const sendData = ended(result.events).outputs.send_data as Record<string, unknown>;
    assert.equal(sendData.code, 200);
    assert.equal(JSON.parse(String(sendData.body)).isDeleted, true);
  });

  it('DELETE: refuses to start without product_id (exit 2, nothing sent)', async () => {
    const before = server.requests.length;
    const result = await run('delete.yaml');
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(
      result.stderr,
      /Invalid input for `product_id`, missing required input, but received `null`/,
    );
    assert.equal(server.requests.length, before);
  });

  it('DELETE: refuses an unparsable product_id', async () => {
    const result = await run('delete.yaml', '--input', 'product_id=two');
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /Invalid input for `product_id`, For input string: "two", but received `two`/,
    );
  });
});
