// The command line of `npm run emulator`.
import { validateFaultRule } from './faults';
import type { FaultRule } from './types';

export interface EmulatorCliOptions {
  port: number;
  servicePrincipalCount?: number;
  caOut?: string;
  faults: FaultRule[];
  cycleSeconds?: number;
  manualClock: boolean;
  scimServer: boolean;
  help: boolean;
}

export const defaultPort = 8443;

export const usage = `Usage: npm run emulator -- [options]

A local Microsoft Graph (synchronization API) and Entra token endpoint with a sample tenant, over HTTPS.

Options:
  --port <n>                 port on 127.0.0.1 (default ${defaultPort}; 0 picks a free one)
  --service-principals <n>   tenant size: the sample service principals topped up with generated ones
  --ca-out <file>            where to write the CA certificate (default: ca.pem in a private folder, mode 0700, in the temp folder)
  --fault <route:kind[:n]>   inject a fault, e.g. createJob:unavailable:1 or *:throttle (repeatable)
  --latency <ms>             delay every answer by this many milliseconds
  --cycle-seconds <n>        seconds between a started job's synchronization cycles (default 15; real tenants: 40 min)
  --manual-clock             time stands still until POST /_emulator/clock/advance {"seconds": n}
  --scim-server              start the sample SCIM app (a real SCIM 2.0 server on 127.0.0.1): the sample jobs provision to it
  --help                     show this help`;

export class UsageError extends Error {}

function count(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || n < min)
    throw new UsageError(
      `${name} needs a whole number${min > 0 ? ` of at least ${min}` : ''}, not ${JSON.stringify(value ?? '')}.`,
    );
  return n;
}

/** A rule checked as the admin API checks it (bounds included), its complaint as a usage error. */
function checked(option: string, rule: () => unknown): FaultRule {
  try {
    return validateFaultRule(rule());
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${option}: ${(error as Error).message}.`);
  }
}

function fault(text: string | undefined): FaultRule {
  const [route, kind, times, extra] = (text ?? '').split(':');
  if (!route || !kind || extra !== undefined)
    throw new UsageError(`--fault needs route:kind[:times], not ${JSON.stringify(text ?? '')}.`);
  return checked(`--fault ${text}`, () => ({
    route,
    kind,
    ...(times === undefined ? {} : { times: count('--fault times', times, 1) }),
  }));
}

export function parseEmulatorArgs(argv: readonly string[]): EmulatorCliOptions {
  const options: EmulatorCliOptions = {
    port: defaultPort,
    faults: [],
    manualClock: false,
    scimServer: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i];
    switch (argv[i]) {
      case '--port':
        options.port = count('--port', value(), 0);
        if (options.port > 65535) throw new UsageError('--port must be at most 65535.');
        break;
      case '--service-principals':
        options.servicePrincipalCount = count('--service-principals', value(), 0);
        break;
      case '--ca-out':
        options.caOut = value();
        if (!options.caOut) throw new UsageError('--ca-out needs a file name.');
        break;
      case '--fault':
        options.faults.push(fault(value()));
        break;
      case '--latency':
        options.faults.push(
          checked('--latency', () => ({ route: '*', kind: 'latency', latencyMs: count('--latency', value(), 0) })),
        );
        break;
      case '--cycle-seconds':
        options.cycleSeconds = count('--cycle-seconds', value(), 1);
        break;
      case '--manual-clock':
        options.manualClock = true;
        break;
      case '--scim-server':
        options.scimServer = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`Unknown option ${JSON.stringify(argv[i])}.`);
    }
  }
  return options;
}
