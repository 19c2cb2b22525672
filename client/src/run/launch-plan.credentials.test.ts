import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inputDefinitionFromPlain,
  type InputDefinition,
} from '../../../server/src/engine/inputs/input-definition';
import { credentialEnvironment, parseCredentials } from '../credential-env';
import type { RunSettings } from '../settings';
import { launchCommand, type LaunchRequest } from './launch-plan';

const TOKEN = 'tok-7f3a9c1e-not-for-argv';
const PASSWORD = 'pa55-w0rd-not-for-argv';
const SERVER = 'http://127.0.0.1:8080';

function input(plain: Record<string, unknown>): InputDefinition {
  const definition = inputDefinitionFromPlain(plain);
  if ('error' in definition) throw new Error(definition.error);
  return definition;
}

function request(
  settings: Partial<RunSettings>,
  stored: string | undefined,
): LaunchRequest & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    filePath: '/ws/flows/hello.yaml',
    inputs: [input({ id: 'name', type: 'STRING' }), input({ id: 'key', type: 'SECRET' })],
    values: { name: 'Ann', key: 'input-secret' },
    settings: { target: 'embedded', serverUrl: '', tenant: '', ...settings },
    cwd: '/ws',
    credentials: (serverUrl) => {
      asked.push(serverUrl);
      return Promise.resolve(credentialEnvironment(parseCredentials(stored)));
    },
    writeTempFile: () => '/tmp/private/value-1',
  };
}

describe('launchCommand: credentials', () => {
  it('passes an API token in KESTRA_API_TOKEN only, never in the arguments', async () => {
    const req = request(
      { target: 'server', serverUrl: SERVER, tenant: 'main' },
      JSON.stringify({ kind: 'token', token: TOKEN }),
    );
    const result = await launchCommand(req);
    assert.ok(result.ok);
    assert.deepEqual(result.command, {
      args: [
        '/ws/flows/hello.yaml',
        '--input',
        'name=Ann',
        '--input',
        'key=@/tmp/private/value-1',
        '--server',
        SERVER,
        '--tenant',
        'main',
      ],
      cwd: '/ws',
      env: { KESTRA_API_TOKEN: TOKEN, KESTRA_USERNAME: '', KESTRA_PASSWORD: '' },
    });
    assert.deepEqual(req.asked, [SERVER]);
    assert.ok(!result.command.args.some((arg) => arg.includes(TOKEN) || arg.includes('input-secret')));
  });

  it('passes a username and password in KESTRA_USERNAME and KESTRA_PASSWORD only', async () => {
    const stored = JSON.stringify({ kind: 'basic', username: 'admin@kestra.io', password: PASSWORD });
    const result = await launchCommand(request({ target: 'server', serverUrl: SERVER }, stored));
    assert.ok(result.ok);
    assert.deepEqual(result.command.env, {
      KESTRA_API_TOKEN: '',
      KESTRA_USERNAME: 'admin@kestra.io',
      KESTRA_PASSWORD: PASSWORD,
    });
    assert.ok(!result.command.args.some((arg) => arg.includes(PASSWORD) || arg.includes('admin@kestra.io')));
  });

  it('does not read the credentials for an embedded run', async () => {
    const req = request(
      { target: 'embedded', serverUrl: SERVER },
      JSON.stringify({ kind: 'token', token: TOKEN }),
    );
    const result = await launchCommand(req);
    assert.ok(result.ok);
    assert.deepEqual(result.command.env, {});
    assert.deepEqual(req.asked, []);
    assert.ok(!result.command.args.includes('--server'));
  });

  it('runs signed out with no credential variables when nothing readable is stored', async () => {
    for (const stored of [undefined, '', '{"kind":"token"}', 'not json']) {
      const result = await launchCommand(request({ target: 'server', serverUrl: SERVER }, stored));
      assert.ok(result.ok);
      assert.deepEqual(result.command.env, {});
    }
  });

  it('refuses a server address holding a username or password, before reading credentials', async () => {
    for (const serverUrl of ['http://admin:pw@127.0.0.1:8080', 'https://admin@kestra.example.com']) {
      const req = request({ target: 'server', serverUrl }, JSON.stringify({ kind: 'token', token: TOKEN }));
      const result = await launchCommand(req);
      assert.deepEqual(result, {
        ok: false,
        message:
          'kestraFlow.server.url: Leave the username and password out of the address: "Kestra: Sign In" asks for them and keeps them in the OS keychain.',
        openSettings: true,
      });
      assert.deepEqual(req.asked, []);
    }
  });

  it('refuses a server run without a server address', async () => {
    const result = await launchCommand(request({ target: 'server' }, undefined));
    assert.deepEqual(result, {
      ok: false,
      message: 'kestraFlow.run.target is "server" but kestraFlow.server.url is empty.',
      openSettings: true,
    });
  });
});
