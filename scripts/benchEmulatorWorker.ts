// `npm run bench`: an emulator in a worker thread, so that it runs on its own core as Graph runs on its own servers,
// and the scan measured in the main thread pays only for its own work. Controlled through the control API.
import { parentPort, workerData } from 'node:worker_threads';
import { startEmulator } from '../src/emulator';

void startEmulator({
  servicePrincipalCount: (workerData as { servicePrincipalCount: number }).servicePrincipalCount,
}).then((emulator) => {
  parentPort!.postMessage({
    url: emulator.url,
    tls: emulator.tls,
    tenantId: emulator.tenantId,
    credentials: emulator.credentials,
  });
  parentPort!.once('message', () => void emulator.close().then(() => process.exit(0)));
});
