// The request as curl, PowerShell and .http, to reproduce it outside VS Code. No token is ever in them.
import type { RequestSnippets } from '../protocol';
import { element, section } from '../dom';
import { copyButton } from './copyButton';

const variants: { key: keyof RequestSnippets; label: string; what: string }[] = [
  { key: 'curl', label: 'curl', what: 'curl command' },
  { key: 'powershell', label: 'PowerShell (Microsoft Graph SDK)', what: 'PowerShell command' },
  { key: 'http', label: '.http (REST Client)', what: '.http request' },
];

export function snippetsSection(snippets: RequestSnippets): HTMLElement {
  const note = element('p', {
    className: 'muted',
    text: 'The access token is not included: set $TOKEN, run Connect-MgGraph, or fill in @token first.',
  });
  const details = variants.map(({ key, label, what }, index) => {
    const block = element('details', { className: 'snippet' }, [
      element('summary', { text: label }),
      element('div', { className: 'snippet-actions' }, [copyButton(snippets[key], what)]),
      element('pre', { attributes: { tabindex: '0', 'aria-label': label } }, [
        element('code', { text: snippets[key] }),
      ]),
    ]);
    block.open = index === 0;
    return block;
  });
  return section('Reproduce the request', 'snippets', [note, ...details]);
}
