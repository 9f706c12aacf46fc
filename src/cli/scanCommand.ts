// `graph-sync scan`: signs in without VS Code, scans the tenant's provisioning jobs, prints text, JSON or SARIF, and
// exits 1 when a job is in quarantine or failing (for CI).
import { version as toolVersion } from '../../package.json';
import {
  createCredential,
  CredentialSettingsError,
  type CredentialRequest,
  type SignInMethod,
} from '../auth/credentials';
import { sampleTenant } from '../emulator/sampleTenant';
import { GraphClient } from '../graph/client';
import { loopbackEndpoint, nationalClouds, provisioningPortalUrl } from '../graph/clouds';
import { GraphRequestError } from '../graph/errors';
import { scanTenant, type ScanMemory } from '../health/scan';
import { describeReuse, memoryFromJson, memoryToJson, reuseMaxAgeMs } from '../health/scanMemory';
import { collectScan, hasErrors } from '../health/scanReport';
import { scanToSarif } from '../health/sarif';
import { parseScanArgs, scanUsage, type ScanArgs } from './scanArgs';
import { scanJson, scanText } from './scanOutput';
import { InputError, UsageError } from './usage';
import type { CliIo } from './validateCommand';

export interface ScanIo extends CliIo {
  env: Record<string, string | undefined>;
  signal?: AbortSignal;
}

const methods: Record<ScanArgs['auth'], SignInMethod> = {
  'azure-cli': 'azureCli',
  'client-secret': 'clientSecret',
  certificate: 'clientCertificate',
  'device-code': 'deviceCode',
  emulator: 'sampleTenant',
};

function endpointOf(args: ScanArgs) {
  if (!args.emulator) return nationalClouds[args.cloud];
  try {
    return loopbackEndpoint(args.emulator);
  } catch (error) {
    throw new UsageError(`--emulator: ${(error as Error).message}`);
  }
}

async function clientFor(args: ScanArgs, io: ScanIo): Promise<GraphClient> {
  const endpoint = endpointOf(args);
  const trustedCaPem = args.emulatorCa
    ? await io
        .readFile(args.emulatorCa)
        .then((bytes) => Buffer.from(bytes).toString('utf8'))
        .catch((error: Error) => Promise.reject(new InputError(`cannot read ${args.emulatorCa}: ${error.message}`)))
    : undefined;
  const request: CredentialRequest = {
    method: methods[args.auth],
    endpoint,
    tenant: args.emulator ? sampleTenant.tenantId : args.tenant,
    clientId: args.emulator ? sampleTenant.credentials.clientId : (args.clientId ?? ''),
    // A secret on the command line would land in shell history and the process list: environment only.
    clientSecret: args.emulator ? sampleTenant.credentials.clientSecret : io.env.GRAPH_SYNC_CLIENT_SECRET,
    certificatePath: args.certificate,
    trustedCaPem,
    onDeviceCode: (info) => io.stderr(`${info.message}\n`),
  };
  let credential;
  try {
    credential = createCredential(request);
  } catch (error) {
    if (!(error instanceof CredentialSettingsError)) throw error;
    const secretHint = args.auth === 'client-secret' ? ' Set the GRAPH_SYNC_CLIENT_SECRET environment variable.' : '';
    throw new InputError(`${error.message}${secretHint}`);
  }
  const { scopes } = credential;
  return new GraphClient({
    endpoint,
    credential: credential.credential,
    scopes,
    defaultVersion: args.version,
    acceptLanguage: 'en-US',
    trustedCaPem,
  });
}

export async function scanCommand(argv: string[], io: ScanIo): Promise<number> {
  const args = parseScanArgs(argv);
  if (args === 'help') {
    io.stdout(`${scanUsage}\n`);
    return 0;
  }
  const client = await clientFor(args, io);
  const tenant = args.emulator ? sampleTenant.tenantId : args.tenant;
  const memory = args.reuse ? await readMemory(args.reuse, tenant, io) : undefined;
  const scannedAt = new Date();
  const started = performance.now();
  let result;
  try {
    result = await collectScan(
      scanTenant(client, {
        version: args.version,
        concurrency: args.concurrency,
        allServicePrincipals: args.allServicePrincipals,
        now: scannedAt,
        signal: io.signal,
        reuse: memory && { memory, maxAgeMs: reuseMaxAgeMs },
      }),
    );
  } catch (error) {
    if (!(error instanceof GraphRequestError)) throw error;
    const ids = [error.code, error.requestId && `request-id ${error.requestId}`].filter(Boolean).join(', ');
    io.stderr(`graph-sync: the scan failed: ${error.message}${ids ? ` (${ids})` : ''}\n${error.hint}\n`);
    return 2;
  }
  if (args.reuse)
    await io
      .writeFile(args.reuse, memoryToJson(result.memory, tenant))
      .catch((error: Error) => Promise.reject(new InputError(`cannot write ${args.reuse}: ${error.message}`)));
  const reused = memory && describeReuse(result.progress, memory, scannedAt);
  if (reused) io.stderr(`graph-sync: ${reused}; delete ${args.reuse} to read every job list\n`);
  const endpoint = endpointOf(args);
  if (args.format === 'json')
    io.stdout(scanJson(result, { tenant, scannedAt: scannedAt.toISOString(), version: args.version }));
  else if (args.format === 'sarif') {
    const portalUrl = (row: (typeof result.rows)[number]) =>
      provisioningPortalUrl(endpoint, row.servicePrincipal.id, row.servicePrincipal.appId);
    io.stdout(
      `${JSON.stringify(scanToSarif(result.rows, result.problems, { toolVersion, graphRoot: `${endpoint.graphUrl}/${args.version}`, portalUrl }), null, 2)}\n`,
    );
  } else io.stdout(scanText(result));
  io.stderr(`graph-sync: scanned in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return hasErrors(result.rows) ? 1 : 0;
}

/** The --reuse file's memory; none when the file does not exist yet, is not one, or is another tenant's. */
async function readMemory(file: string, tenant: string, io: ScanIo): Promise<ScanMemory | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const memory = memoryFromJson(Buffer.from(bytes).toString('utf8'), tenant);
  if (!memory) io.stderr(`graph-sync: ${file} is not a scan of this tenant; reading every job list\n`);
  return memory;
}
