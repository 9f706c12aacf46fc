// `npm run bench`, provisioning: a full cycle of 10,000 users against the sample SCIM server on 127.0.0.1 (the first
// cycle creates them all, the second finds nothing to change), users per second, and how the wall time splits
// between the engine and waiting for the SCIM server. The server runs in this process, so "waiting" includes its
// own work (SCIMMY's parsing and storage) as well as HTTP. A cycle must be linear in the number of users: the last
// row compares the time per user of 10,000 users with 1,000 (on a fresh server, after the big run warmed up the JIT),
// in CPU time (this process: engine and server), which other load on a shared machine does not inflate as it does
// wall time.
import { EmulatorClock } from '../src/emulator/clock';
import { provision } from '../src/emulator/provisioning/engine';
import type { DirectoryUser } from '../src/emulator/sampleDirectory';
import { synchronizationSchema } from '../src/emulator/sampleSchema';
import { templateCatalog } from '../src/emulator/sampleTemplates';
import { startScimServer } from '../src/emulator/scim/scimServer';
import type { BenchRow } from './benchSchemaEditing';

function users(count: number): DirectoryUser[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    displayName: `Bench User ${i}`,
    givenName: 'Bench',
    surname: `User${i}`,
    userPrincipalName: `bench.user${i}@contoso.example`,
    mail: `bench.user${i}@contoso.example`,
    accountEnabled: true,
    jobTitle: 'Engineer',
    department: 'Engineering',
  }));
}

interface CycleTiming {
  name: string;
  elapsedMs: number;
  waitedMs: number;
  cpuMs: number;
  requests: number;
}

/** Two cycles of `count` users against a fresh SCIM server: the first creates them all, the second changes nothing. */
async function cycles(count: number): Promise<CycleTiming[]> {
  const token = 'bench-token';
  const server = await startScimServer({ token });
  try {
    const schema = synchronizationSchema('bench', templateCatalog.get('SfOutDelta')!, 'Bench SCIM app');
    const directory = users(count);
    const timings: CycleTiming[] = [];
    for (const [name, expected] of [
      ['first cycle (creates)', count],
      ['second cycle (no changes)', 0],
    ] as const) {
      const before = server.requests().length;
      const cpu = process.cpuUsage();
      const outcome = await provision({
        schema,
        users: directory,
        groups: [],
        baseAddress: server.baseAddress,
        secretToken: token,
        clock: new EmulatorClock('real'),
        settings: [],
        record: false,
      });
      const exported = outcome.entries.filter((e) => e.status === 'success' && e.action !== 'other').length;
      if (exported !== expected) throw new Error(`${count} users, ${name}: exported ${exported}, expected ${expected}`);
      const { user, system } = process.cpuUsage(cpu);
      const { elapsedMs, waitedMs } = outcome;
      timings.push({
        name,
        elapsedMs,
        waitedMs,
        cpuMs: (user + system) / 1000,
        requests: server.requests().length - before,
      });
    }
    return timings;
  } finally {
    await server.close();
  }
}

const usersPerSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));

export async function provisioningRows(): Promise<BenchRow[]> {
  const large = 10_000;
  const small = 1_000;
  const timings = await cycles(large);
  const rows: BenchRow[] = timings.map(({ name, elapsedMs, waitedMs, cpuMs, requests }) => {
    const engine = Math.round(((elapsedMs - waitedMs) / elapsedMs) * 100);
    return {
      measure: `provision ${large} users to the local SCIM server, ${name}`,
      value: `${usersPerSecond(large, elapsedMs)} users/s (${Math.round(elapsedMs)} ms, CPU ${Math.round(cpuMs)} ms)`,
      baseline: `engine ${engine} %, waiting for SCIM ${100 - engine} %`,
      ratio: `${requests} requests`,
    };
  });
  const [smallCreate] = await cycles(small);
  const ratio = (of: (timing: CycleTiming) => number) =>
    Math.round((of(timings[0]) / large / (of(smallCreate) / small)) * 100) / 100;
  rows.push({
    measure: `provision, first cycle: time per user at ${large} / at ${small} users`,
    value: `${ratio((t) => t.cpuMs)}x in CPU time (${ratio((t) => t.elapsedMs)}x wall)`,
    baseline: `1x (linear); ${usersPerSecond(small, smallCreate.elapsedMs)} users/s at ${small}`,
    ratio: '-',
  });
  return rows;
}
