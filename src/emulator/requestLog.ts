// Every request the emulator answered (or was asked and never answered), for tests to count round trips and to wait
// for the server to have a request (instead of sleeping and hoping it arrived).
import type { RequestEntry, RequestFilter, RequestStage } from './types';

/** The in-process sample tenant runs as long as VS Code does: keep the newest entries only. */
const maxEntries = 50_000;

interface Waiter {
  filter: RequestFilter;
  stage: RequestStage;
  resolve: (entry: RequestEntry) => void;
}

const matches = (entry: RequestEntry, filter: RequestFilter) =>
  (Object.entries(filter) as [keyof RequestEntry, unknown][]).every(
    ([key, value]) => value === undefined || entry[key] === value,
  );

export class RequestLog {
  private log: RequestEntry[] = [];
  private readonly applied = new WeakSet<RequestEntry>();
  private waiters: Waiter[] = [];

  record(entry: RequestEntry): RequestEntry {
    this.log.push(entry);
    // Trimmed in chunks, so that a full log does not pay for a copy on every request.
    if (this.log.length > maxEntries + 1000) this.log.splice(0, this.log.length - maxEntries);
    this.notify(entry, 'received');
    return entry;
  }

  /** The route's handler has run: the request took effect (a job exists), whatever answer follows. */
  markApplied(entry: RequestEntry): void {
    this.applied.add(entry);
    this.notify(entry, 'applied');
  }

  /** Resolves with the first matching request the server has received (or applied); at once if it already has. */
  waitFor(filter: RequestFilter, stage: RequestStage = 'received'): Promise<RequestEntry> {
    const seen = this.log.find((entry) => matches(entry, filter) && (stage === 'received' || this.applied.has(entry)));
    if (seen) return Promise.resolve({ ...seen });
    return new Promise((resolve) => this.waiters.push({ filter, stage, resolve }));
  }

  entries(): RequestEntry[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  count(filter: RequestFilter = {}): number {
    return this.log.filter((entry) => matches(entry, filter)).length;
  }

  clear(): void {
    this.log = [];
  }

  private notify(entry: RequestEntry, stage: RequestStage): void {
    const [ready, waiting] = partition(
      this.waiters,
      (waiter) => waiter.stage === stage && matches(entry, waiter.filter),
    );
    this.waiters = waiting;
    for (const waiter of ready) waiter.resolve({ ...entry });
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
