/**
 * A persistent vector (the 32-way trie with a tail that Clojure uses), made of
 * plain arrays: push and set copy at most a few 32-slot arrays, so appending to
 * a history of a million entries stays constant time and older states stay intact.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

type Node = readonly unknown[];

export type PersistentVector<T> = {
  readonly size: number;
  readonly shift: number;
  readonly root: Node;
  readonly tail: readonly T[];
};

export function emptyVector<T>(): PersistentVector<T> {
  return { size: 0, shift: BITS, root: [], tail: [] };
}

function tailOffset(v: PersistentVector<unknown>): number {
  return v.size < WIDTH ? 0 : ((v.size - 1) >>> BITS) << BITS;
}

function newPath(level: number, node: Node): Node {
  return level === 0 ? node : [newPath(level - BITS, node)];
}

function pushTail(size: number, level: number, parent: Node, tail: Node): Node {
  const copy = parent.slice();
  const i = ((size - 1) >>> level) & MASK;
  if (level === BITS) copy[i] = tail;
  else {
    const child = parent[i] as Node | undefined;
    copy[i] = child ? pushTail(size, level - BITS, child, tail) : newPath(level - BITS, tail);
  }
  return copy;
}

export function vectorPush<T>(v: PersistentVector<T>, value: T): PersistentVector<T> {
  if (v.size - tailOffset(v) < WIDTH) {
    const tail = v.tail.slice();
    tail.push(value);
    return { size: v.size + 1, shift: v.shift, root: v.root, tail };
  }
  const full = v.tail as Node;
  if (v.size >>> BITS > 1 << v.shift) {
    const root = [v.root, newPath(v.shift, full)];
    return { size: v.size + 1, shift: v.shift + BITS, root, tail: [value] };
  }
  return { size: v.size + 1, shift: v.shift, root: pushTail(v.size, v.shift, v.root, full), tail: [value] };
}

function leafFor<T>(v: PersistentVector<T>, index: number): readonly T[] {
  if (index >= tailOffset(v)) return v.tail;
  let node = v.root;
  for (let level = v.shift; level > 0; level -= BITS) node = node[(index >>> level) & MASK] as Node;
  return node as readonly T[];
}

export function vectorGet<T>(v: PersistentVector<T>, index: number): T | undefined {
  if (!Number.isInteger(index) || index < 0 || index >= v.size) return undefined;
  return leafFor(v, index)[index & MASK];
}

function assoc(level: number, node: Node, index: number, value: unknown): Node {
  const copy = node.slice();
  if (level === 0) copy[index & MASK] = value;
  else {
    const i = (index >>> level) & MASK;
    copy[i] = assoc(level - BITS, node[i] as Node, index, value);
  }
  return copy;
}

/** The vector with the element at `index` replaced. */
export function vectorSet<T>(v: PersistentVector<T>, index: number, value: T): PersistentVector<T> {
  if (!Number.isInteger(index) || index < 0 || index >= v.size) throw new RangeError(`index ${index} is outside the vector`);
  if (index >= tailOffset(v)) {
    const tail = v.tail.slice();
    tail[index & MASK] = value;
    return { size: v.size, shift: v.shift, root: v.root, tail };
  }
  return { size: v.size, shift: v.shift, root: assoc(v.shift, v.root, index, value), tail: v.tail };
}

/** Elements from `start` (inclusive) to `end` (exclusive), clamped to the vector. */
export function vectorSlice<T>(v: PersistentVector<T>, start = 0, end = v.size): T[] {
  const out: T[] = [];
  const from = Math.max(0, Math.floor(start));
  const to = Math.min(v.size, Math.ceil(end));
  for (let i = from; i < to; ) {
    const leaf = leafFor(v, i);
    const stop = Math.min(to, (i | MASK) + 1);
    for (; i < stop; i++) out.push(leaf[i & MASK]!);
  }
  return out;
}

export function vectorLast<T>(v: PersistentVector<T>): T | undefined {
  return v.size === 0 ? undefined : v.tail[v.tail.length - 1];
}
