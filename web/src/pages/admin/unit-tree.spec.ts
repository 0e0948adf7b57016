import { buildTree, moveRefusal, searchTree, subtreeIds } from './unit-tree';

const units = [
  { id: 'p', parentId: null, name: 'Ủy ban nhân dân tỉnh', code: 'UBND' },
  { id: 'a', parentId: 'p', name: 'Sở Tài nguyên và Môi trường', code: 'STNMT' },
  { id: 'b', parentId: 'a', name: 'Phòng Đất đai', code: 'STNMT-DD' },
  { id: 'c', parentId: 'b', name: 'Tổ đo đạc', code: 'STNMT-DD-1' },
  { id: 'd', parentId: 'p', name: 'Sở Giáo dục', code: 'SGD' },
  { id: 'x', parentId: 'elsewhere', name: 'Đơn vị ngoài phạm vi cha', code: 'X' },
];

describe('the unit tree of the administration screens', () => {
  it('nests units under their parents, a unit whose parent is not listed as a root, names in Vietnamese order', () => {
    const tree = buildTree(units);
    expect(tree.map((n) => n.unit.id)).toEqual(['x', 'p']);
    expect(tree[1].children.map((n) => n.unit.id)).toEqual(['d', 'a']);
    expect(tree[1].children[1].children[0].children[0].unit.id).toBe('c');
  });

  it('refuses a move under the unit itself or any unit below it — the API’s UNIT_MOVE_CYCLE — and allows the rest', () => {
    expect([...subtreeIds(units, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect(moveRefusal(units, 'a', 'a')).toMatch(/chính nó/);
    expect(moveRefusal(units, 'a', 'b')).toMatch(/thành vòng/);
    expect(moveRefusal(units, 'a', 'c')).toMatch(/thành vòng/);
    expect(moveRefusal(units, 'b', 'a')).toMatch(/đã ở ngay dưới/);
    expect(moveRefusal(units, 'c', 'd')).toBeNull();
    expect(moveRefusal(units, 'a', 'd')).toBeNull();
  });

  it('finds units without diacritics, keeping their ancestors shown', () => {
    const found = searchTree(units, 'dat dai')!;
    expect([...found.hits]).toEqual(['b']);
    expect([...found.shown].sort()).toEqual(['a', 'b', 'p']);
    expect([...searchTree(units, 'SGD')!.hits]).toEqual(['d']);
    expect(searchTree(units, '  ')).toBeNull();
    expect(searchTree(units, 'không có')!.hits.size).toBe(0);
  });
});
