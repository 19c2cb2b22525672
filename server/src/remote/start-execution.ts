// Starts an execution of the uploaded flow (§8.3): `POST /api/v1/executions/{namespace}/{id}` with
// the inputs as multipart. The server validates the inputs (§2.5); a 422 lists its messages. The
// request is not cancellable: once sent, an execution may exist, and only its id lets us kill it.
import type { FormData } from 'undici';
import type { Credentials } from './credentials';
import type { UploadedFlow } from './flow-upload';
import { httpFailureMessage, statusText } from './http-failure';
import type { KestraClient } from './kestra-client';
import { parseExecution, parseJsonError, type KestraExecution } from './kestra-json';
import { RemoteError } from './remote-error';

export async function startExecution(
  client: KestraClient,
  credentials: Credentials,
  flow: UploadedFlow,
  form: FormData,
): Promise<KestraExecution> {
  const segments = ['executions', flow.namespace, flow.id];
  const name = `flow ${flow.namespace}.${flow.id}`;
  let answer;
  try {
    answer = await client.send('POST', segments, { body: form });
  } catch (error) {
    if (error instanceof RemoteError && error.maybeDelivered) {
      throw new RemoteError(
        `${error.message}; an execution of ${name} may have started anyway: look for it in the Kestra UI.`,
        1,
      );
    }
    throw error;
  }
  if (answer.status === 200) {
    const execution = parseExecution(answer.json);
    if (execution) return execution;
    throw new RemoteError(
      `the Kestra server at ${client.target.base} started ${name} but its answer is not an execution; is ${client.target.base} a Kestra server?`,
      1,
    );
  }
  const jsonError = parseJsonError(answer.json);
  if (answer.status === 422 && jsonError) {
    const messages =
      jsonError.errors.length > 0 ? jsonError.errors.map((e) => e.message) : [jsonError.message];
    const head = `the Kestra server at ${client.target.base} rejected the inputs of ${name} (${statusText(answer.status)}):`;
    throw new RemoteError([head, ...messages.map((m) => `  ${m}`)].join('\n'), 2);
  }
  const message = httpFailureMessage(answer, {
    server: client.target.base,
    tenant: client.target.tenant,
    request: client.describe('POST', segments),
    credentials,
    notFound: `${name} not found`,
  });
  throw new RemoteError(message, 2);
}
