import { format } from 'node:util';

/**
 * In smoke-test-driver mode the workbench forwards its console and the extension host's through
 * window.codeAutomationLog(type, args), with printf-style arguments (mocha's reporter uses them).
 */
export function formatAutomationLog(args: unknown): string {
  const list = Array.isArray(args) ? args : [args];
  if (typeof list[0] === 'string') return format(...list);
  return list.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ');
}

// Lines the workbench logs on every start that say nothing about our tests.
const noise = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^(Updating|Ignoring fetching) additional builtin/,
  /^\[Extension Host\] (debugger|Debugger) listening/,
  /^Started local extension host/,
  /^No search provider registered for scheme/,
  /^\s*$/,
];

export function isWorkbenchNoise(line: string): boolean {
  return noise.some((pattern) => pattern.test(line));
}
