/**
 * A persistent hash map made of plain arrays: updates copy only the path to one
 * key (three 32-slot arrays and a small leaf), so a read model with 10,000
 * accounts applies an event in constant time, never mutates an older state, and
 * snapshots through structured clone like any plain data. Leaves hold keys and
 * values side by side ([k0, v0, k1, v1, …]): small arrays copy far faster than
 * objects with arbitrary keys.
 */

const WIDTH = 32;

type Leaf = readonly unknown[];
type Node = readonly (Node | Leaf | null)[];

export type PersistentMap<V> = { readonly size: number; readonly root: Node | null; readonly __value?: V };

const EMPTY: Node = new Array<null>(WIDTH).fill(null);
const NO_LEAF: Leaf = [];

export function emptyMap<V>(): PersistentMap<V> {
  return { size: 0, root: null };
}

/** FNV-1a: cheap, and spreads the similar keys (digits, ids) we store. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function leafOf(root: Node | null, h: number): Leaf {
  const n1 = root?.[h & 31] as Node | null | undefined;
  const n2 = n1?.[(h >>> 5) & 31] as Node | null | undefined;
  return (n2?.[(h >>> 10) & 31] as Leaf | null | undefined) ?? NO_LEAF;
}

export function mapGet<V>(map: PersistentMap<V>, key: string): V | undefined {
  const leaf = leafOf(map.root, hash(key));
  for (let j = 0; j < leaf.length; j += 2) if (leaf[j] === key) return leaf[j + 1] as V;
  return undefined;
}

/** The map with `key` set to `value`; the same map when that value is already there. */
export function mapSet<V>(map: PersistentMap<V>, key: string, value: V): PersistentMap<V> {
  const h = hash(key);
  const i0 = h & 31;
  const i1 = (h >>> 5) & 31;
  const i2 = (h >>> 10) & 31;
  const root = map.root ?? EMPTY;
  const n1 = (root[i0] as Node | null) ?? EMPTY;
  const n2 = (n1[i1] as Node | null) ?? EMPTY;
  const leaf = (n2[i2] as Leaf | null) ?? NO_LEAF;
  let at = -1;
  for (let j = 0; j < leaf.length; j += 2) {
    if (leaf[j] === key) {
      at = j;
      break;
    }
  }
  if (at >= 0 && leaf[at + 1] === value) return map;
  const nextLeaf = leaf.slice();
  if (at >= 0) nextLeaf[at + 1] = value;
  else nextLeaf.push(key, value);
  const next2 = n2.slice();
  next2[i2] = nextLeaf;
  const next1 = n1.slice();
  next1[i1] = next2;
  const nextRoot = root.slice();
  nextRoot[i0] = next1;
  return { size: map.size + (at >= 0 ? 0 : 1), root: nextRoot };
}

/** Every value, in an order fixed by the keys (not by insertion). */
export function mapValues<V>(map: PersistentMap<V>): V[] {
  const out: V[] = [];
  for (const n1 of map.root ?? EMPTY) {
    for (const n2 of (n1 as Node | null) ?? EMPTY) {
      for (const leaf of (n2 as Node | null) ?? EMPTY) {
        const entries = (leaf as Leaf | null) ?? NO_LEAF;
        for (let j = 1; j < entries.length; j += 2) out.push(entries[j] as V);
      }
    }
  }
  return out;
}
