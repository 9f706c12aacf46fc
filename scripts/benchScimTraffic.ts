// Bench rows for the SCIM traffic view (issue 13): a cycle of 10,000 users is ~20,000 requests; the view reads the
// emulator's answer (shape check and masking of every body), lists its rows, and searches the bodies. Baseline: the
// JSON.parse of the same answer, which any reading has to pay.
import { parseScimTraffic } from '../src/scimTraffic/parseScimTraffic';
import { TrafficList } from '../src/views/scimTrafficView';
import type { BenchRow } from './benchSchemaEditing';

const exchanges = 20_000;

/** A cycle's traffic as the emulator serves it: per user a GET by userName (no match), then a POST. */
function trafficText(): string {
  const value = Array.from({ length: exchanges }, (_, i) => {
    const user = `user${i >> 1}@contoso.example`;
    const post = i % 2 === 1;
    return {
      at: '2026-12-01T10:00:00.0000000Z',
      method: post ? 'POST' : 'GET',
      url: `http://127.0.0.1:9000/scim/Users${post ? '' : `?filter=${encodeURIComponent(`userName eq "${user}"`)}`}`,
      requestHeaders: { Accept: 'application/scim+json', Authorization: 'Bearer ****' },
      requestBody: post
        ? {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
            userName: user,
            active: true,
            displayName: `User ${i >> 1}`,
            name: { givenName: 'User', familyName: String(i >> 1) },
            emails: [{ type: 'work', value: user, primary: true }],
            title: 'Engineer',
          }
        : undefined,
      status: post ? 201 : 200,
      responseHeaders: { 'content-type': 'application/scim+json' },
      responseBody: post
        ? { id: String(i), userName: user, meta: { resourceType: 'User' } }
        : { schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 0, Resources: [] },
      durationMs: 2,
    };
  });
  const cycle = { servicePrincipalId: 'sp', jobId: 'job', cycleId: 'cycle', began: 'b', ended: 'e', failure: null };
  return JSON.stringify({ ...cycle, value });
}

function ms(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

export function scimTrafficRows(): BenchRow[] {
  const text = trafficText();
  const parseOnly = ms(() => JSON.parse(text));
  let list = new TrafficList([]);
  const read = ms(() => (list = new TrafficList(parseScimTraffic(text).exchanges)));
  const all = ms(() => list.rows({ method: '', status: '', text: '' }));
  const firstSearch = ms(() => list.rows({ method: '', status: '', text: 'user9999@' }));
  const search = ms(() => list.rows({ method: 'POST', status: '2xx', text: 'user4242@' }));
  const size = `${Math.round(text.length / 100_000) / 10} MB`;
  const row = (measure: string, value: number): BenchRow => ({
    measure: `SCIM traffic of ${exchanges} requests (${size}): ${measure}`,
    value: `${Math.round(value)} ms`,
    baseline: `${Math.round(parseOnly)} ms (JSON.parse alone)`,
    ratio: `${Math.round((parseOnly / value) * 100) / 100}x`,
  });
  return [
    row('read (shape check, masking)', read),
    row('list every row', all),
    row('first search of the bodies', firstSearch),
    row('next search', search),
  ];
}
