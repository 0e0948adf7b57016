/**
 * The unit tree of the administration screens, built from the flat `GET /units` answer (each unit names
 * its parent). Pure: the moves the tree refuses are those the API refuses (UNIT_MOVE_CYCLE: under
 * itself or one of its descendants), so the console says so before sending.
 */
import { searchFold } from '../../lib/letter-filter';

export interface FlatUnit {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
}

export interface TreeNode<U extends FlatUnit> {
  unit: U;
  children: TreeNode<U>[];
}

const byName = (a: FlatUnit, b: FlatUnit) => a.name.localeCompare(b.name, 'vi');

/** Roots are units whose parent is not in the list (outside the viewer's scope, or none). */
export function buildTree<U extends FlatUnit>(units: readonly U[]): TreeNode<U>[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, U[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const grow = (parent: string | null): TreeNode<U>[] =>
    (children.get(parent) ?? []).sort(byName).map((unit) => ({ unit, children: grow(unit.id) }));
  return grow(null);
}

/** A unit and every unit below it. */
export function subtreeIds(units: readonly FlatUnit[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Why a unit cannot go under a new parent, in Vietnamese; null when the move is allowed. */
export function moveRefusal(units: readonly FlatUnit[], id: string, newParentId: string): string | null {
  if (id === newParentId) return 'Không thể chuyển một đơn vị vào chính nó.';
  if (subtreeIds(units, id).has(newParentId))
    return 'Không thể chuyển một đơn vị vào đơn vị cấp dưới của nó: cây đơn vị sẽ thành vòng.';
  const unit = units.find((u) => u.id === id);
  if (unit?.parentId === newParentId) return 'Đơn vị đã ở ngay dưới đơn vị này.';
  return null;
}

/**
 * The ids to show for a search (diacritics and case ignored, as the API's `q`): each unit whose name or
 * code matches, with its ancestors so it stays in its place; null without a search.
 */
export function searchTree(
  units: readonly FlatUnit[],
  q: string,
): { shown: Set<string>; hits: Set<string> } | null {
  const words = searchFold(q).split(' ').filter(Boolean);
  if (words.length === 0) return null;
  const byId = new Map(units.map((u) => [u.id, u]));
  const hits = new Set<string>();
  const shown = new Set<string>();
  for (const u of units) {
    const text = ` ${searchFold(`${u.name} ${u.code}`)} `;
    if (!words.every((w) => text.includes(w))) continue;
    hits.add(u.id);
    for (
      let at: FlatUnit | undefined = u;
      at && !shown.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    )
      shown.add(at.id);
  }
  return { shown, hits };
}
