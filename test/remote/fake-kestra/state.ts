// What the fake server holds and how it answers: stored flows, running executions with their
// followers, and reply helpers shared by the route handlers.
import type { ServerResponse } from 'node:http';
import type { FakeFlow } from './flow-source';
import type { Behaviours, ExecutionJson, SimulatedExecution } from './simulation';

export interface StoredFlow {
  flow: FakeFlow;
  source: string;
  revision: number;
  tenant?: string;
}

export interface LiveExecution {
  simulation: SimulatedExecution;
  tenant?: string;
  followers: Set<(snapshot: ExecutionJson, end: boolean) => void>;
  logFollowers: Set<(entry: Record<string, unknown>) => void>;
}

/** Cuts an event stream connection this many events in, for the next `times` connections. */
export interface StreamDrop {
  afterEvents: number;
  times: number;
}

export interface Faults {
  dropFollow?: StreamDrop;
  dropLogs?: StreamDrop;
  /** Matching requests are read and never answered (the connection stays open). */
  neverAnswer?: (method: string, path: string) => boolean;
  /** Matching requests get a 500 Internal server error. */
  fail500?: (method: string, path: string) => boolean;
}

export interface ServerState {
  flows: Map<string, StoredFlow>;
  executions: Map<string, LiveExecution>;
  behaviours: Behaviours;
  faults: Faults;
  tickMs: number;
  publicUrl: string | null;
  clock: () => string;
  newId: () => string;
  /** Kill requests received, by execution id. */
  kills: string[];
}

export function flowKey(tenant: string | undefined, namespace: string, id: string): string {
  return `${tenant ?? ''}|${namespace}|${id}`;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function openEventStream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
}

export function writeEvent(res: ServerResponse, id: string, data: unknown): void {
  res.write(`id: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Breaks a stream mid-event: half an event, then the socket is destroyed without a proper end. */
export function cutStream(res: ServerResponse): void {
  const socket = res.socket;
  res.write('id: progress\ndata: {"id":"', () => socket?.destroy());
  // Nothing more may be written on this response.
  cutResponses.add(res);
}

const cutResponses = new WeakSet<ServerResponse>();

/** True once a response is gone: ended, destroyed, or cut by a fault. */
export function isGone(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded || cutResponses.has(res);
}

/** Takes one drop from a fault budget, if any is left. */
export function takeDrop(drop: StreamDrop | undefined): number | undefined {
  if (!drop || drop.times <= 0) return undefined;
  drop.times--;
  return drop.afterEvents;
}

/** 22 base62 characters, like Kestra's ids. */
export function friendlyId(): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let id = '';
  for (let i = 0; i < 22; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  return id;
}

/** A deterministic clock: 2024-12-20T10:00:00.000Z, then 100 ms later at every reading. */
export function steppingClock(): () => string {
  let now = Date.parse('2024-12-20T10:00:00.000Z');
  return () => {
    const value = new Date(now).toISOString();
    now += 100;
    return value;
  };
}
