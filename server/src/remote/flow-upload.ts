// Puts the flow file on the server (§8.2): create with `POST /api/v1/flows` (YAML body); when the
// server says the id already exists, update with `PUT /api/v1/flows/{namespace}/{id}`. A PUT that
// finds nothing (the flow was deleted in between) falls back to one more create.
import { parseDocument } from 'yaml';
import type { Credentials } from './credentials';
import { flowViolations, formatViolation } from './flow-violations';
import { httpFailureMessage, statusText } from './http-failure';
import type { HttpAnswer, KestraClient } from './kestra-client';
import { parseJsonError } from './kestra-json';
import { RemoteError } from './remote-error';

export interface UploadedFlow {
  namespace: string;
  id: string;
  revision?: number;
  /** True when an existing flow was updated rather than created. */
  updated: boolean;
}

export interface UploadContext {
  client: KestraClient;
  credentials: Credentials;
  /** The flow file as shown in messages (relative to the working directory when possible). */
  shownPath: string;
  signal?: AbortSignal;
}

const YAML = 'application/x-yaml';
const ALREADY_EXISTS = 'Flow id already exists';

/** `namespace` and `id` as written in the file, when they are plain strings. */
export function flowIdentity(flowText: string): { namespace?: string; id?: string } {
  try {
    const doc = parseDocument(flowText, { uniqueKeys: false });
    const namespace = doc.get('namespace');
    const id = doc.get('id');
    return {
      ...(typeof namespace === 'string' ? { namespace } : {}),
      ...(typeof id === 'string' ? { id } : {}),
    };
  } catch {
    return {};
  }
}

export async function uploadFlow(flowText: string, context: UploadContext): Promise<UploadedFlow> {
  const identity = flowIdentity(flowText);
  const created = await createFlow(flowText, context);
  if (created.status === 200) return uploaded(created, identity, false);
  if (!(created.status === 422 && alreadyExists(created)))
    throw failure(created, context, ['flows'], 'POST', identity);
  if (identity.namespace === undefined || identity.id === undefined) {
    throw new RemoteError(
      `the server says the flow exists, but ${context.shownPath} has no plain 'namespace' and 'id' to update it by.`,
      2,
    );
  }
  const segments = ['flows', identity.namespace, identity.id];
  const updated = await context.client.send('PUT', segments, {
    body: flowText,
    contentType: YAML,
    signal: context.signal,
  });
  if (updated.status === 200) return uploaded(updated, identity, true);
  if (updated.status === 404) {
    const again = await createFlow(flowText, context);
    if (again.status === 200) return uploaded(again, identity, false);
    throw failure(again, context, ['flows'], 'POST', identity);
  }
  throw failure(updated, context, segments, 'PUT', identity);
}

function createFlow(flowText: string, context: UploadContext): Promise<HttpAnswer> {
  return context.client.send('POST', ['flows'], {
    body: flowText,
    contentType: YAML,
    signal: context.signal,
  });
}

function alreadyExists(answer: HttpAnswer): boolean {
  const error = parseJsonError(answer.json);
  return (
    !!error &&
    (error.errors.some((e) => e.message === ALREADY_EXISTS) || error.message.includes(ALREADY_EXISTS))
  );
}

function uploaded(
  answer: HttpAnswer,
  identity: { namespace?: string; id?: string },
  updated: boolean,
): UploadedFlow {
  const body = (answer.json ?? {}) as { namespace?: unknown; id?: unknown; revision?: unknown };
  const namespace = typeof body.namespace === 'string' ? body.namespace : identity.namespace;
  const id = typeof body.id === 'string' ? body.id : identity.id;
  if (namespace === undefined || id === undefined) {
    throw new RemoteError(
      `the server accepted the flow but did not say its namespace and id (${statusText(answer.status)}).`,
      2,
    );
  }
  return {
    namespace,
    id,
    ...(typeof body.revision === 'number' ? { revision: body.revision } : {}),
    updated,
  };
}

function failure(
  answer: HttpAnswer,
  context: UploadContext,
  segments: string[],
  method: string,
  identity: { namespace?: string; id?: string },
): RemoteError {
  const { client } = context;
  const jsonError = parseJsonError(answer.json);
  const name =
    identity.namespace && identity.id
      ? `flow ${identity.namespace}.${identity.id}`
      : `the flow in ${context.shownPath}`;
  if (answer.status === 422 && jsonError) {
    const lines = flowViolations(jsonError).map((v) => `  ${formatViolation(v, context.shownPath)}`);
    const head = `the Kestra server at ${client.target.base} rejected ${name} (${statusText(answer.status)}):`;
    return new RemoteError([head, ...lines].join('\n'), 2);
  }
  const message = httpFailureMessage(answer, {
    server: client.target.base,
    tenant: client.target.tenant,
    request: client.describe(method, segments),
    credentials: context.credentials,
    ...(method === 'PUT' ? { notFound: `${name} not found` } : {}),
  });
  return new RemoteError(message, 2);
}
