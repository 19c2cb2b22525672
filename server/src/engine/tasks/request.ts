// io.kestra.plugin.core.http.Request: sends the request and outputs `uri`, `code`, `headers` (lists
// of strings) and `body` (the raw text). A status ≥ 400 fails the task unless `allowFailed`.
import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import type { PebbleMap } from '../../expr/values';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
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
    const response = await send(ctx, prepared, dispatcher);
    const limit = prepared.method === 'HEAD' ? Number.MAX_SAFE_INTEGER : prepared.options.maxContentLength;
    let content: Buffer;
    try {
      content = await readBody(response, limit, prepared.url);
    } catch (error) {
      if (error instanceof TaskFailure) throw error;
      throw transportFailure(error, prepared, 'reading the response body');
    }
    const body = decode(content, response.headers['content-type']);
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

/** The whole body, refused past `limit` bytes. */
async function readBody(response: Dispatcher.ResponseData, limit: number, url: string): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  // A declared length within the limit is enforced by undici itself: read it in one go.
  if (response.headers['content-length'] !== undefined && Number.isInteger(declared) && declared <= limit)
    return Buffer.from(await response.body.arrayBuffer());
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

/** Decoders by charset (decoding without `stream` keeps no state between calls). */
const decoders = new Map<string, TextDecoder>();

function decode(buffer: Buffer, contentType: string | string[] | undefined): string {
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  const charset = /charset=([^;]+)/i
    .exec(type ?? '')?.[1]
    ?.trim()
    .replace(/^"|"$/g, '')
    .toLowerCase();
  const label = charset ?? 'utf-8';
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
