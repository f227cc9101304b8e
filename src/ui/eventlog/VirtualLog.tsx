import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { EventRow, type RowContext } from './EventRow.tsx';
import type { LogRow } from '../../app/index.ts';
import { formatCount } from '../components/formatCount.ts';
import { eventTitle } from './eventNames.ts';

export interface VirtualLogProps {
  count: number;
  rowAt(index: number): LogRow;
  context: RowContext;
  /** Called with the rows on screen (plus overscan), to read what they need. */
  onRange?(start: number, end: number): void;
  /** Called when the person scrolls away from the top, or back to it. */
  onAwayFromTop?(away: boolean): void;
  /** Shown under the last row (a "load more", the end of the log). */
  footer?: ReactNode;
  /** Scrolls so this row is on screen; a new object each time it should happen. */
  scrollTo?: { index: number };
}

function rowLabel({ kind, event }: LogRow): string | undefined {
  if (!event) return undefined;
  const seq = formatCount(event.meta.seq);
  return kind === 'injected' ? `Hypothetical event after event ${seq}, ${eventTitle(event)}` : `Event ${seq}, ${eventTitle(event)}`;
}

function keyOf(row: LogRow): string {
  return row.kind === 'injected' ? `i:${row.event.meta.id}` : `e:${row.seq}`;
}

/**
 * The event rows, virtualised: only those on screen are in the page, whatever
 * the count. Rows measure themselves, so one with its details open simply grows.
 */
export function VirtualLog({ count, rowAt, context, onRange, onAwayFromTop, footer, scrollTo }: VirtualLogProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (index) => keyOf(rowAt(index)),
  });
  const items = virtualizer.getVirtualItems();
  const start = items[0]?.index ?? 0;
  const end = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (end >= start) onRange?.(start, end);
  }, [onRange, start, end]);

  useEffect(() => {
    if (scrollTo) virtualizer.scrollToIndex(scrollTo.index, { align: 'start' });
  }, [scrollTo, virtualizer]);

  const away = useRef(false);
  const onScroll = () => {
    const isAway = (scroller.current?.scrollTop ?? 0) > 24;
    if (isAway !== away.current) onAwayFromTop?.((away.current = isAway));
  };

  const toggle = (key: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <div ref={scroller} className="log-scroller" tabIndex={0} role="region" aria-label="Events, newest first" onScroll={onScroll}>
      <ol className="log-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rowAt(item.index);
          const key = keyOf(row);
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className={`log-row${row.kind === 'injected' ? ' log-row-injected' : ''}`}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              aria-label={rowLabel(row)}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <EventRow row={row} context={context} expanded={expanded.has(key)} onToggle={() => toggle(key)} />
            </li>
          );
        })}
      </ol>
      {footer && <div className="log-footer">{footer}</div>}
    </div>
  );
}
