import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Settings for a closed network and a calm workbench: every feature that would call out (chat/AI, telemetry,
 * updates, experiments, the marketplace, git) is off, and nothing opens on startup.
 */
const quietUserSettings = {
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'security.workspace.trust.enabled': false,
  // A view's title actions (Filter, Clear Filter…) stay visible when the view shares its container, not only on hover.
  'workbench.view.alwaysShowHeaderActions': true,
};

/** Seeds a fresh VS Code user-data dir with the quiet settings plus the test's own. */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietUserSettings, ...settings }, null, 2),
  );
}
