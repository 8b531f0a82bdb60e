// Agenda numbering and ordering, pure. Items sit in a tree (sub-items under an item); siblings are ordered
// by `position`, 1..n with no gaps. Display numbers follow the tree: 1, 2, 2.1, 2.2, 3...
// Positions are what is stored; display numbers are always computed, never stored, so they can't go stale.

export interface AgendaNode {
  id: string;
  parentId: string | null;
  position: number;
}

/** Display number of every item, e.g. '2.1'. Siblings are sorted by position (ties by id, for stability). */
export function agendaNumbers(items: readonly AgendaNode[]): Map<string, string> {
  const children = childrenByParent(items);
  const out = new Map<string, string>();
  const walk = (parentId: string | null, prefix: string) => {
    (children.get(parentId) ?? []).forEach((item, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      out.set(item.id, number);
      walk(item.id, number);
    });
  };
  walk(null, '');
  return out;
}

/** Items in reading order: each item followed by its sub-items, depth first. */
export function agendaReadingOrder<T extends AgendaNode>(items: readonly T[]): T[] {
  const children = childrenByParent(items);
  const out: T[] = [];
  const walk = (parentId: string | null) => {
    for (const item of children.get(parentId) ?? []) {
      out.push(item);
      walk(item.id);
    }
  };
  walk(null);
  return out;
}

function childrenByParent<T extends AgendaNode>(items: readonly T[]): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const item of items) {
    const list = map.get(item.parentId) ?? [];
    list.push(item);
    map.set(item.parentId, list);
  }
  for (const list of map.values()) {
    list.sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return map;
}

/**
 * Move one id within an ordered list of sibling ids to a 0-based index (clamped to the list's bounds), or
 * insert it when absent. Returns the new order; positions are then index + 1, so no gaps.
 */
export function moveInOrder(ids: readonly string[], id: string, toIndex: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(Math.trunc(toIndex), rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Whether putting `id` under `newParentId` would make a cycle (the new parent is `id` or one of its descendants). */
export function wouldCreateCycle(items: readonly AgendaNode[], id: string, newParentId: string | null): boolean {
  const parentOf = new Map(items.map((i) => [i.id, i.parentId] as const));
  let cursor: string | null = newParentId;
  const seen = new Set<string>();
  while (cursor !== null && !seen.has(cursor)) {
    if (cursor === id) return true;
    seen.add(cursor);
    cursor = parentOf.get(cursor) ?? null;
  }
  return false;
}
