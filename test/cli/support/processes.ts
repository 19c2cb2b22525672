// What is left of a process tree after a run: whether a process still exists, its descendants, and
// the processes whose command line names a file (Linux /proc; elsewhere the lists are empty).
import { readdirSync, readFileSync } from 'node:fs';

/** Whether a process with this id exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

function processIds(): number[] {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [];
  }
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** Ids of the descendants of `pid`, nearest first. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const id of processIds()) {
    const stat = read(`/proc/${id}/stat`);
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const parent = stat === undefined ? NaN : Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isNaN(parent)) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** Ids of the processes (other than this one) whose command line contains `text`. */
export function processesMentioning(text: string): number[] {
  return processIds().filter(
    (id) => id !== process.pid && (read(`/proc/${id}/cmdline`) ?? '').split('\0').join(' ').includes(text),
  );
}
