import { describe, expect, it } from 'vitest';
import { buildUnitTree } from './organisation.schema.ts';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('buildUnitTree', () => {
  it('nests centers → offers and keeps orphans as roots', () => {
    const tree = buildUnitTree([
      { id: id(1), parentId: null, kind: 'center', name: 'CSI' },
      { id: id(2), parentId: id(1), kind: 'offer', name: 'Blommevej' },
      { id: id(3), parentId: id(1), kind: 'authority', name: 'Myndighed' },
      { id: id(4), parentId: id(9), kind: 'offer', name: 'Orphan' },
    ]);
    expect(tree.map((n) => n.name)).toEqual(['CSI', 'Orphan']);
    expect(tree[0]?.children.map((n) => n.name)).toEqual(['Blommevej', 'Myndighed']);
  });
});
