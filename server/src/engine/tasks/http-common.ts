// Request building and transport shared by http.Request and http.Download (AbstractHttp): method,
// rendered uri/body/headers/contentType, url-encoded or multipart `formData`, client `options`.
// Requests of one execution share an undici Agent per connect timeout, so they reuse connections; the
// execution destroys it when it ends, so no socket outlives the run. Redirects: http-redirects.ts.
import { openAsBlob } from 'node:fs';
import { Agent, FormData, request, type Dispatcher } from 'undici';
import { formatJavaDuration, readDuration } from '../duration';
import { TaskFailure } from '../run/handlers';
import { EXCHANGE_GRACE_MS, EXCHANGE_TIMEOUT_CODE } from './exchange-deadline';
import { requestFollowing, type HopOptions } from './http-redirects';
import { httpTarget, type HttpTarget } from './http-target';
import type { TaskDef } from '../flow/flow-definition';
import type { TaskContext } from '../run/task-context';

export const DEFAULT_READ_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
const METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT', 'PATCH'];

export interface HttpOptions {
  connectTimeoutMs?: number;
  readTimeoutMs: number;
  followRedirects: boolean;
  maxContentLength: number;
  basicAuth?: { user: string; password: string };
}

export interface PreparedRequest {
  url: string;
  /** Origin and path, when `url` is an http(s) URL: sent without being parsed again. */
  target?: HttpTarget;
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body?: string | FormData;
  options: HttpOptions;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function durationOption(options: Record<string, unknown>, name: string): number | undefined {
  try {
    return readDuration(options[name]);
  } catch (error) {
    throw new TaskFailure(`Invalid options.${name}: ${(error as Error).message}`);
  }
}

/**
 * What a task's own properties fix for all its runs (a definition does not change while it runs): the
 * method and the client options but basic auth (rendered each time). A problem reading them is kept
 * as a message, thrown at the same point as when they were read on each run.
 */
interface FixedParts {
  method: string;
  methodError?: string;
  options: HttpOptions;
  optionsError?: string;
  basicAuthUser: unknown;
  basicAuthPassword: unknown;
}

const fixedParts = new WeakMap<TaskDef, FixedParts>();

function fixedPartsOf(task: TaskDef): FixedParts {
  let fixed = fixedParts.get(task);
  if (fixed) return fixed;
  const method = String(task.props.method ?? 'GET').toUpperCase();
  const options = record(task.props.options);
  const max = options.maxContentLength;
  const clientOptions: HttpOptions = {
    connectTimeoutMs: undefined,
    readTimeoutMs: DEFAULT_READ_TIMEOUT_MS,
    followRedirects: options.followRedirects !== false,
    maxContentLength: typeof max === 'number' && max > 0 ? max : DEFAULT_MAX_CONTENT_LENGTH,
  };
  fixed = {
    method,
    options: clientOptions,
    basicAuthUser: options.basicAuthUser,
    basicAuthPassword: options.basicAuthPassword,
  };
  if (!METHODS.includes(method))
    fixed.methodError = `Unsupported method '${method}': use one of ${METHODS.join(', ')}`;
  try {
    clientOptions.connectTimeoutMs = durationOption(options, 'connectTimeout');
    clientOptions.readTimeoutMs = durationOption(options, 'readTimeout') ?? DEFAULT_READ_TIMEOUT_MS;
  } catch (error) {
    fixed.optionsError = (error as Error).message;
  }
  fixedParts.set(task, fixed);
  return fixed;
}

function renderOption(ctx: TaskContext, value: unknown): string | undefined {
  if (typeof value === 'string') return ctx.render(value);
  return value === undefined || value === null ? undefined : String(value);
}

/** The client options; the same object for every run of a task without basic auth. */
export function readHttpOptions(ctx: TaskContext): HttpOptions {
  const fixed = fixedPartsOf(ctx.task);
  const user = renderOption(ctx, fixed.basicAuthUser);
  const password = renderOption(ctx, fixed.basicAuthPassword);
  if (fixed.optionsError !== undefined) throw new TaskFailure(fixed.optionsError);
  return user && password ? { ...fixed.options, basicAuth: { user, password } } : fixed.options;
}

/** Builds the request from the task's properties, rendering the dynamic ones. */
export async function prepareRequest(ctx: TaskContext): Promise<PreparedRequest> {
  const url = ctx.renderProp('uri');
  if (!url) throw new TaskFailure('`uri` is required');
  const target = httpTarget(url);
  if (!target && !URL.canParse(url))
    throw new TaskFailure(`Invalid uri '${url}': it must be a full URL such as https://example.com/path`);
  const fixed = fixedPartsOf(ctx.task);
  if (fixed.methodError !== undefined) throw new TaskFailure(fixed.methodError);
  const options = readHttpOptions(ctx);
  const headers: Record<string, string> = {};
  if (options.basicAuth) {
    headers.authorization = `Basic ${Buffer.from(`${options.basicAuth.user}:${options.basicAuth.password}`).toString('base64')}`;
  }
  let body: string | FormData | undefined;
  const formData = ctx.prop('formData');
  const literalContentType = ctx.prop('contentType');
  let multipart = false;
  if (formData && typeof formData === 'object') {
    if (literalContentType === 'multipart/form-data') {
      multipart = true;
      body = await multipartBody(ctx, record(formData));
    } else {
      const rendered = record(ctx.renderValue(formData));
      body = new URLSearchParams(
        Object.entries(rendered).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
  } else if (ctx.prop('body') !== undefined && ctx.prop('body') !== null) {
    body = ctx.renderProp('body');
  }
  const contentType = ctx.renderProp('contentType');
  // A multipart body carries its own boundary in the content type.
  if (contentType && !multipart) headers['content-type'] = contentType;
  const extraHeaders = ctx.prop('headers');
  if (extraHeaders !== undefined) {
    for (const [name, value] of Object.entries(record(extraHeaders))) {
      headers[name.toLowerCase()] = typeof value === 'string' ? ctx.render(value) : String(value ?? '');
    }
  }
  return { url, target, method: fixed.method as Dispatcher.HttpMethod, headers, body, options };
}

async function multipartBody(ctx: TaskContext, formData: Record<string, unknown>): Promise<FormData> {
  const form = new FormData();
  for (const [rawKey, value] of Object.entries(formData)) {
    const key = ctx.render(rawKey);
    if (typeof value === 'string') {
      const rendered = ctx.render(value);
      if (rendered.startsWith('kestra://')) {
        const path = ctx.storage.resolveReadable(rendered);
        form.append(key, await openAsBlob(path), rendered.split('/').pop());
      } else {
        form.append(key, rendered);
      }
    } else if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      'name' in value &&
      'content' in value
    ) {
      const file = value as Record<string, unknown>;
      const uri = ctx.render(String(file.content));
      form.append(key, await openAsBlob(ctx.storage.resolveReadable(uri)), ctx.render(String(file.name)));
    } else {
      form.append(key, JSON.stringify(value));
    }
  }
  return form;
}

/** The execution's agent for these client settings (read timeouts are set per request). */
export function dispatcherFor(ctx: TaskContext, options: HttpOptions): Dispatcher {
  const key = `http-agent:${options.connectTimeoutMs ?? ''}`;
  return ctx.host.executionResource(key, () => {
    const agent = new Agent({ connectTimeout: options.connectTimeoutMs });
    return { value: agent, close: () => agent.destroy() };
  });
}

/**
 * Sends the request (following redirects unless told not to); transport failures become task failures.
 * `signal` aborts it (by default the task's own abort; http.Request passes its ExchangeDeadline).
 */
export async function send(
  ctx: TaskContext,
  prepared: PreparedRequest,
  dispatcher: Dispatcher,
  signal: HopOptions['signal'] = ctx.requestSignal,
): Promise<Dispatcher.ResponseData> {
  const { target, method, headers, options } = prepared;
  const hopOptions: HopOptions = {
    headersTimeout: options.readTimeoutMs,
    bodyTimeout: options.readTimeoutMs,
    signal,
  };
  try {
    if (target) {
      const first = { origin: target.origin, path: target.path, method, headers, body: prepared.body };
      return await requestFollowing(dispatcher, first, hopOptions, options.followRedirects);
    }
    // Not an http(s) URL: undici refuses it with its own explanation.
    const body = prepared.body as string | undefined;
    return await request(prepared.url, { ...hopOptions, method, headers, body, dispatcher });
  } catch (error) {
    throw transportFailure(error, prepared, 'waiting for the response');
  }
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A readable message for a network failure (refused, timeouts, reset), naming the URL. */
export function transportFailure(error: unknown, prepared: PreparedRequest, phase: string): TaskFailure {
  const url = prepared.url;
  switch (errorCode(error)) {
    case 'ECONNREFUSED':
      return new TaskFailure(`Connection refused: ${url}`);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TaskFailure(
        `Connect timeout after ${formatJavaDuration(prepared.options.connectTimeoutMs ?? 0)}: ${url}`,
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new TaskFailure(
        `Read timeout after ${formatJavaDuration(prepared.options.readTimeoutMs)} while ${phase} of ${url} (options.readTimeout)`,
      );
    case EXCHANGE_TIMEOUT_CODE:
      return new TaskFailure(
        `Read timeout after ${formatJavaDuration(prepared.options.readTimeoutMs + EXCHANGE_GRACE_MS)} while ${phase} of ${url} (the whole response must arrive within options.readTimeout + 1 s)`,
      );
    case 'ENOTFOUND':
      return new TaskFailure(`Unknown host: ${url}`);
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new TaskFailure(`Connection reset by the server while ${phase} of ${url}`);
    default: {
      const message = error instanceof Error ? error.message : String(error);
      if (message === 'terminated')
        return new TaskFailure(`Connection reset by the server while ${phase} of ${url}`);
      return new TaskFailure(`HTTP request to ${url} failed while ${phase}: ${message}`);
    }
  }
}

/** Response headers as Kestra exposes them: every value a list of strings. */
export function headerLists(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  return result;
}

export function statusFailure(url: string, code: number, reason: string): TaskFailure {
  return new TaskFailure(
    `Request to ${url} failed with status ${code}${reason ? ` ${reason}` : ''} (set \`allowFailed: true\` to accept error statuses)`,
  );
}
