// The Graph synchronization emulator: a local HTTPS Microsoft Graph + Entra token endpoint with a sample tenant.
export { startEmulator } from './server';
export { createEmulatorTls } from './tls';
export { sampleTenant } from './sampleTenant';
export { EmulatorControl } from './control';
export { faultKinds } from './types';
export type {
  CycleReport,
  EmulatorClockControl,
  EmulatorHealth,
  EmulatorOptions,
  EmulatorTls,
  FaultKind,
  FaultRule,
  RequestEntry,
  RequestFilter,
  RequestStage,
  RouteName,
  RunningEmulator,
  SampleAppCredentials,
} from './types';
