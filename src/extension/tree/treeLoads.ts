import type { GraphClient } from '../../graph/client';
import type { ConnectionManager } from '../connection';

/** What a load of the tree ended with, settled like Promise.allSettled's entries; undefined when a refresh cancelled it. */
export type Load<T> = Promise<PromiseSettledResult<T> | undefined>;

/**
 * The tree's reads from Graph: each runs with the current connection and a signal that a refresh aborts. Any failure
 * is kept (the tree shows an error node with a retry); a load cancelled by a refresh ends as undefined.
 */
export class TreeLoads {
  private controller = new AbortController();

  constructor(private readonly connection: ConnectionManager) {}

  /** The signal of the loads running now (aborted by the next cancelAll). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  async run<T>(read: (client: GraphClient, signal: AbortSignal) => Promise<T>): Load<T> {
    const signal = this.controller.signal;
    try {
      return { status: 'fulfilled', value: await read(this.connection.requireConnection().client, signal) };
    } catch (reason) {
      return signal.aborted ? undefined : { status: 'rejected', reason };
    }
  }

  cancelAll(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  dispose(): void {
    this.controller.abort();
  }
}
