// The kept fleet is the renderer's first question at every start. Each bridge asks it the moment
// it loads, while the renderer's bundle is still being read, and hands that answer to the
// renderer's first call: the overview's first frame can then hold rows instead of waiting a round
// trip after the bundle runs.

/** An early answer older than this was not taken at start: a later first call asks anew. */
const EARLY_ANSWER_KEPT_MS = 10_000;

/** `ask`, except that its first call (soon after load) takes the answer already asked for. */
export function firstCallTakes<T>(early: Promise<T>, ask: () => Promise<T>, now = Date.now): () => Promise<T> {
  let waiting: Promise<T> | undefined = early;
  const askedAt = now();
  return () => {
    const taken = waiting;
    waiting = undefined;
    return taken && now() - askedAt < EARLY_ANSWER_KEPT_MS ? taken : ask();
  };
}
