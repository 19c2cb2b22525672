// http.Request request building: headers, basic auth, url-encoded and multipart formData, redirects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useDummyServer } from './support/dummy-server';
import { runText } from './support/run-flow';

describe('http.Request options', () => {
  const server = useDummyServer();

  const lastRequest = () => server.requests[server.requests.length - 1];

  it('renders header values, sends basic auth when both user and password are set', async () => {
    const run = await runText(`id: headers
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/echo
    method: PATCH
    body: "{{ flow.id }}"
    contentType: text/plain
    headers:
      X-Flow: "{{ flow.namespace }}"
    options:
      basicAuthUser: ann
      basicAuthPassword: "{{ 'secret' }}"
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    const request = lastRequest();
    assert.equal(request.method, 'PATCH');
    assert.equal(request.body, 'headers');
    assert.equal(request.headers['content-type'], 'text/plain');
    assert.equal(request.headers['x-flow'], 'company.team');
    assert.equal(request.headers.authorization, `Basic ${Buffer.from('ann:secret').toString('base64')}`);
  });

  it('formData without multipart is url-encoded', async () => {
    await runText(`id: form
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/echo
    method: POST
    formData:
      name: "{{ 'Kestra Pen' }}"
      count: 2
`);
    const request = lastRequest();
    assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(request.body, 'name=Kestra+Pen&count=2');
  });

  it('multipart/form-data attaches kestra:// files and sends text parts', async () => {
    await runText(`id: multipart
namespace: company.team
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: ${server.url}/file.csv
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/echo
    method: POST
    contentType: multipart/form-data
    formData:
      title: report
      upload: "{{ outputs.fetch.uri }}"
      named:
        name: renamed.csv
        content: "{{ outputs.fetch.uri }}"
`);
    const request = lastRequest();
    assert.match(String(request.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.match(request.body, /name="title"\r\n\r\nreport\r\n/);
    assert.match(
      request.body,
      /name="upload"; filename="data\.csv"\r\nContent-Type: [^\r]*\r\n\r\na,b\n1,2\n\r\n/,
    );
    assert.match(request.body, /name="named"; filename="renamed\.csv"/);
  });

  it('follows redirects by default, not with followRedirects: false', async () => {
    const followed = await runText(`id: redirect
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/redirect
`);
    assert.equal((followed.endedRuns('call')[0].outputs as Record<string, unknown>).code, 200);
    const kept = await runText(`id: no_redirect
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/redirect
    options:
      followRedirects: false
`);
    const outputs = kept.endedRuns('call')[0].outputs as Record<string, unknown>;
    assert.equal(outputs.code, 302);
    assert.deepEqual((outputs.headers as Record<string, string[]>).location, ['/products']);
  });

  it('an invalid uri fails with a clear message', async () => {
    const run = await runText(`id: bad_uri
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: "{{ 'not a url' }}"
`);
    assert.equal(
      run.endedRuns('call')[0].error,
      "Invalid uri 'not a url': it must be a full URL such as https://example.com/path",
    );
  });
});
