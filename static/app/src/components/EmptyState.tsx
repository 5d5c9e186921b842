import type { ReactNode } from 'react';

interface EmptyStateProps {
  header: string;
  /** Heading level, so the empty state fits the page's outline. */
  headingLevel?: 1 | 2 | 3;
  description: ReactNode;
  actions?: ReactNode;
}

/** Atlaskit-style empty state: a quiet illustration, a heading, one explaining sentence. */
export function EmptyState({ header, headingLevel = 2, description, actions }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="pir-empty-state">
      <svg className="pir-empty-state__image" viewBox="0 0 120 96" aria-hidden="true" focusable="false">
        <rect x="14" y="10" width="92" height="76" rx="8" className="pir-empty-state__sheet" />
        <rect x="26" y="26" width="44" height="6" rx="3" className="pir-empty-state__line" />
        <rect x="26" y="40" width="68" height="5" rx="2.5" className="pir-empty-state__line pir-empty-state__line--light" />
        <rect x="26" y="51" width="60" height="5" rx="2.5" className="pir-empty-state__line pir-empty-state__line--light" />
        <path d="M26 74 42 64l12 6 16-14 24 10" className="pir-empty-state__plot" />
      </svg>
      <Heading className="pir-empty-state__header">{header}</Heading>
      <p className="pir-empty-state__description">{description}</p>
      {actions && <div className="pir-empty-state__actions">{actions}</div>}
    </div>
  );
}
