import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpFailureMessage } from './http-failure';
import { parseExecution, parseJsonError, parseLogEntry } from './kestra-json';

describe('parseExecution', () => {
  const base = {
    id: 'E',
    namespace: 'ns',
    flowId: 'f',
    state: { current: 'RUNNING', histories: [{ state: 'CREATED', date: 'd0' }] },
  };

  it('reads a state a newer server may send (SUBMITTED) as RUNNING rather than dropping the update', () => {
    const parsed = parseExecution({
      ...base,
      taskRunList: [
        {
          id: 'r',
          taskId: 't',
          state: { current: 'SUBMITTED', histories: [{ state: 'SUBMITTED', date: 'd1' }] },
          outputs: null,
        },
      ],
    });
    assert.deepEqual(parsed?.taskRunList, [
      {
        id: 'r',
        taskId: 't',
        parentTaskRunId: undefined,
        value: undefined,
        outputs: undefined,
        state: {
          current: 'RUNNING',
          histories: [{ state: 'RUNNING', date: 'd1' }],
          startDate: undefined,
          endDate: undefined,
        },
      },
    ]);
  });

  it('refuses what is not an execution', () => {
    assert.equal(parseExecution({ ...base, id: 3 }), undefined);
    assert.equal(parseExecution({ ...base, taskRunList: [{ id: 'r' }] }), undefined);
    assert.equal(parseExecution('<html>'), undefined);
  });
});

describe('parseLogEntry and parseJsonError', () => {
  it('keeps the fields of a LogEntry, refuses an unknown level', () => {
    assert.deepEqual(
      parseLogEntry({
        timestamp: 't',
        level: 'WARN',
        message: 'm',
        taskRunId: 'r',
        taskId: 'x',
        thread: 'w',
      }),
      {
        timestamp: 't',
        level: 'WARN',
        message: 'm',
        taskId: 'x',
        taskRunId: 'r',
      },
    );
    assert.equal(parseLogEntry({ timestamp: 't', level: 'NOTICE', message: 'm' }), undefined);
  });

  it('reads Micronaut errors with and without _embedded', () => {
    assert.deepEqual(
      parseJsonError({
        message: 'Invalid entity: x: y',
        _embedded: { errors: [{ message: 'y', path: 'x' }, { nope: 1 }] },
      }),
      {
        message: 'Invalid entity: x: y',
        errors: [{ message: 'y', path: 'x' }],
      },
    );
    assert.equal(parseJsonError({ error: 'other shape' }), undefined);
  });
});

describe('httpFailureMessage', () => {
  const context = { server: 'http://k', request: 'POST /api/v1/flows', credentials: {} };
  const answer = (status: number, text: string, headers: Record<string, string> = {}) => ({
    status,
    headers,
    text,
    json: text.startsWith('{') ? (JSON.parse(text) as unknown) : undefined,
  });

  it('explains a redirect (undici does not follow them, and credentials must not follow either)', () => {
    assert.equal(
      httpFailureMessage(answer(301, '', { location: 'https://k/api/v1/flows' }), context),
      'the Kestra server at http://k redirects POST /api/v1/flows to https://k/api/v1/flows; pass the URL it redirects to with --server.',
    );
  });

  it('never quotes an HTML error page, keeps a short plain-text one', () => {
    assert.equal(
      httpFailureMessage(answer(502, '<html><body>Bad gateway</body></html>'), context),
      'the Kestra server at http://k failed on POST /api/v1/flows (502 Bad Gateway)',
    );
    assert.equal(
      httpFailureMessage(answer(418, 'short and stout\nmore'), context),
      "the Kestra server at http://k answered POST /api/v1/flows with 418 I'm a Teapot: short and stout",
    );
  });
});
