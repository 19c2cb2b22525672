// io.kestra.plugin.core.http.Download: streams the response body into the run's storage folder and
// outputs its `kestra:///…` `uri`, `code`, `length` and `headers`. The stored file takes its name
// from Content-Disposition, else from the URL path. Only options.readTimeout between reads bounds the
// transfer: Kestra streams it (Micronaut's exchangeStream), without the whole-exchange cap of Request.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import {
  dispatcherFor,
  headerLists,
  prepareRequest,
  send,
  statusFailure,
  transportFailure,
} from './http-common';

/** `filename*=UTF-8''a%20b.csv` or `filename="a.csv"`, without path components. */
export function dispositionFileName(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(value)?.[1]?.trim();
  let name: string | undefined;
  if (extended) {
    const encoded = extended.replace(/^[^']*'[^']*'/, '').replace(/^"|"$/g, '');
    try {
      name = decodeURIComponent(encoded);
    } catch {
      name = encoded;
    }
  } else {
    name =
      /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(value)?.[2] ??
      /filename\s*=\s*([^;]+)/i.exec(value)?.[1]?.trim();
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : undefined;
}

function urlFileName(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop();
  return last ? decodeURIComponent(last) : 'download';
}

export const downloadTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const prepared = await prepareRequest(ctx);
    const dispatcher = dispatcherFor(ctx, prepared.options);
    const response = await send(ctx, prepared, dispatcher);
    const allowFailed = ctx.prop('allowFailed') === true;
    if (response.statusCode >= 400 && !allowFailed) {
      response.body.destroy();
      throw statusFailure(prepared.url, response.statusCode, STATUS_CODES[response.statusCode] ?? '');
    }
    const fileName =
      dispositionFileName(response.headers['content-disposition']) ?? urlFileName(prepared.url);
    const target = ctx.storage.taskFilePath(ctx.task.id, ctx.taskRun.id, fileName);
    let length = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        length += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(response.body, counter, createWriteStream(target.path));
    } catch (error) {
      await rm(target.path, { force: true });
      throw transportFailure(error, prepared, 'downloading the response body');
    }
    const declared = Number(response.headers['content-length']);
    if (
      response.headers['content-length'] !== undefined &&
      Number.isFinite(declared) &&
      declared !== length
    ) {
      throw new TaskFailure(`Invalid size, got ${length}, expected ${declared}`);
    }
    if (length === 0 && ctx.prop('failOnEmptyResponse') !== false) {
      if (!allowFailed)
        throw new TaskFailure(`No response from server: ${prepared.url} returned an empty body`);
      ctx.log('WARN', 'No response from server');
    }
    return {
      outputs: {
        uri: target.uri,
        code: response.statusCode,
        length,
        headers: headerLists(response.headers),
      },
    };
  },
};
