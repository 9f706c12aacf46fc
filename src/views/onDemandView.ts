// A provisionOnDemand answer as the job view shows it: the outcome, then each step with its details and, where the
// step carries them, the SCIM requests it made and the answers it got. No vscode: tested in Node.
import type { ParsedOnDemand, ProvisioningStep } from '../graph/provisionOnDemand';
import type { JobViewExchange, JobViewModel, JobViewRow } from '../webview/jobViewModel';

// The emulator's steps carry their SCIM traffic as the details SCIMRequest ("METHOD URL\nbody", one per request,
// separated by a blank line) and SCIMResponse ("status\nbody", likewise): names and layout are the emulator's own
// (src/emulator/provisioning/onDemandAnswer.ts); Graph documents no such details, so any other step shows its rows.
// Only method, URL and body are recorded there, never headers: the bearer SecretToken cannot reach the view.
const requestKey = 'SCIMRequest';
const responseKey = 'SCIMResponse';
const requestStart = /\n\n(?=[A-Z]+ \S)/;
const responseStart = /\n\n(?=\d{3}(?:\n|$))/;

/** A body as shown: indented when it is JSON (one parse, linear), else the text as sent. */
function bodyText(text: string): string {
  if (text.trim() === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** The URL as a person reads it: `filter=userName eq "…"` rather than its percent-encoding. */
function readableUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

const firstLine = (block: string) => {
  const newline = block.indexOf('\n');
  return newline < 0 ? [block, ''] : [block.slice(0, newline), block.slice(newline + 1)];
};

/** The step's SCIM exchanges, request i paired with answer i. */
export function stepExchanges(details: Record<string, string>): JobViewExchange[] {
  const requests = details[requestKey]?.split(requestStart) ?? [];
  const responses = details[responseKey]?.split(responseStart) ?? [];
  return requests.map((request, index) => {
    const [line, body] = firstLine(request);
    const space = line.indexOf(' ');
    const [status, answer] = firstLine(responses[index] ?? '');
    return {
      request: { method: line.slice(0, space), path: readableUrl(line.slice(space + 1)), body: bodyText(body) },
      response: { status: status || 'no answer recorded', body: bodyText(answer) },
    };
  });
}

function stepView(step: ProvisioningStep) {
  const details: JobViewRow[] = Object.entries(step.details)
    .filter(([label]) => label !== requestKey && label !== responseKey)
    .map(([label, value]) => ({ label, value }));
  return {
    name: step.name,
    type: step.type,
    status: step.status,
    description: step.description,
    details,
    exchanges: stepExchanges(step.details),
  };
}

export function describeOnDemand(subject: string, parsed: ParsedOnDemand): NonNullable<JobViewModel['onDemand']> {
  if (!parsed.ok) return { subject, status: 'Unreadable', summary: parsed.problem, steps: [] };
  const { result } = parsed;
  const summary = [result.action, result.errorCode, result.reason, result.recommendedAction]
    .filter(Boolean)
    .join(' · ');
  return { subject, status: result.status, summary: summary || result.status, steps: result.steps.map(stepView) };
}
