// `graph-sync scan` options: parsed and checked here, so that the command only runs with a sensible sign-in.
import { parseArgs } from 'node:util';
import { cloudIds, type CloudId } from '../graph/clouds';
import type { ApiVersion } from '../graph/types';
import { UsageError } from './usage';

export const scanUsage = `Usage: graph-sync scan --tenant <id|domain> [options]
       graph-sync scan --emulator https://127.0.0.1:PORT [options]

Scans every service principal that can have provisioning jobs, judges each job (quarantine, failing, stale, legacy
template, never started, disabled, paused) and prints the findings worst first.

Sign-in (what makes sense outside VS Code):
  --auth azure-cli             the Azure CLI's account (az login; the default)
  --auth client-secret         app-only: --client-id, secret from the GRAPH_SYNC_CLIENT_SECRET environment variable
  --auth certificate           app-only: --client-id and --certificate <PEM with certificate and private key>
  --auth device-code           delegated: --client-id of a public client app; the code is printed on stderr
  --tenant <id|domain>         the tenant (required except with --emulator)
  --client-id <id>             the app registration
  --emulator <url>             a local Graph emulator (npm run emulator); trust its CA with --emulator-ca <file>
                               or NODE_EXTRA_CA_CERTS

Options:
  --cloud ${cloudIds.join('|')}   national cloud (default: Global)
  --api-version v1.0|beta      Graph version (default: v1.0)
  --json                       one JSON document on stdout
  --sarif                      SARIF 2.1.0 on stdout (for CI and VS Code's SARIF viewer)
  --concurrency N              requests in flight, 1-16 (default: 6)
  --all-service-principals     read every service principal's jobs, not only those from application templates
  --reuse <file>               keep what the scan read in <file>; the next scan with it does not ask again for the
                               jobs of service principals that had none less than an hour before (a job created
                               meanwhile on such an app is missed until then; delete the file to read everything)
  -h, --help                   show this help

Permissions: Synchronization.Read.All (or ReadWrite) and Application.Read.All.
Exit status: 0 nothing in quarantine or failing, 1 a job is in quarantine or failing, 2 usage error or the scan
could not run (sign-in refused, Graph unreachable).`;

export type ScanAuth = 'azure-cli' | 'client-secret' | 'certificate' | 'device-code' | 'emulator';

export interface ScanArgs {
  auth: ScanAuth;
  tenant: string;
  clientId?: string;
  certificate?: string;
  emulator?: string;
  emulatorCa?: string;
  cloud: CloudId;
  version: ApiVersion;
  format: 'text' | 'json' | 'sarif';
  concurrency: number;
  allServicePrincipals: boolean;
  /** The file a scan's memory is kept in between runs (see ScanOptions.reuse). */
  reuse?: string;
}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function parseScanArgs(args: string[]): ScanArgs | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      auth: { type: 'string' },
      tenant: { type: 'string' },
      'client-id': { type: 'string' },
      certificate: { type: 'string' },
      emulator: { type: 'string' },
      'emulator-ca': { type: 'string' },
      cloud: { type: 'string' },
      'api-version': { type: 'string' },
      json: { type: 'boolean' },
      sarif: { type: 'boolean' },
      concurrency: { type: 'string' },
      'all-service-principals': { type: 'boolean' },
      reuse: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.json && values.sarif) throw new UsageError('choose one of --json and --sarif');
  const auth =
    values.emulator !== undefined
      ? 'emulator'
      : oneOf('auth', values.auth, ['azure-cli', 'client-secret', 'certificate', 'device-code'] as const, 'azure-cli');
  if (values.emulator !== undefined && values.auth !== undefined)
    throw new UsageError('--emulator signs in as the sample app; leave out --auth');
  if (auth !== 'emulator' && !values.tenant) throw new UsageError('--tenant is required');
  if ((auth === 'client-secret' || auth === 'certificate' || auth === 'device-code') && !values['client-id'])
    throw new UsageError(`--auth ${auth} needs --client-id`);
  if (auth === 'certificate' && !values.certificate)
    throw new UsageError('--auth certificate needs --certificate <file>');
  const concurrency = values.concurrency === undefined ? 6 : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    throw new UsageError(`--concurrency must be a whole number from 1 to 16, not "${values.concurrency}"`);
  return {
    auth,
    tenant: values.tenant ?? '',
    clientId: values['client-id'],
    certificate: values.certificate,
    emulator: values.emulator,
    emulatorCa: values['emulator-ca'],
    cloud: oneOf('cloud', values.cloud, cloudIds, 'Global'),
    version: oneOf('api-version', values['api-version'], ['v1.0', 'beta'] as const, 'v1.0'),
    format: values.json ? 'json' : values.sarif ? 'sarif' : 'text',
    concurrency,
    allServicePrincipals: values['all-service-principals'] ?? false,
    reuse: values.reuse,
  };
}
