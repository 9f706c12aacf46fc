import { commandIds } from '../ids';
import { rootId, type MessageNode } from './nodes';

/** What the tree says when no service principal is listed, with the command that would list some. */
export function emptyListNode(search: string, onlyFromApplicationTemplates: boolean): MessageNode {
  if (search) {
    return { kind: 'message', parentId: rootId, text: `No service principals whose name starts with "${search}"`, command: { command: commandIds.clearFilter, title: 'Clear Filter' } };
  }
  if (onlyFromApplicationTemplates) {
    return {
      kind: 'message',
      parentId: rootId,
      text: 'No service principals created from application templates. Show all…',
      command: { command: commandIds.showAllServicePrincipals, title: 'Show All' },
    };
  }
  return { kind: 'message', parentId: rootId, text: 'No service principals in this tenant' };
}
