// Answers that repeat what is on screen keep the objects already there, so memoized rows and
// selectors see no change and a beat that learned nothing renders nothing.

/** `next` in place of `current`, keeping each unchanged entry — and `current` itself when none changed. */
export function shareUnchanged<T>(current: Record<string, T>, next: Record<string, T>): Record<string, T> {
  let same = Object.keys(current).length === Object.keys(next).length;
  const shared: Record<string, T> = {};
  for (const [id, entry] of Object.entries(next)) {
    const old = current[id];
    if (old !== undefined && JSON.stringify(old) === JSON.stringify(entry)) shared[id] = old;
    else {
      shared[id] = entry;
      same = false;
    }
  }
  return same ? current : shared;
}
