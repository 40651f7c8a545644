import type { ReactNode } from 'react';
import './states.css';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state--empty" data-testid="empty-state">
      <h2 className="state__title">{title}</h2>
      {children ? <p className="state__message">{children}</p> : null}
      {action}
    </div>
  );
}
