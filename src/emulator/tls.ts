// A throwaway CA and a server certificate it signed for 127.0.0.1/localhost, made offline at startup. Clients pin
// the CA (or trust it through NODE_EXTRA_CA_CERTS), so TLS stays verified end to end.
import { generate } from 'selfsigned';
import type { EmulatorTls } from './types';

const days = (n: number) => new Date(Date.now() + n * 24 * 3600 * 1000);

export async function createEmulatorTls(): Promise<EmulatorTls> {
  // EC keys: generated in milliseconds, where RSA would add noticeable startup time.
  const common = {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: days(-1),
    notAfterDate: days(365),
  } as const;
  const ca = await generate([{ name: 'commonName', value: 'Graph Sync Explorer emulator CA (local, throwaway)' }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    ...common,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { caCertPem: ca.cert, certPem: leaf.cert, keyPem: leaf.private };
}
