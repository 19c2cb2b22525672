// A strict multipart/form-data reader (RFC 7578) for the fake server, written independently of the
// client's encoder so that the two check each other: CRLF line ends, a `--boundary` delimiter line,
// part headers, `Content-Disposition: form-data; name="…"[; filename="…"]`, a closing `--boundary--`.

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export class MultipartError extends Error {}

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw new MultipartError('the body does not start with the boundary');
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') return parts;
    if (body.subarray(position, position + 2).toString() !== '\r\n')
      throw new MultipartError('a boundary line must end with CRLF');
    position += 2;
    const headersEnd = body.indexOf('\r\n\r\n', position);
    if (headersEnd < 0) throw new MultipartError('part headers are not terminated');
    const headers = parseHeaders(body.subarray(position, headersEnd).toString('utf8'));
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
    if (next < 0) throw new MultipartError('a part is not terminated by the boundary');
    parts.push({
      ...disposition(headers['content-disposition']),
      contentType: headers['content-type'],
      data: body.subarray(headersEnd + 4, next),
    });
    position = next + 2;
  }
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`bad part header line '${line}'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function disposition(value: string | undefined): { name: string; filename?: string } {
  if (!value || !/^form-data\s*;/i.test(value))
    throw new MultipartError('a part has no Content-Disposition: form-data');
  const params: Record<string, string> = {};
  for (const match of value.matchAll(/;\s*([a-z*]+)="((?:[^"\\]|\\.)*)"/gi))
    params[match[1].toLowerCase()] = match[2].replace(/\\(.)/g, '$1');
  if (params.name === undefined) throw new MultipartError('a part has no name');
  return { name: params.name, ...(params.filename !== undefined ? { filename: params.filename } : {}) };
}
