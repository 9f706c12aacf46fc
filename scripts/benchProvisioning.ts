// `npm run bench`, provisioning: a full cycle of 10,000 users against the sample SCIM server on 127.0.0.1 (the first
// cycle creates them all, the second finds nothing to change), users per second, and how the wall time splits
// between the engine and waiting for the SCIM server. The server runs in this process, so "waiting" includes its
// own work (SCIMMY's parsing and storage) as well as HTTP.
import { EmulatorClock } from '../src/emulator/clock';
import { provision } from '../src/emulator/provisioning/engine';
import type { DirectoryUser } from '../src/emulator/sampleDirectory';
import { synchronizationSchema } from '../src/emulator/sampleSchema';
import { templateCatalog } from '../src/emulator/sampleTemplates';
import { startScimServer } from '../src/emulator/scim/scimServer';
import type { BenchRow } from './benchSchemaEditing';

const userCount = 10_000;

function users(): DirectoryUser[] {
  return Array.from({ length: userCount }, (_, i) => ({
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

export async function provisioningRows(): Promise<BenchRow[]> {
  const token = 'bench-token';
  const server = await startScimServer({ token });
  try {
    const schema = synchronizationSchema('bench', templateCatalog.get('SfOutDelta')!, 'Bench SCIM app');
    const directory = users();
    const run = () =>
      provision({
        schema,
        users: directory,
        groups: [],
        baseAddress: server.baseAddress,
        secretToken: token,
        clock: new EmulatorClock('real'),
        settings: [],
        record: false,
      });
    const rows: BenchRow[] = [];
    for (const [name, expected] of [
      ['first cycle (creates)', userCount],
      ['second cycle (no changes)', 0],
    ] as const) {
      const outcome = await run();
      const exported = outcome.entries.filter((e) => e.status === 'success' && e.action !== 'other').length;
      if (exported !== expected) throw new Error(`${name}: exported ${exported}, expected ${expected}`);
      const engineShare = (outcome.elapsedMs - outcome.waitedMs) / outcome.elapsedMs;
      rows.push({
        measure: `provision ${userCount} users to the local SCIM server, ${name}`,
        value: `${Math.round(userCount / (outcome.elapsedMs / 1000))} users/s (${Math.round(outcome.elapsedMs)} ms)`,
        baseline: `engine ${Math.round(engineShare * 100)} %, waiting for SCIM ${Math.round((1 - engineShare) * 100)} %`,
        ratio: `${server.requests().length} requests so far`,
      });
    }
    return rows;
  } finally {
    await server.close();
  }
}
