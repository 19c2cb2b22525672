// A GET-style flow run on the fake Kestra server: the exact event stream, the requests made, create
// then update of the flow on a second run, and nothing left open afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeKestra } from './fake-kestra/fake-kestra';
import { assertLogsInPlace, runId, runRemote, settleSockets, socketCount, splitLogs } from './support';

const FLOW = `id: http_get
namespace: company.team

tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://dummyjson.com/products
    method: GET

  - id: log_body
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.send_data.body }}"
`;

const BODY = '{"products":[{"id":1,"title":"Essence Mascara Lash Princess"}]}';
const SEND_DATA_OUTPUTS = {
  code: 200,
  uri: 'https://dummyjson.com/products',
  headers: { 'content-type': ['application/json'] },
  body: BODY,
};

describe('runOnServer: a GET flow to SUCCESS', () => {
  let fake: FakeKestra;
  let baseline: number;

  before(async () => {
    baseline = socketCount();
    fake = await FakeKestra.start({
      behaviours: {
        send_data: { outputs: SEND_DATA_OUTPUTS },
        log_body: { logs: [{ level: 'INFO', message: BODY }] },
      },
    });
  });
  after(() => fake.close());

  it('emits the embedded engine event stream, with server times and outputs.send_data.code', async () => {
    const { result, events } = await runRemote(fake.url, FLOW);
    assert.equal(result.error, undefined);
    assert.equal(result.exitCode, 0);
    assert.equal(result.state, 'SUCCESS');
    const executionId = result.executionId as string;
    assert.equal(result.executionUrl, `${fake.url}/ui/executions/company.team/http_get/${executionId}`);
    const sendData = runId(events, 'send_data');
    const logBody = runId(events, 'log_body');
    const { flow, logs } = splitLogs(events);
    assert.deepEqual(flow, [
      {
        event: 'execution.started',
        time: '2024-12-20T10:00:00.000Z',
        executionId,
        namespace: 'company.team',
        flowId: 'http_get',
        inputs: {},
      },
      {
        event: 'taskrun.started',
        time: '2024-12-20T10:00:00.300Z',
        taskRunId: sendData,
        taskId: 'send_data',
      },
      {
        event: 'taskrun.ended',
        time: '2024-12-20T10:00:00.500Z',
        taskRunId: sendData,
        taskId: 'send_data',
        state: 'SUCCESS',
        outputs: SEND_DATA_OUTPUTS,
      },
      { event: 'taskrun.started', time: '2024-12-20T10:00:00.700Z', taskRunId: logBody, taskId: 'log_body' },
      {
        event: 'taskrun.ended',
        time: '2024-12-20T10:00:01.000Z',
        taskRunId: logBody,
        taskId: 'log_body',
        state: 'SUCCESS',
        outputs: {},
      },
      {
        event: 'execution.ended',
        time: '2024-12-20T10:00:01.100Z',
        executionId,
        state: 'SUCCESS',
        outputs: { send_data: SEND_DATA_OUTPUTS, log_body: {} },
      },
    ]);
    assert.deepEqual(logs, [
      {
        event: 'log',
        time: '2024-12-20T10:00:00.900Z',
        level: 'INFO',
        message: BODY,
        taskRunId: logBody,
        taskId: 'log_body',
      },
    ]);
    assertLogsInPlace(events);
    const ended = events.at(-1);
    assert.ok(ended?.event === 'execution.ended');
    assert.equal((ended.outputs.send_data as { code: number }).code, 200);
  });

  it('made the requests of §8: create the flow as YAML, start, follow both streams, fetch the end', () => {
    const calls = fake.requests.map((r) => `${r.method} ${r.path}`);
    const id = [...fake.state.executions.keys()][0];
    assert.deepEqual(
      calls.filter((c) => !c.includes('/follow')),
      ['POST /api/v1/flows', 'POST /api/v1/executions/company.team/http_get', `GET /api/v1/executions/${id}`],
    );
    assert.deepEqual(calls.filter((c) => c.includes('/follow')).sort(), [
      `GET /api/v1/executions/${id}/follow`,
      `GET /api/v1/logs/${id}/follow`,
    ]);
    const create = fake.requests[0];
    assert.equal(create.headers['content-type'], 'application/x-yaml');
    assert.equal(create.body, FLOW);
    assert.equal(fake.requestsTo('/follow')[0].headers.accept, 'text/event-stream');
    assert.equal(create.headers.authorization, undefined);
  });

  it('updates the flow with PUT when it already exists, then runs it again', async () => {
    const before = fake.requests.length;
    const { result } = await runRemote(
      fake.url,
      FLOW.replace('method: GET', 'method: GET\n    contentType: application/json'),
    );
    assert.equal(result.exitCode, 0);
    const calls = fake.requests.slice(before, before + 3).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(calls, [
      'POST /api/v1/flows',
      'PUT /api/v1/flows/company.team/http_get',
      'POST /api/v1/executions/company.team/http_get',
    ]);
    assert.equal(fake.state.flows.get('|company.team|http_get')?.revision, 2);
  });

  it('leaves no socket open once the runs returned', async () => {
    assert.equal(
      await settleSockets(baseline + 0),
      baseline,
      `sockets left: ${JSON.stringify(process.getActiveResourcesInfo())}`,
    );
  });
});
