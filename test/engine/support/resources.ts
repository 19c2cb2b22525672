// Counts of live timers and sockets (process.getActiveResourcesInfo), to check a run leaves none.
import { setImmediate as tick } from 'node:timers/promises';

export interface ResourceCounts {
  timers: number;
  sockets: number;
}

export function resourceCounts(): ResourceCounts {
  const info = process.getActiveResourcesInfo();
  return {
    timers: info.filter((name) => name === 'Timeout').length,
    sockets: info.filter((name) => name === 'TCPSocketWrap' || name === 'TCPWRAP').length,
  };
}

/** Counts after letting pending close callbacks run. */
export async function settledResourceCounts(): Promise<ResourceCounts> {
  for (let i = 0; i < 5; i++) await tick();
  return resourceCounts();
}
