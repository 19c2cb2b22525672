// io.kestra.plugin.core.http.Request: sends the request and outputs `uri`, `code`, `headers` (lists
// of strings) and `body` (the raw text). A status ≥ 400 fails the task unless `allowFailed`. The whole
// exchange, body included, must complete within options.readTimeout + 1 s (exchange-deadline.ts).
import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import type { PebbleMap } from '../../expr/values';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import { EXCHANGE_GRACE_MS, ExchangeDeadline } from './exchange-deadline';
import {
  dispatcherFor,
  headerLists,
  prepareRequest,
  send,
  statusFailure,
  transportFailure,
} from './http-common';

export const requestTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const prepared = await prepareRequest(ctx);
    const dispatcher = dispatcherFor(ctx, prepared.options);
    const { readTimeoutMs } = prepared.options;
    // A negative readTimeout sets no cap (as in Micronaut).
    const deadline =
      readTimeoutMs >= 0
        ? new ExchangeDeadline(ctx.abortSource, readTimeoutMs + EXCHANGE_GRACE_MS)
        : undefined;
    let response: Dispatcher.ResponseData;
    let body: string;
    try {
      response = await send(ctx, prepared, dispatcher, deadline?.signal);
      const limit = prepared.method === 'HEAD' ? Number.MAX_SAFE_INTEGER : prepared.options.maxContentLength;
      try {
        body = await readText(response, limit, prepared.url);
      } catch (error) {
        if (error instanceof TaskFailure) throw error;
        throw transportFailure(error, prepared, 'reading the response body');
      }
    } finally {
      deadline?.finish();
    }
    if (response.statusCode >= 400 && ctx.prop('allowFailed') !== true) {
      throw statusFailure(prepared.url, response.statusCode, STATUS_CODES[response.statusCode] ?? '');
    }
    const outputs: PebbleMap = {
      uri: prepared.url,
      code: response.statusCode,
      headers: headerLists(response.headers),
      body,
    };
    return { outputs };
  },
};

/** The body as text (decoded with its charset), refused past `limit` bytes. */
function readText(response: Dispatcher.ResponseData, limit: number, url: string): Promise<string> {
  const contentType = response.headers['content-type'];
  const label = charsetLabel(contentType);
  // A declared length within the limit is enforced by undici itself: read it in one go. UTF-8 (the
  // default) is decoded by undici as TextDecoder would: BOM dropped, bad bytes replaced.
  if (declaredWithin(response, limit) && (label === 'utf-8' || label === 'utf8')) return response.body.text();
  return readBody(response, limit, url).then((buffer) => decode(buffer, label));
}

function declaredWithin(response: Dispatcher.ResponseData, limit: number): boolean {
  const length = response.headers['content-length'];
  if (length === undefined) return false;
  const declared = Number(length);
  return Number.isInteger(declared) && declared <= limit;
}

/** The whole body, refused past `limit` bytes. */
async function readBody(response: Dispatcher.ResponseData, limit: number, url: string): Promise<Buffer> {
  if (declaredWithin(response, limit)) return Buffer.from(await response.body.arrayBuffer());
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length > limit) {
      response.body.destroy();
      throw new TaskFailure(
        `The response of ${url} is larger than options.maxContentLength (${limit} bytes)`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The content type whose charset was read last, and that charset: responses repeat theirs. */
let lastType: string | undefined;
let lastLabel = 'utf-8';

/** The charset of a content type, lower-cased (`utf-8` when it names none). */
function charsetLabel(contentType: string | string[] | undefined): string {
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  if (type === undefined) return 'utf-8';
  if (type !== lastType) {
    const charset = /charset=([^;]+)/i.exec(type)?.[1]?.trim().replace(/^"|"$/g, '').toLowerCase();
    lastLabel = charset ?? 'utf-8';
    lastType = type;
  }
  return lastLabel;
}

/** Decoders by charset (decoding without `stream` keeps no state between calls). */
const decoders = new Map<string, TextDecoder>();

function decode(buffer: Buffer, label: string): string {
  try {
    let decoder = decoders.get(label);
    if (!decoder) {
      decoder = new TextDecoder(label);
      decoders.set(label, decoder);
    }
    return decoder.decode(buffer);
  } catch {
    return buffer.toString('utf8');
  }
}
