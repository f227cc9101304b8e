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

function tailOffset(v: { readonly size: number }): number {
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
function checkIndex(index: number, size: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`index ${index} is outside the vector`);
}

export function vectorSet<T>(v: PersistentVector<T>, index: number, value: T): PersistentVector<T> {
  checkIndex(index, v.size);
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

/**
 * A private, writable working copy of a vector, for folding a batch of events:
 * a node is copied the first time the draft writes under it and changed in
 * place after that (the draft remembers its own copies), so pushing a batch of
 * entries fills the tail in place instead of copying it per entry. `done()`
 * hands back an ordinary vector, shaped exactly as the same pushes and sets
 * one at a time would have left it, and ends the draft; the vector it started
 * from is never changed.
 */
export class VectorDraft<T> {
  private count: number;
  private shift: number;
  private root: Node;
  private tail: T[];
  private changed = false;
  private finished = false;
  private readonly owned = new Set<Node>();

  constructor(private readonly base: PersistentVector<T>) {
    ({ size: this.count, shift: this.shift, root: this.root } = base);
    this.tail = base.tail as T[];
  }

  get size(): number {
    return this.count;
  }

  get(index: number): T | undefined {
    return vectorGet(this.view(), index);
  }

  push(value: T): void {
    this.write();
    if (this.size - tailOffset(this) < WIDTH) {
      (this.tail = this.own(this.tail)).push(value);
      this.count += 1;
      return;
    }
    const full = this.tail as Node;
    if (this.size >>> BITS > 1 << this.shift) {
      this.root = this.mine([this.root, this.newPath(this.shift, full)]);
      this.shift += BITS;
    } else {
      this.root = this.own(this.root);
      this.pushTail(this.shift, this.root as unknown[], full);
    }
    this.tail = this.mine([value]);
    this.count += 1;
  }

  set(index: number, value: T): void {
    checkIndex(index, this.size);
    this.write();
    if (index >= tailOffset(this)) {
      (this.tail = this.own(this.tail))[index & MASK] = value;
      return;
    }
    this.root = this.own(this.root);
    let node = this.root as unknown[];
    for (let level = this.shift; level > 0; level -= BITS) {
      const i = (index >>> level) & MASK;
      node = node[i] = this.own(node[i] as Node) as unknown[];
    }
    node[index & MASK] = value;
  }

  /** The vector with every push and set of the draft; the starting vector itself when nothing changed. */
  done(): PersistentVector<T> {
    this.finished = true;
    return this.changed ? this.view() : this.base;
  }

  private view(): PersistentVector<T> {
    return { size: this.count, shift: this.shift, root: this.root, tail: this.tail };
  }

  private write(): void {
    if (this.finished) throw new Error('This vector draft is done; start a new one.');
    this.changed = true;
  }

  private mine<N extends Node>(node: N): N {
    this.owned.add(node);
    return node;
  }

  /** The node itself when this draft made it, else a copy the draft may change. */
  private own<N extends Node>(node: N): N {
    return this.owned.has(node) ? node : this.mine(node.slice() as unknown as N);
  }

  private newPath(level: number, node: Node): Node {
    return level === 0 ? node : this.mine([this.newPath(level - BITS, node)]);
  }

  /** Hangs the full tail under `parent` (a node of this draft), as pushTail does by copying. */
  private pushTail(level: number, parent: unknown[], tail: Node): void {
    const i = ((this.size - 1) >>> level) & MASK;
    if (level === BITS) parent[i] = tail;
    else {
      const child = parent[i] as Node | undefined;
      if (child) this.pushTail(level - BITS, (parent[i] = this.own(child)) as unknown[], tail);
      else parent[i] = this.newPath(level - BITS, tail);
    }
  }
}
