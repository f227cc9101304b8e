// PLACEHOLDER: being built (issue 4).
import type { MemoryImage } from '../../store/index.ts';
export function BootScreen(_props: { image?: MemoryImage; error?: unknown }) {
  return <p>Loading…</p>;
}
