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

/** Where `key` sits in a leaf ([k0, v0, k1, v1, …]), or -1. */
function slotOf(leaf: Leaf, key: string): number {
  for (let j = 0; j < leaf.length; j += 2) if (leaf[j] === key) return j;
  return -1;
}

function valueAt<V>(leaf: Leaf, slot: number): V | undefined {
  return slot < 0 ? undefined : (leaf[slot + 1] as V);
}

export function mapGet<V>(map: PersistentMap<V>, key: string): V | undefined {
  const leaf = leafOf(map.root, hash(key));
  return valueAt(leaf, slotOf(leaf, key));
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
  const at = slotOf(leaf, key);
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

type Mutable<T extends readonly unknown[]> = T extends readonly (infer E)[] ? E[] : never;

/**
 * A private, writable working copy of a map, for folding a batch of events: the
 * first write under a node copies it, later writes in the same batch change that
 * copy in place, so a batch costs one copy per touched node instead of a copied
 * path per write. Which nodes are copies is kept by position in bitmaps (the
 * trie has a fixed depth), never on the nodes, so the result stays plain data.
 * `done()` hands back an ordinary map and ends the draft; the map it started
 * from is never changed.
 */
export class MapDraft<V> {
  private root: Node | null;
  private size: number;
  private rootOwned = false;
  /** Bit i0: root[i0] is this draft's copy. */
  private n1Owned = 0;
  /** [i0] bit i1: root[i0][i1] is this draft's copy. */
  private readonly n2Owned = new Uint32Array(WIDTH);
  /** [i0 * 32 + i1] bit i2: the leaf root[i0][i1][i2] is this draft's copy. */
  private readonly leafOwned = new Uint32Array(WIDTH * WIDTH);
  /** The key last hashed and its hash: a fold reads a key just before it writes it. */
  private lastKey = '';
  private lastHash = hash('');
  private finished = false;

  constructor(private readonly base: PersistentMap<V>) {
    this.root = base.root;
    this.size = base.size;
  }

  get(key: string): V | undefined {
    const leaf = leafOf(this.root, this.hashOf(key));
    return valueAt(leaf, slotOf(leaf, key));
  }

  set(key: string, value: V): void {
    if (this.finished) throw new Error('This map draft is done; start a new one.');
    const h = this.hashOf(key);
    const found = leafOf(this.root, h);
    const at = slotOf(found, key);
    if (at >= 0 && found[at + 1] === value) return;
    const i0 = h & 31;
    const i1 = (h >>> 5) & 31;
    const i2 = (h >>> 10) & 31;
    if (!this.rootOwned) {
      this.root = (this.root ?? EMPTY).slice();
      this.rootOwned = true;
    }
    const root = this.root as Mutable<Node>;
    if (((this.n1Owned >>> i0) & 1) === 0) {
      root[i0] = ((root[i0] as Node | null) ?? EMPTY).slice();
      this.n1Owned |= 1 << i0;
    }
    const n1 = root[i0] as Mutable<Node>;
    if (((this.n2Owned[i0]! >>> i1) & 1) === 0) {
      n1[i1] = ((n1[i1] as Node | null) ?? EMPTY).slice();
      this.n2Owned[i0]! |= 1 << i1;
    }
    const n2 = n1[i1] as Mutable<Node>;
    const l = (i0 << 5) | i1;
    if (((this.leafOwned[l]! >>> i2) & 1) === 0) {
      n2[i2] = found.slice();
      this.leafOwned[l]! |= 1 << i2;
    }
    const leaf = n2[i2] as unknown[];
    if (at >= 0) leaf[at + 1] = value;
    else {
      leaf.push(key, value);
      this.size += 1;
    }
  }

  /** The map with every write of the draft; the starting map itself when nothing changed. */
  done(): PersistentMap<V> {
    this.finished = true;
    return this.rootOwned ? { size: this.size, root: this.root } : this.base;
  }

  private hashOf(key: string): number {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastHash = hash(key);
    }
    return this.lastHash;
  }
}

/** Every key and value, in an order fixed by the keys (not by insertion). */
export function mapEntries<V>(map: PersistentMap<V>): [string, V][] {
  const out: [string, V][] = [];
  for (const n1 of map.root ?? EMPTY) {
    for (const n2 of (n1 as Node | null) ?? EMPTY) {
      for (const leaf of (n2 as Node | null) ?? EMPTY) {
        const entries = (leaf as Leaf | null) ?? NO_LEAF;
        for (let j = 0; j < entries.length; j += 2) out.push([entries[j] as string, entries[j + 1] as V]);
      }
    }
  }
  return out;
}

/** Every value, in an order fixed by the keys (not by insertion). */
export function mapValues<V>(map: PersistentMap<V>): V[] {
  return mapEntries(map).map(([, value]) => value);
}
