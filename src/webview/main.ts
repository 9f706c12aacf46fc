// The response webview: renders the view model the extension sends, and keeps it in the webview state so the panel
// comes back after a reload without asking Graph again.
import { isViewModel, type HostToWebview, type ResponseViewModel } from './protocol';
import { post, savedView, saveView } from './host';
import { renderView } from './render/view';
import { announce } from './announce';
import { focusToKeep, restoreFocus } from './focus';

const app = document.getElementById('app');

function show(view: ResponseViewModel): void {
  if (!app) return;
  const keepFocus = focusToKeep(app);
  const rendered = renderView(view);
  app.replaceChildren(...rendered.nodes);
  app.setAttribute('aria-busy', 'false');
  document.title = view.title;
  window.scrollTo(0, 0);
  if (keepFocus !== undefined) restoreFocus(app, keepFocus);
  announce(rendered.announcement);
  post({ type: 'rendered', findings: rendered.findings, lines: rendered.lines });
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (message?.type !== 'show' || !isViewModel(message.view)) return;
  saveView(message.view);
  show(message.view);
});

const restored = savedView();
if (restored) show(restored);
post({ type: 'ready' });
