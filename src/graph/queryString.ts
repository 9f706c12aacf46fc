/**
 * A path with its query string, every value percent-encoded (encodeURIComponent: a space is %20, which OData reads
 * as a space, where `+` is not reliable). graph-client's `.query()` pastes values in raw, so a search for `R&D` split
 * the $filter, `C# tools` lost everything after `#`, and `a&$top=1` added a parameter. OData system query options
 * keep their `$`; string literals are quoted by the caller (`odataString`).
 */
export function withQuery(path: string, query: Record<string, string> | undefined): string {
  if (!query || Object.keys(query).length === 0) return path;
  return `${path}?${Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&')}`;
}
