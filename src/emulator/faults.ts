// Injected faults: rules that match requests by route and are used up after `times` matches.
import { faultKinds, routeNames, type FaultKind, type FaultRule, type RouteName } from './types';

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

const knownRoutes: ReadonlySet<string> = new Set<RouteName | '*'>(['*', ...routeNames]);

/**
 * Upper bounds (chosen here, not Graph's): ten minutes of latency or invisibility and an hour of Retry-After outlast
 * any test or demo, and keep a typo from holding a socket for days. Node's timers also cap at 2^31-1 ms and fire at
 * once beyond it, which would turn a huge latency into none.
 */
const maxima: Record<string, number> = {
  times: 1_000_000,
  retryAfterSeconds: 3600,
  latencyMs: 600_000,
  durationMs: 600_000,
};

const optionalNumber = (rule: Record<string, unknown>, name: string) => {
  const value = rule[name];
  if (
    value !== undefined &&
    (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > maxima[name])
  ) {
    throw new TypeError(`${name} must be a number from 0 to ${maxima[name]}`);
  }
};

/** Checks a rule that came from outside (admin API, CLI); throws a TypeError saying what is wrong. */
export function validateFaultRule(value: unknown): FaultRule {
  if (!value || typeof value !== 'object') throw new TypeError('a fault rule is an object');
  const rule = value as Record<string, unknown>;
  if (typeof rule.route !== 'string' || !knownRoutes.has(rule.route))
    throw new TypeError(`unknown route ${JSON.stringify(rule.route)}; one of ${[...knownRoutes].join(', ')}`);
  if (typeof rule.kind !== 'string' || !(faultKinds as readonly string[]).includes(rule.kind)) {
    throw new TypeError(`unknown fault kind ${JSON.stringify(rule.kind)}; one of ${faultKinds.join(', ')}`);
  }
  if (rule.when !== undefined && rule.when !== 'before' && rule.when !== 'after')
    throw new TypeError('when is "before" or "after"');
  for (const name of Object.keys(maxima)) optionalNumber(rule, name);
  if (rule.times !== undefined && !Number.isInteger(rule.times)) throw new TypeError('times must be a whole number');
  return rule as unknown as FaultRule;
}

export class FaultStore {
  private rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    const checked = validateFaultRule(rule);
    this.rules.push({ rule: { ...checked }, remaining: checked.times ?? Infinity });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules in force, each with the matches it has left as `times`. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) =>
      Number.isFinite(remaining) ? { ...rule, times: remaining } : { ...rule },
    );
  }

  /** Rules of these kinds that match the route, in the order they were added; not used up. */
  matching(route: RouteName, kinds: readonly FaultKind[]): FaultRule[] {
    return this.rules
      .filter(
        ({ rule, remaining }) =>
          remaining > 0 && (rule.route === '*' || rule.route === route) && kinds.includes(rule.kind),
      )
      .map(({ rule }) => rule);
  }

  /** Counts one match against the rule; a rule with no matches left is dropped. */
  use(rule: FaultRule): void {
    const active = this.rules.find((candidate) => candidate.rule === rule);
    if (!active) return;
    active.remaining -= 1;
    if (active.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== active);
  }
}
