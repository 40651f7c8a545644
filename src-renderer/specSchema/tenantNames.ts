// Names for a new tenant made from a template tenant: the replacement the form starts with, and the
// App Platform name rule checked before anything is sent.
import { APP_NAME_PATTERN } from '../../src-preload/contract/namePatterns';

export const APP_NAME = APP_NAME_PATTERN;

export function appNameProblem(name: string): string | undefined {
  if (!name) return 'Give the new app a name.';
  if (!APP_NAME.test(name))
    return 'Use 2–32 lowercase letters, digits and dashes, starting with a letter and not ending with a dash.';
  return undefined;
}

/**
 * The part of the template's name that names the tenant, and what replaces it: "taskifai-bibbi" →
 * "taskifai-customer4" gives "bibbi" → "customer4" (and "BIBBI" → "CUSTOMER4", "Bibbi" → "Customer4").
 * Names with nothing in common replace whole.
 */
export function suggestReplacements(templateName: string, newName: string): Array<{ from: string; to: string }> {
  if (!templateName || !newName || templateName === newName) return [];
  const a = templateName.split('-');
  const b = newName.split('-');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = a.slice(head, a.length - tail).join('-');
  const to = b.slice(head, b.length - tail).join('-');
  if (!from || !to) return [{ from: templateName, to: newName }];
  // Display names carry the slug as "BIBBI" or "Bibbi": those follow it.
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const variants = [
    { from, to },
    { from: from.toUpperCase(), to: to.toUpperCase() },
    { from: capital(from), to: capital(to) },
  ];
  return variants.filter((v, i) => variants.findIndex((w) => w.from === v.from) === i);
}
