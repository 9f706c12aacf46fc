// Every request the emulator answered (or was asked and never answered), for tests to count round trips.
import type { RequestEntry, RequestFilter } from './types';

/** The in-process sample tenant runs as long as VS Code does: keep the newest entries only. */
const maxEntries = 50_000;

export class RequestLog {
  private log: RequestEntry[] = [];

  record(entry: RequestEntry): RequestEntry {
    this.log.push(entry);
    // Trimmed in chunks, so that a full log does not pay for a copy on every request.
    if (this.log.length > maxEntries + 1000) this.log.splice(0, this.log.length - maxEntries);
    return entry;
  }

  entries(): RequestEntry[] {
    return this.log.map((entry) => ({ ...entry }));
  }

  count(filter: RequestFilter = {}): number {
    const wanted = Object.entries(filter).filter(([, value]) => value !== undefined) as [keyof RequestEntry, unknown][];
    return this.log.filter((entry) => wanted.every(([key, value]) => entry[key] === value)).length;
  }

  clear(): void {
    this.log = [];
  }
}
