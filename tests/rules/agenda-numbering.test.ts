import { describe, expect, it } from 'vitest';
import { agendaNumbers, agendaReadingOrder, moveInOrder, wouldCreateCycle } from '../../src/rules/agenda-numbering';

const items = [
  { id: 'c', parentId: null, position: 3 },
  { id: 'a', parentId: null, position: 1 },
  { id: 'b', parentId: null, position: 2 },
  { id: 'b2', parentId: 'b', position: 2 },
  { id: 'b1', parentId: 'b', position: 1 },
  { id: 'b1x', parentId: 'b1', position: 1 },
];

describe('agenda numbering', () => {
  it('numbers items and sub-items 1, 2, 2.1, 2.1.1', () => {
    const n = agendaNumbers(items);
    expect(Object.fromEntries(n)).toEqual({ a: '1', b: '2', b1: '2.1', b1x: '2.1.1', b2: '2.2', c: '3' });
  });

  it('numbers by rank, so a gap in positions never shows', () => {
    const n = agendaNumbers([
      { id: 'x', parentId: null, position: 1 },
      { id: 'y', parentId: null, position: 5 },
    ]);
    expect(n.get('y')).toBe('2');
  });

  it('reads the tree depth first', () => {
    expect(agendaReadingOrder(items).map((i) => i.id)).toEqual(['a', 'b', 'b1', 'b1x', 'b2', 'c']);
  });

  it('moves an id to an index, clamped, and inserts a new one', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'c', 0)).toEqual(['c', 'a', 'b']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a']);
    expect(moveInOrder(['a', 'b', 'c'], 'a', -4)).toEqual(['a', 'b', 'c']);
    expect(moveInOrder(['a', 'b'], 'z', 1)).toEqual(['a', 'z', 'b']);
  });

  it('detects a move under oneself or one of one\'s sub-items', () => {
    expect(wouldCreateCycle(items, 'b', 'b')).toBe(true);
    expect(wouldCreateCycle(items, 'b', 'b1x')).toBe(true);
    expect(wouldCreateCycle(items, 'b1', 'a')).toBe(false);
    expect(wouldCreateCycle(items, 'b1', null)).toBe(false);
  });
});
