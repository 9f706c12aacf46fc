// $search="displayName:…" on directory objects (service principals, users, groups): Graph requires ConsistencyLevel:
// eventual for it (Graph reference: "Advanced query capabilities on directory objects"; FACTS.md, captured).
import { badRequest } from './errors';

/** `"displayName:words"` (quotes required): each word must start a word of the display name, as Graph's tokenized search does. */
export function searchMatcher(
  search: string | null,
  eventual: boolean,
): ((displayName: string) => boolean) | undefined {
  if (search === null) return undefined;
  if (!eventual)
    throw badRequest(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      'Request_BadRequest',
    );
  const match = /^"displayName:(.*)"$/i.exec(search.trim());
  if (!match) throw badRequest(`Invalid $search value '${search}': use "displayName:text".`, 'Request_BadRequest');
  const wanted = match[1].toLowerCase().split(/\s+/).filter(Boolean);
  return (displayName) => {
    const words = displayName.toLowerCase().split(/[\s()/.,-]+/);
    return wanted.every((part) => words.some((word) => word.startsWith(part)));
  };
}
