// The action bar under the outcome: start or read the job again, copy the body, open it as a document. Each button
// only posts a message; the extension does the work and sends the new view.
import type { ResponseAction, ResponseViewModel } from '../protocol';
import { codicon, element, focusKey } from '../dom';
import { post } from '../host';
import { focusAfterNextView } from '../focus';
import { copyButton } from './copyButton';

export function actionBar(view: ResponseViewModel): HTMLElement | undefined {
  const { job, body } = view;
  const json = body.parsed;
  const buttons = [
    job?.canStart && actionButton('startJob', 'debug-start', 'Start Job', `Start job ${job.jobId}`, 'primary'),
    job && actionButton('refresh', 'refresh', 'Refresh', `Read job ${job.jobId} again and validate it`),
    body.text !== '' &&
      copyButton(body.text, json ? 'response JSON' : 'response text', json ? 'Copy JSON' : 'Copy Text'),
    body.text !== '' &&
      actionButton(
        'openJson',
        json ? 'json' : 'file',
        json ? 'Open as JSON Document' : 'Open as Text Document',
        'Open the response body in an editor',
      ),
  ].filter((button): button is HTMLButtonElement => button instanceof HTMLButtonElement);
  if (buttons.length === 0) return undefined;
  return element('div', { className: 'actions', attributes: { role: 'group', 'aria-label': 'Actions' } }, buttons);
}

function actionButton(
  action: ResponseAction,
  icon: string,
  label: string,
  title: string,
  kind: 'primary' | 'secondary' = 'secondary',
): HTMLButtonElement {
  const button = element(
    'button',
    { className: `action ${kind}`, attributes: { type: 'button', title, ...focusKey(`action:${action}`) } },
    [codicon(icon), element('span', { text: label })],
  );
  button.addEventListener('click', () => {
    // Start Job and Refresh answer with a new view; Open as Document opens an editor instead.
    if (action !== 'openJson') focusAfterNextView(`action:${action}`);
    post({ type: 'action', action });
  });
  return button;
}
