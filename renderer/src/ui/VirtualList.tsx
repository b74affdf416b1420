/**
 * A keyboard-usable virtualised list (WAI-ARIA listbox): only the rows in view are in the page,
 * so 100,000 patients scroll as smoothly as ten. Arrow keys, Page Up/Down, Home and End move the
 * active row; Enter opens it.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

interface VirtualListProps {
  count: number;
  rowHeight: number;
  label: string;
  idPrefix: string;
  renderRow(index: number): ReactNode;
  onActivate(index: number): void;
  /** Called with the range of rows about to be shown (with some overscan). */
  onRangeChange?(first: number, last: number): void;
  overscan?: number;
}

export function VirtualList(props: VirtualListProps) {
  const { count, rowHeight, onRangeChange } = props;
  const overscan = props.overscan ?? 8;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const activeIndex = Math.min(active, Math.max(0, count - 1));

  useEffect(() => {
    if (count > 0) onRangeChange?.(first, last);
  }, [first, last, count, onRangeChange]);

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    const el = viewport.current;
    if (!el) return;
    const top = next * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + page),
      PageUp: () => moveTo(activeIndex - page),
      Home: () => moveTo(0),
      End: () => moveTo(count - 1),
      Enter: () => count > 0 && props.onActivate(activeIndex),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i++) {
    rows.push(
      <div
        key={i}
        id={`${props.idPrefix}-${i}`}
        role="option"
        aria-selected={i === activeIndex}
        aria-posinset={i + 1}
        aria-setsize={count}
        className={`vlist__row${i === activeIndex ? ' vlist__row--active' : ''}`}
        style={{ transform: `translateY(${i * rowHeight}px)`, height: rowHeight }}
        onClick={() => {
          setActive(i);
          props.onActivate(i);
        }}
      >
        {props.renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={viewport}
      className="vlist"
      role="listbox"
      aria-label={props.label}
      tabIndex={0}
      aria-activedescendant={count > 0 ? `${props.idPrefix}-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="vlist__spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
