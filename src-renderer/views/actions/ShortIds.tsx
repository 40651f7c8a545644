// Deployment causes name other deployments by their full UUID ("rollback to deployment
// 5c1f0a2e-…"): 36 characters that push the rest of a banner aside and that no one reads. Shown
// short, like every other id in the app, with the full one on hover.
import type { ReactNode } from 'react';
import { shortId } from '../../actionFormat';

const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;

export function WithShortIds({ text }: { text: string }) {
  // split() with a capturing group keeps the ids at the odd places.
  const parts: ReactNode[] = text.split(UUID).map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="selectable" title={part} data-testid="short-id">
        {shortId(part)}
      </code>
    ) : (
      part
    ),
  );
  return <>{parts}</>;
}
