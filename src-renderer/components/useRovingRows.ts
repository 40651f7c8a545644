// One Tab stop per table (a roving tabindex): Tab enters the table on its current row, ↑/↓ move
// between rows, Home/End jump to the first and last, Enter opens the row, Tab leaves the table.
// A row's own links and buttons leave the Tab order (else each row would cost several Tab
// presses) and stay reachable with →/← from the row; Escape, or ← from the first, goes back to it.
//
// Give it a ref to the <table> (or <tbody>); rows are `tbody > tr` unless `rowSelector` says
// otherwise. Rows may come and go between renders: the tabindexes are set
// again after every render, and the current row is kept by position, clamped to the rows there are.
import { useLayoutEffect, useRef, type RefObject } from 'react';
import './rovingRows.css';

const CONTROLS = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]';

export interface RovingRowsOptions {
  /** Which elements are rows, inside the element the ref is on. */
  rowSelector?: string;
  /**
   * What Enter on a row does. By default it clicks the row's element marked `data-row-open`, or its
   * first link or enabled button; a row with neither does nothing.
   */
  onOpen?: (row: HTMLElement, index: number) => void;
}

export function useRovingRows(container: RefObject<HTMLElement | null>, options: RovingRowsOptions = {}): void {
  const current = useRef(0);
  const { rowSelector = 'tbody > tr', onOpen } = options;

  // After every render: the current row is the table's one Tab stop, its controls are reached by
  // arrows; the listeners are native so a handled key stops before the app's global shortcuts.
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const rowsOf = () => Array.from(root.querySelectorAll<HTMLElement>(rowSelector));
    const rows = rowsOf();
    current.current = Math.max(0, Math.min(current.current, rows.length - 1));
    rows.forEach((row, i) => {
      row.tabIndex = i === current.current ? 0 : -1;
      row.classList.add('roving-row');
      for (const control of controlsOf(row)) control.tabIndex = -1;
    });

    const focusRow = (index: number) => {
      const all = rowsOf();
      const target = all[Math.max(0, Math.min(index, all.length - 1))];
      if (!target) return;
      all.forEach((row) => (row.tabIndex = row === target ? 0 : -1));
      current.current = all.indexOf(target);
      target.focus();
    };
    // A click or a control's focus makes its row the current one, so Tab comes back to it.
    const onFocusIn = (event: FocusEvent) => {
      const all = rowsOf();
      const index = all.findIndex((row) => row.contains(event.target as Node));
      if (index < 0 || index === current.current) return;
      current.current = index;
      all.forEach((row, i) => (row.tabIndex = i === index ? 0 : -1));
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const all = rowsOf();
      const target = event.target as HTMLElement;
      const index = all.findIndex((row) => row.contains(target));
      if (index < 0) return;
      const row = all[index]!;
      const onRow = target === row;
      const controls = controlsOf(row);
      const at = controls.indexOf(target);
      const handled = () => {
        event.preventDefault();
        event.stopPropagation();
      };
      switch (event.key) {
        case 'ArrowDown':
          handled();
          return focusRow(index + 1);
        case 'ArrowUp':
          handled();
          return focusRow(index - 1);
        case 'Home':
          if (!onRow) return;
          handled();
          return focusRow(0);
        case 'End':
          if (!onRow) return;
          handled();
          return focusRow(all.length - 1);
        case 'ArrowRight':
          if (controls.length === 0) return;
          handled();
          return controls[Math.min(at + 1, controls.length - 1)]!.focus();
        case 'ArrowLeft':
          if (onRow) return;
          handled();
          return at > 0 ? controls[at - 1]!.focus() : row.focus();
        case 'Escape':
          if (onRow) return;
          handled();
          return row.focus();
        case 'Enter': {
          if (!onRow) return;
          handled();
          if (onOpen) return onOpen(row, index);
          const open = row.querySelector<HTMLElement>('[data-row-open]') ?? controls.find(isOpenable);
          return open?.click();
        }
      }
    };
    root.addEventListener('keydown', onKeyDown);
    root.addEventListener('focusin', onFocusIn);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      root.removeEventListener('focusin', onFocusIn);
    };
  });
}

function controlsOf(row: HTMLElement): HTMLElement[] {
  return Array.from(row.querySelectorAll<HTMLElement>(CONTROLS)).filter((el) => el !== row);
}

const isOpenable = (el: HTMLElement) => el.tagName === 'A' || el.tagName === 'BUTTON';
