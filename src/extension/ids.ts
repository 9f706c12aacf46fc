// Every id the extension shares with package.json: commands, views and context keys. package.json mirrors these
// (test/host/contributions.test.ts keeps the two equal); code names them through these constants only.

export const commandIds = {
  signIn: 'graphSync.signIn',
  signOut: 'graphSync.signOut',
  switchConnection: 'graphSync.switchConnection',
  connectSampleTenant: 'graphSync.connectSampleTenant',
  setClientSecret: 'graphSync.setClientSecret',
  selectApiVersion: 'graphSync.selectApiVersion',
  showLog: 'graphSync.showLog',
  refresh: 'graphSync.refresh',
  refreshServicePrincipal: 'graphSync.refreshServicePrincipal',
  filter: 'graphSync.filter',
  clearFilter: 'graphSync.clearFilter',
  showAllServicePrincipals: 'graphSync.showAllServicePrincipals',
  showTemplateServicePrincipals: 'graphSync.showTemplateServicePrincipals',
  loadMore: 'graphSync.loadMore',
  copyObjectId: 'graphSync.copyObjectId',
  openInEntra: 'graphSync.openInEntra',
  createJob: 'graphSync.createJob',
  showJob: 'graphSync.showJob',
  startJob: 'graphSync.startJob',
  pauseJob: 'graphSync.pauseJob',
  restartJob: 'graphSync.restartJob',
  deleteJob: 'graphSync.deleteJob',
  scanTenant: 'graphSync.scanTenant',
  scanTenantFull: 'graphSync.scanTenantFull',
  openScannedJob: 'graphSync.openScannedJob',
  showProvisioningLogs: 'graphSync.showProvisioningLogs',
  openJobView: 'graphSync.openJobView',
  setCredentials: 'graphSync.setCredentials',
  testConnection: 'graphSync.testConnection',
  provisionOnDemand: 'graphSync.provisionOnDemand',
  editSchema: 'graphSync.editSchema',
  resetSchema: 'graphSync.resetSchema',
  compareSchemaWithTemplate: 'graphSync.compareSchemaWithTemplate',
  exportSchema: 'graphSync.exportSchema',
  restoreSchemaBackup: 'graphSync.restoreSchemaBackup',
  testExpression: 'graphSync.testExpression',
  showScimTraffic: 'graphSync.showScimTraffic',
} as const;

export type CommandId = (typeof commandIds)[keyof typeof commandIds];

export const viewContainerId = 'graphSync';

export const viewIds = {
  servicePrincipals: 'graphSync.servicePrincipals',
  health: 'graphSync.health',
} as const;

/** Webview panel types (the serializer and `onWebviewPanel:` activation use them). */
export const panelTypes = {
  response: 'graphSync.response',
  provisioningLogs: 'graphSync.provisioningLogs',
  jobView: 'graphSync.jobView',
  scimTraffic: 'graphSync.scimTraffic',
} as const;

/** Context keys that package.json's `when` clauses read. */
export const contextKeys = {
  signedIn: 'graphSync.signedIn',
  onlyFromApplicationTemplates: 'graphSync.onlyFromApplicationTemplates',
  /** A name filter is on: Clear Filter stands next to Filter in the view's title bar. */
  filtered: 'graphSync.filtered',
} as const;

/** Ids of other contributions that are not commands or views. */
export const statusBarItemIds = {
  connection: 'graphSync.connection',
} as const;
