// Where a page sits: a link back to the list it came from, then the page itself ("← Tenants / acme").
import type { ReactNode } from 'react';

export function Breadcrumb({ back, current }: { back: { href: string; label: string }; current: ReactNode }) {
  return (
    <nav className="breadcrumb" aria-label="Breadcrumb">
      <a className="back-link" href={back.href}>
        ← {back.label}
      </a>
      <span className="breadcrumb__sep">/</span>
      <span aria-current="page">{current}</span>
    </nav>
  );
}
