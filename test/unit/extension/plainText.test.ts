import * as assert from 'node:assert/strict';
import { plainText, safe, withoutLinks } from '../../../src/extension/plainText';

// The link grammar VS Code's notifications and progress titles render (vs/base/common/linkedText.ts):
// [label](target "title") with an http(s) or command target.
const renderedLink = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
const bareUri = /\b(?:command|https?|file|vscode):/i;

describe('Tenant text made plain', () => {
  const hostile = [
    '[Retry](command:workbench.action.terminal.new "Retry")',
    '[x](https://evil.example/phish)',
    '[x] (command:foo)',
    'see command:workbench.action.openSettings now',
    'HTTPS://example.com',
  ];

  it('leaves no link VS Code would render, nor a bare URI', () => {
    for (const text of hostile) {
      const made = withoutLinks(text);
      assert.doesNotMatch(made, renderedLink, made);
      assert.doesNotMatch(made, bareUri, made);
    }
  });

  it('reads the same (only zero-width spaces are added)', () => {
    for (const text of hostile) assert.equal(withoutLinks(text).replace(/\u200b/g, ''), text);
  });

  it('plainText also breaks icons and keeps the text on one line', () => {
    assert.doesNotMatch(plainText('$(alert) a\nb'), /\$\(|\n/);
  });

  it('safe`` keeps our own icons and makes only the interpolated values plain', () => {
    const name = '$(zap) [Retry](command:x)';
    const text = safe`$(check) Started the job of ${name}.`;
    assert.ok(text.startsWith('$(check) Started the job of '));
    assert.doesNotMatch(text.slice(2), /\$\(/);
    assert.doesNotMatch(text, renderedLink);
  });
});
