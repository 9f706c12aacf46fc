// `npm run emulator`: the emulator as a process of its own, for the extension (graphSync.sampleTenant.endpoint),
// manual testing and other tools. Prints where it listens and how to trust its CA; Ctrl+C stops it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { privateCaFolder, writeCaFile } from './caFolder';
import { parseEmulatorArgs, usage, UsageError } from './cliArgs';
import { sampleTenant } from './sampleTenant';
import { startEmulator } from './server';

export async function main(argv: readonly string[], out: (line: string) => void = console.log): Promise<number> {
  let options;
  try {
    options = parseEmulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options.help) {
    out(usage);
    return 0;
  }
  const emulator = await startEmulator({
    port: options.port,
    servicePrincipalCount: options.servicePrincipalCount,
    cycleSeconds: options.cycleSeconds,
    clock: options.manualClock ? 'manual' : 'real',
    scimServer: options.scimServer,
  });
  for (const rule of options.faults) emulator.faults.add(rule);
  let caFile: string;
  try {
    caFile = path.resolve(options.caOut ?? path.join(privateCaFolder(), 'ca.pem'));
    fs.mkdirSync(path.dirname(caFile), { recursive: true });
    writeCaFile(caFile, emulator.tls.caCertPem);
  } catch (error) {
    await emulator.close();
    out(`Cannot write the CA certificate: ${(error as Error).message}`);
    return 1;
  }
  out(
    [
      `Graph emulator listening at ${emulator.url}`,
      `  tenant id:      ${emulator.tenantId}`,
      `  client id:      ${emulator.credentials.clientId}`,
      `  client secret:  ${emulator.credentials.clientSecret}   (public sample data, valid only here)`,
      `  CA certificate: ${caFile}`,
      `  job cycles:     every ${emulator.clock.cycleSeconds} s (${emulator.clock.mode} clock)`,
      `  SCIM app admin credentials that work: BaseAddress ${emulator.scim?.baseAddress ?? sampleTenant.scimCredentials.BaseAddress}, SecretToken ${sampleTenant.scimCredentials.SecretToken}`,
      ...(emulator.scim
        ? [`  sample SCIM app: ${emulator.scim.baseAddress} (what it holds: ${emulator.url}/_emulator/scim/Users)`]
        : []),
      ...options.faults.map((rule) => `  fault:          ${JSON.stringify(rule)}`),
      '',
      'To use it:',
      `  trust the CA:   NODE_EXTRA_CA_CERTS=${caFile}   (set before starting VS Code or node; it is read at startup)`,
      `  in VS Code:     set "graphSync.sampleTenant.endpoint": "${emulator.url}" and sign in with "sampleTenant"`,
      `  control API:    ${emulator.url}/_emulator/health`,
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  out('Emulator stopped.');
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
