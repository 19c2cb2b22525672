// io.kestra.plugin.core.http.Request: sends the request and outputs `uri`, `code`, `headers` (lists
// of strings) and `body` (the raw text). A status ≥ 400 fails the task unless `allowFailed`.
import { STATUS_CODES } from 'node:http';
import type { PebbleMap } from '../../expr/values';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import {
  createAgent,
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
    const dispatcher = createAgent(prepared.options);
    try {
      const response = await send(ctx, prepared, dispatcher);
      const limit = prepared.method === 'HEAD' ? Number.MAX_SAFE_INTEGER : prepared.options.maxContentLength;
      const chunks: Buffer[] = [];
      let length = 0;
      try {
        for await (const chunk of response.body) {
          const buffer = chunk as Buffer;
          length += buffer.length;
          if (length > limit) {
            response.body.destroy();
            throw new TaskFailure(
              `The response of ${prepared.url} is larger than options.maxContentLength (${limit} bytes)`,
            );
          }
          chunks.push(buffer);
        }
      } catch (error) {
        if (error instanceof TaskFailure) throw error;
        throw transportFailure(error, prepared, 'reading the response body');
      }
      const body = decode(Buffer.concat(chunks), response.headers['content-type']);
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
    } finally {
      await dispatcher.destroy();
    }
  },
};

function decode(buffer: Buffer, contentType: string | string[] | undefined): string {
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  const charset = /charset=([^;]+)/i
    .exec(type ?? '')?.[1]
    ?.trim()
    .replace(/^"|"$/g, '')
    .toLowerCase();
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(buffer);
  } catch {
    return buffer.toString('utf8');
  }
}
