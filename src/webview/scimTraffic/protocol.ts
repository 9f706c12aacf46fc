// Messages between the SCIM traffic panel (src/extension/scimTraffic/scimTrafficPanel.ts) and its webview. The
// extension holds the cycle's requests; the page gets one short row per request and the details of the one selected.

/** One request of the cycle, as a row of the list. `index`: its 1-based position in the cycle. */
export interface TrafficRow {
  index: number;
  time: string;
  method: string;
  /** Path and query, decoded for reading (`/scim/Users?filter=userName eq "…"`). */
  path: string;
  status: number;
  durationMs: number;
}

export const statusClasses = ['2xx', '3xx', '4xx', '5xx'] as const;
export type StatusClass = (typeof statusClasses)[number];

/** Applied by the extension (the search reads the bodies, which stay there). Empty values filter nothing. */
export interface TrafficFilter {
  method: string;
  status: '' | StatusClass;
  text: string;
}

export const noTrafficFilter: TrafficFilter = { method: '', status: '', text: '' };

/** What the view says above the list. */
export interface TrafficViewState {
  title: string;
  kind: 'loading' | 'traffic' | 'empty' | 'unavailable' | 'failed';
  /** One sentence: what is shown, or why there is nothing. */
  message: string;
  /** What to do about it, for the empty, unavailable and failed views. */
  hint?: string;
  /** The cycle's facts, as label and value. */
  facts: [string, string][];
  /** What in the emulator's answer did not have the expected shape (all is still shown). */
  problems: string[];
  /** The methods of the cycle's requests, for the filter. */
  methods: string[];
  total: number;
}

/** The selected request and its answer, as text (bodies pretty-printed, secrets masked). */
export interface TrafficDetail {
  index: number;
  heading: string;
  request: string;
  response: string;
}

export type TrafficHostMessage =
  /** A new reading: the rows so far are dropped. `generation` names what belongs to it. */
  | { type: 'view'; generation: number; state: TrafficViewState; rows: TrafficRow[]; filter: TrafficFilter }
  | { type: 'rows'; generation: number; rows: TrafficRow[] }
  | { type: 'detail'; generation: number; detail: TrafficDetail };

export type TrafficWebviewMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'filter'; filter: TrafficFilter }
  | { type: 'select'; generation: number; index: number }
  /** What is on screen (tests wait on it). */
  | {
      type: 'rendered';
      kind: TrafficViewState['kind'];
      rows: number;
      inDom: number;
      selected?: number;
      detail?: string;
    };
