// Secrets never reach a view: the emulator masks the bearer already, and everything shown of SCIM traffic is masked
// again here, whatever sent it: header values and body fields named like a secret, credentials in a URL's query, a
// SCIM PATCH operation that sets a secret attribute (`{"path": "password", "value": …}`) and any `Bearer …` text.
// Copies, never changes its input; linear in the size of the body (no recursion, so no depth limit).

export const masked = '****';

/** Names of headers, fields and query parameters whose value is a secret. */
const secretName = /secret|token|passw(or)?d|\bpwd\b|credential|api[-_]?key|authorization|cookie|private[-_]?key/i;
/** A credential after its scheme anywhere in text: the scheme stays readable, the credential goes. */
const schemeCredential = /\b(Bearer|Basic|Digest|SharedAccessSignature)(\s+)[^\s",;<>]+/gi;

export const isSecretName = (name: string) => secretName.test(name);

export function maskText(text: string): string {
  return text.replace(schemeCredential, `$1$2${masked}`);
}

/** Header values: a secret-named header keeps its scheme (`Bearer ****`), so what kind of credential went is clear. */
export function maskHeaders(headers: Record<string, string>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isSecretName(name)) copy[name] = maskText(value);
    else {
      const scheme = /^(\w+)\s+\S/.exec(value)?.[1];
      copy[name] = scheme ? `${scheme} ${masked}` : masked;
    }
  }
  return copy;
}

/** Query parameters named like a secret (`?access_token=…`); a URL that does not parse is masked as text. */
export function maskUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return maskText(url);
  }
  let changed = false;
  for (const name of new Set(parsed.searchParams.keys()))
    if (isSecretName(name)) {
      parsed.searchParams.set(name, masked);
      changed = true;
    }
  return maskText(changed ? parsed.href : url);
}

interface Slot {
  from: unknown;
  into: Record<string | number, unknown>;
  key: string | number;
  secret: boolean;
}

/** A masked copy of a JSON body: secret-named fields become `****` (whole, if they hold an object). */
export function maskBody(body: unknown): unknown {
  const holder: Record<string, unknown> = {};
  const stack: Slot[] = [{ from: body, into: holder, key: 'body', secret: false }];
  while (stack.length > 0) {
    const { from, into, key, secret } = stack.pop()!;
    if (secret && from !== null && from !== undefined && from !== '') into[key] = masked;
    else if (typeof from === 'string') into[key] = maskText(from);
    else if (Array.isArray(from)) {
      const copy: unknown[] = new Array(from.length);
      into[key] = copy;
      from.forEach((item, index) => stack.push({ from: item, into: copy as never, key: index, secret: false }));
    } else if (from !== null && typeof from === 'object') {
      const source = from as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      into[key] = copy;
      // A SCIM PATCH operation names its attribute in `path` and carries it in `value`.
      const setsSecret = typeof source.path === 'string' && isSecretName(source.path);
      for (const [name, item] of Object.entries(source)) {
        copy[name] = undefined; // keeps the fields in their order: the stack fills them last first
        stack.push({
          from: item,
          into: copy,
          key: name,
          secret: isSecretName(name) || (setsSecret && name === 'value'),
        });
      }
    } else into[key] = from;
  }
  return holder.body;
}
