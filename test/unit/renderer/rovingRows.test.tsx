// @vitest-environment jsdom
// The founder works a table from the keyboard: Tab enters it once (on one row, not on every link
// and button in it), ↑/↓ and Home/End move between rows, Enter opens the row, → reaches the row's
// own buttons and Escape comes back, and Tab leaves the table for what follows it.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRovingRows } from '../../../src-renderer/components/useRovingRows';

afterEach(cleanup);

function Deployments({ names }: { names: string[] }) {
  const [opened, setOpened] = useState<string[]>([]);
  const rowsRef = useRef<HTMLTableElement>(null);
  useRovingRows(rowsRef);
  return (
    <>
      <button type="button">Before</button>
      <table ref={rowsRef} aria-label="Deployments">
        <tbody>
          {names.map((name) => (
            <tr key={name} data-testid={`row-${name}`}>
              <td>{name}</td>
              <td>
                <a
                  href={`#logs/${name}`}
                  onClick={(e) => (e.preventDefault(), setOpened((o) => [...o, `logs ${name}`]))}
                >
                  Build
                </a>
              </td>
              <td>
                <button type="button" onClick={() => setOpened((o) => [...o, `rollback ${name}`])}>
                  Roll back
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button">After</button>
      <output data-testid="opened">{opened.join(', ')}</output>
    </>
  );
}

/** What Tab would reach: elements with tabIndex 0 or more, in document order. */
const tabStops = () =>
  Array.from(document.querySelectorAll<HTMLElement>('a[href], button, tr, [tabindex]')).filter(
    (el) => el.tabIndex >= 0,
  );
const key = (k: string) => fireEvent.keyDown(document.activeElement!, { key: k });

describe('a table with one Tab stop', () => {
  it('is one stop between the buttons around it, however many rows and links it has', () => {
    render(<Deployments names={['d1', 'd2', 'd3']} />);
    const stops = tabStops().map((el) => el.textContent?.trim() || el.dataset.testid);
    expect(stops).toEqual(['Before', 'd1BuildRoll back', 'After']);
  });

  it('moves with ↑/↓, Home and End, and stays on the table’s ends', () => {
    render(<Deployments names={['d1', 'd2', 'd3']} />);
    screen.getByTestId('row-d1').focus();
    key('ArrowDown');
    expect(document.activeElement).toBe(screen.getByTestId('row-d2'));
    key('End');
    expect(document.activeElement).toBe(screen.getByTestId('row-d3'));
    key('ArrowDown');
    expect(document.activeElement).toBe(screen.getByTestId('row-d3'));
    key('Home');
    expect(document.activeElement).toBe(screen.getByTestId('row-d1'));
    key('ArrowUp');
    expect(document.activeElement).toBe(screen.getByTestId('row-d1'));
    // The row left last is where Tab comes back to.
    key('ArrowDown');
    expect(tabStops().filter((el) => el.tagName === 'TR')).toEqual([screen.getByTestId('row-d2')]);
  });

  it('opens the row with Enter (its first link), and reaches the row’s buttons with → and Escape', () => {
    render(<Deployments names={['d1', 'd2']} />);
    screen.getByTestId('row-d1').focus();
    key('ArrowDown');
    key('Enter');
    expect(screen.getByTestId('opened').textContent).toBe('logs d2');
    key('ArrowRight');
    key('ArrowRight');
    expect(document.activeElement).toBe(screen.getAllByText('Roll back')[1]);
    key('Escape');
    expect(document.activeElement).toBe(screen.getByTestId('row-d2'));
  });

  it('keeps a stop when rows go away under it', () => {
    const { rerender } = render(<Deployments names={['d1', 'd2', 'd3']} />);
    screen.getByTestId('row-d1').focus();
    key('End');
    rerender(<Deployments names={['d1']} />);
    expect(tabStops().filter((el) => el.tagName === 'TR')).toEqual([screen.getByTestId('row-d1')]);
  });
});
