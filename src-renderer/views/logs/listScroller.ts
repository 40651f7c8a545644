// The log list's own scrolling, apart from what it renders: where it was last left, whether the
// reader moved it by hand, and keeping it on the bottom while it follows. Every decision reads the
// element as laid out at that moment, never an earlier measure.
import { useLogsStore } from '../../stores/logsStore';

/**
 * How long after the reader's wheel, touch or key a move up is theirs. Generous: on a busy machine
 * the scroll event comes frames after the input that made it.
 */
const BY_HAND_MS = 1500;

export interface ListView {
  top: number;
  height: number;
}

/**
 * The list's own scrolling: each decision reads the element as laid out at that moment. That is
 * still one layout per batch of lines: setting scrollTop lays the list out anyway (to clamp it),
 * and the reads around it find the layout done.
 */
export class ListScroller {
  /**
   * Where the list was last placed or seen, as the browser clamped it. The reader went up only
   * when the list is above it and above the bottom too: a list grown taller or rows gone pull the
   * position up to the new bottom without anyone scrolling.
   */
  private placed = 0;
  /** When the reader last turned the wheel, touched the list or pressed a key in it. */
  private handled = -Infinity;
  /** The reader holds the scrollbar. */
  private holding = false;

  /** `show` takes which rows to render. */
  constructor(private readonly show: (update: (view: ListView) => ListView) => void) {}

  measure = (el: HTMLDivElement) => {
    this.placed = el.scrollTop;
    this.show((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
    );
  };

  scrollTo = (el: HTMLDivElement, top: number) => {
    el.scrollTop = top;
    // Read back: setting it laid the list out already, and a clamped position must not later
    // look like the reader scrolling up.
    this.measure(el);
  };

  /** The reader's own input, which may move the list. */
  byHand = () => {
    this.handled = performance.now();
  };

  /** A press on the list itself, not a row, is one on its scrollbar: held until released. */
  pressed = (event: { target: EventTarget; currentTarget: EventTarget }) => {
    if (event.target !== event.currentTarget) return;
    this.holding = true;
    const release = () => {
      this.holding = false;
      this.byHand();
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  };

  /**
   * Only the reader scrolls the list up: a move up with no input of theirs (scrolling an element
   * into view, focus, a tool driving the page) is put back while following.
   */
  readerWentUp = (el: HTMLDivElement) =>
    (this.holding || performance.now() - this.handled < BY_HAND_MS) &&
    el.scrollTop < Math.min(this.placed, el.scrollHeight - el.clientHeight) - 1;

  /**
   * Keeps a following list on its newest line, wherever the detail pane, the legend or the window
   * moved the bottom; a reader who scrolled up since is left there, whichever of their scroll
   * event or this comes first.
   */
  follow = (el: HTMLDivElement) => {
    if (this.readerWentUp(el)) {
      useLogsStore.getState().setFollowing(false);
      this.measure(el);
    } else this.scrollTo(el, el.scrollHeight - el.clientHeight);
  };
}
