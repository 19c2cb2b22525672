// The endpoints of §8 the client uses, answered as Kestra 0.21 answers them: flows (create, update,
// get), executions (create with multipart inputs, get, follow over SSE, kill) and the log stream.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { parseFlowSource } from './flow-source';
import { resolveInputs } from './inputs';
import { constraintViolation, jsonError } from './json-error';
import { boundaryOf, MultipartError, parseMultipart, type FormPart } from './multipart';
import { isTerminatedJson, newStateJson, SimulatedExecution, type ExecutionJson } from './simulation';
import {
  cutStream,
  flowKey,
  isGone,
  openEventStream,
  sendJson,
  takeDrop,
  writeEvent,
  type LiveExecution,
  type ServerState,
} from './state';

export interface RouteRequest {
  method: string;
  /** Path segments after `/api/v1/[tenant/]`, decoded. */
  segments: string[];
  tenant?: string;
  href: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Set by the route when it parses a multipart body, for the request log. */
  parts?: FormPart[];
}

const notFound = (res: ServerResponse, href: string, detail?: string) =>
  sendJson(res, 404, jsonError(href, detail ? `Not Found: ${detail}` : 'Not Found'));

export function route(state: ServerState, req: RouteRequest, res: ServerResponse): void {
  const { method, segments: s } = req;
  const key = `${method} ${s[0] ?? ''}/${s.length}`;
  if (key === 'POST flows/1') return createFlow(state, req, res);
  if (key === 'PUT flows/3') return updateFlow(state, req, res, s[1], s[2]);
  if (key === 'GET flows/3') {
    const stored = state.flows.get(flowKey(req.tenant, s[1], s[2]));
    return stored
      ? sendJson(res, 200, flowJson(stored.flow.namespace, stored.flow.id, stored.revision, stored.source))
      : notFound(res, req.href);
  }
  if (key === 'POST executions/3') return createExecution(state, req, res, s[1], s[2]);
  const live = s[0] === 'executions' || s[0] === 'logs' ? state.executions.get(s[1]) : undefined;
  if (key === 'GET executions/2')
    return live ? sendJson(res, 200, live.simulation.latest) : notFound(res, req.href);
  if (key === 'GET executions/3' && s[2] === 'follow') {
    return live ? follow(state, live, res) : notFound(res, req.href, `Unable to find the execution ${s[1]}`);
  }
  if (key === 'DELETE executions/3' && s[2] === 'kill') {
    if (!live) return notFound(res, req.href);
    state.kills.push(s[1]);
    live.simulation.kill();
    res.writeHead(202).end();
    return;
  }
  if (key === 'GET logs/3' && s[2] === 'follow') return followLogs(state, live, res);
  notFound(res, req.href);
}

function flowJson(namespace: string, id: string, revision: number, source: string): Record<string, unknown> {
  return { id, namespace, revision, disabled: false, deleted: false, source };
}

function isYaml(headers: IncomingHttpHeaders): boolean {
  return /^application\/x-yaml\b/i.test(headers['content-type'] ?? '');
}

function createFlow(state: ServerState, req: RouteRequest, res: ServerResponse): void {
  if (!isYaml(req.headers)) return sendJson(res, 415, jsonError(req.href, 'Unsupported Media Type'));
  const source = req.body.toString('utf8');
  const parsed = parseFlowSource(source);
  if (!parsed.ok && parsed.yamlError) {
    return sendJson(
      res,
      422,
      constraintViolation(req.href, parsed.violations, `Illegal flow yaml: ${parsed.yamlError}`),
    );
  }
  // Kestra checks existence before validating the rest.
  const { id, namespace } = parsed.ok ? parsed.flow : idsOf(source);
  if (id && namespace && state.flows.has(flowKey(req.tenant, namespace, id))) {
    return sendJson(
      res,
      422,
      constraintViolation(req.href, [{ path: 'flow.id', message: 'Flow id already exists' }]),
    );
  }
  if (!parsed.ok) return sendJson(res, 422, constraintViolation(req.href, parsed.violations));
  state.flows.set(flowKey(req.tenant, parsed.flow.namespace, parsed.flow.id), {
    flow: parsed.flow,
    source,
    revision: 1,
    tenant: req.tenant,
  });
  sendJson(res, 200, flowJson(parsed.flow.namespace, parsed.flow.id, 1, source));
}

function idsOf(source: string): { id?: string; namespace?: string } {
  const id = /^id:\s*([\w.-]+)\s*$/m.exec(source)?.[1];
  const namespace = /^namespace:\s*([\w.-]+)\s*$/m.exec(source)?.[1];
  return { id, namespace };
}

function updateFlow(
  state: ServerState,
  req: RouteRequest,
  res: ServerResponse,
  namespace: string,
  id: string,
): void {
  if (!isYaml(req.headers)) return sendJson(res, 415, jsonError(req.href, 'Unsupported Media Type'));
  const stored = state.flows.get(flowKey(req.tenant, namespace, id));
  if (!stored) return notFound(res, req.href);
  const source = req.body.toString('utf8');
  const parsed = parseFlowSource(source);
  if (!parsed.ok) {
    const message = parsed.yamlError ? `Illegal flow yaml: ${parsed.yamlError}` : undefined;
    return sendJson(res, 422, constraintViolation(req.href, parsed.violations, message));
  }
  if (parsed.flow.namespace !== namespace || parsed.flow.id !== id) {
    return sendJson(
      res,
      422,
      constraintViolation(req.href, [{ path: 'flow.id', message: 'Illegal flow id update' }]),
    );
  }
  const revision = stored.source === source ? stored.revision : stored.revision + 1;
  state.flows.set(flowKey(req.tenant, namespace, id), {
    flow: parsed.flow,
    source,
    revision,
    tenant: req.tenant,
  });
  sendJson(res, 200, flowJson(namespace, id, revision, source));
}

function createExecution(
  state: ServerState,
  req: RouteRequest,
  res: ServerResponse,
  namespace: string,
  id: string,
): void {
  const stored = state.flows.get(flowKey(req.tenant, namespace, id));
  if (!stored) return notFound(res, req.href, 'Requested Flow is not found.');
  if (stored.flow.disabled)
    return sendJson(res, 409, jsonError(req.href, 'Illegal state: Requested Flow is disabled.'));
  const boundary = boundaryOf(req.headers['content-type']);
  if (req.body.length > 0 && !boundary)
    return sendJson(res, 415, jsonError(req.href, 'Unsupported Media Type'));
  try {
    req.parts = boundary ? parseMultipart(req.body, boundary) : [];
  } catch (error) {
    return sendJson(res, 400, jsonError(req.href, `Bad Request: ${(error as MultipartError).message}`));
  }
  const executionId = state.newId();
  const prefix = `${namespace.replace(/\./g, '/')}/${id}/executions/${executionId}`;
  const inputs = resolveInputs(stored.flow.inputs, req.parts, prefix);
  if (!inputs.ok)
    return sendJson(
      res,
      422,
      constraintViolation(req.href, [{ path: inputs.path, message: inputs.message }]),
    );
  const created = state.clock();
  const execution: ExecutionJson = {
    id: executionId,
    namespace,
    flowId: id,
    flowRevision: stored.revision,
    taskRunList: [],
    inputs: inputs.inputs,
    labels: [{ key: 'system.correlationId', value: executionId }],
    state: newStateJson(created),
    originalId: executionId,
    deleted: false,
    metadata: { attemptNumber: 1, originalCreatedDate: created },
  };
  const followers: LiveExecution['followers'] = new Set();
  const logFollowers: LiveExecution['logFollowers'] = new Set();
  const simulation = new SimulatedExecution({
    flow: stored.flow,
    execution,
    behaviours: state.behaviours,
    tickMs: state.tickMs,
    clock: state.clock,
    newId: state.newId,
    onUpdate: (snapshot, end) => followers.forEach((follower) => follower(snapshot, end)),
    onLog: (entry) => logFollowers.forEach((follower) => follower(entry)),
  });
  const live: LiveExecution = { tenant: req.tenant, followers, logFollowers, simulation };
  state.executions.set(executionId, live);
  const tenant = req.tenant !== undefined ? `/${req.tenant}` : '';
  const url = `${state.publicUrl ?? ''}/ui${tenant}/executions/${namespace}/${id}/${executionId}`;
  sendJson(res, 200, { ...live.simulation.latest, url });
  live.simulation.start();
}

/** §8.4: the stored state first (`end` alone when already over), then every change, `end` last. */
function follow(state: ServerState, live: LiveExecution, res: ServerResponse): void {
  openEventStream(res);
  const current = live.simulation.latest;
  if (isTerminatedJson(current)) {
    writeEvent(res, 'end', current);
    res.end();
    return;
  }
  const dropAfter = takeDrop(state.faults.dropFollow);
  let sent = 0;
  const send = (snapshot: ExecutionJson, end: boolean): boolean => {
    if (isGone(res)) return false;
    if (dropAfter !== undefined && sent >= dropAfter) {
      live.followers.delete(send);
      cutStream(res);
      return false;
    }
    writeEvent(res, 'progress', snapshot);
    sent++;
    if (end) {
      writeEvent(res, 'end', snapshot);
      live.followers.delete(send);
      res.end();
    }
    return true;
  };
  res.on('close', () => live.followers.delete(send));
  if (send(current, false)) live.followers.add(send);
}

/** Stored logs, then live ones; never ends on its own. */
function followLogs(state: ServerState, live: LiveExecution | undefined, res: ServerResponse): void {
  openEventStream(res);
  if (!live) return;
  const dropAfter = takeDrop(state.faults.dropLogs);
  let sent = 0;
  const send = (entry: Record<string, unknown>) => {
    if (isGone(res)) return;
    if (dropAfter !== undefined && sent >= dropAfter) {
      live.logFollowers.delete(send);
      cutStream(res);
      return;
    }
    writeEvent(res, 'progress', entry);
    sent++;
  };
  res.on('close', () => live.logFollowers.delete(send));
  live.logFollowers.add(send);
  for (const entry of live.simulation.logs) send(entry);
}
