import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunEvent } from '../../../server/src/engine/events';
import { maskRunEvent, runSecretMasker } from './secret-masking';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const TIME = '2024-01-31T10:00:00.000Z';

describe('runSecretMasker', () => {
  const masker = runSecretMasker({
    SECRET_API_TOKEN: base64('s3Cr3t'),
    SECRET_LONG: ` ${base64('a-much-longer-secret')}\n`,
    SECRET_EMPTY: '',
    KESTRA_API_TOKEN: 'tok-abc',
    KESTRA_USERNAME: 'admin@kestra.io',
    KESTRA_PASSWORD: 'pa55word',
    PATH: '/usr/bin',
  });

  it('masks secret() values decoded from SECRET_* and the server token and password', () => {
    assert.equal(masker.mask('token=s3Cr3t'), 'token=******');
    assert.equal(masker.mask('x a-much-longer-secret y'), `x **masked*${'*'.repeat(11)} y`);
    assert.equal(masker.mask('Bearer tok-abc / pa55word'), 'Bearer ******* / ********');
    assert.equal(masker.mask('admin@kestra.io in /usr/bin'), 'admin@kestra.io in /usr/bin');
    assert.equal(masker.size, 4);
  });

  it('masks nothing when the run has no secrets', () => {
    const none = runSecretMasker({ PATH: '/usr/bin', KESTRA_API_TOKEN: '', SECRET_X: '' });
    assert.equal(none.size, 0);
    const event: RunEvent = { event: 'log', time: TIME, level: 'INFO', message: 'hello' };
    assert.equal(maskRunEvent(event, none), event);
  });
});

describe('maskRunEvent', () => {
  const masker = runSecretMasker({ SECRET_API_TOKEN: base64('s3Cr3t') });

  it('masks log messages', () => {
    assert.deepEqual(
      maskRunEvent({ event: 'log', time: TIME, level: 'INFO', message: 'a s3Cr3t b', taskId: 't' }, masker),
      { event: 'log', time: TIME, level: 'INFO', message: 'a ****** b', taskId: 't' },
    );
  });

  it('masks outputs (keys and values, at any depth), errors and iteration values', () => {
    assert.deepEqual(
      maskRunEvent(
        {
          event: 'taskrun.ended',
          time: TIME,
          taskRunId: 'r1',
          taskId: 'keep',
          state: 'FAILED',
          outputs: { value: 's3Cr3t', list: [1, 'x-s3Cr3t', { s3Cr3t: true }], none: null },
          error: 'rejected s3Cr3t',
        },
        masker,
      ),
      {
        event: 'taskrun.ended',
        time: TIME,
        taskRunId: 'r1',
        taskId: 'keep',
        state: 'FAILED',
        outputs: { value: '******', list: [1, 'x-******', { '******': true }], none: null },
        error: 'rejected ******',
      },
    );
    assert.deepEqual(
      maskRunEvent(
        { event: 'taskrun.started', time: TIME, taskRunId: 'r2', taskId: 'each', value: 's3Cr3t' },
        masker,
      ),
      { event: 'taskrun.started', time: TIME, taskRunId: 'r2', taskId: 'each', value: '******' },
    );
    assert.deepEqual(
      maskRunEvent(
        {
          event: 'execution.ended',
          time: TIME,
          executionId: 'e1',
          state: 'SUCCESS',
          outputs: { keep: { value: 's3Cr3t' } },
          flowOutputs: { token: 's3Cr3t' },
        },
        masker,
      ),
      {
        event: 'execution.ended',
        time: TIME,
        executionId: 'e1',
        state: 'SUCCESS',
        outputs: { keep: { value: '******' } },
        flowOutputs: { token: '******' },
      },
    );
    assert.deepEqual(
      maskRunEvent(
        {
          event: 'execution.started',
          time: TIME,
          executionId: 'e1',
          namespace: 'n',
          flowId: 'f',
          inputs: { t: 's3Cr3t' },
        },
        masker,
      ),
      {
        event: 'execution.started',
        time: TIME,
        executionId: 'e1',
        namespace: 'n',
        flowId: 'f',
        inputs: { t: '******' },
      },
    );
  });

  it('leaves the structure alone: event names, ids and states are never rewritten', () => {
    const short = runSecretMasker({ SECRET_A: base64('a') });
    const event: RunEvent = { event: 'taskrun.started', time: TIME, taskRunId: 'abc', taskId: 'start_a' };
    assert.deepEqual(maskRunEvent(event, short), event);
  });
});
