import type { ReactNode } from 'react';

interface DocSectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  /** Extra room for the sections that matter most (learnings). */
  emphasis?: boolean;
  actions?: ReactNode;
  children: ReactNode;
}

/** One section of the review form: a heading the page outline and screen readers can find. */
export function DocSection({ id, title, description, emphasis = false, actions, children }: DocSectionProps) {
  return (
    <section className={`pir-doc-section${emphasis ? ' pir-doc-section--emphasis' : ''}`} aria-labelledby={`${id}-heading`} id={id}>
      <div className="pir-doc-section__head">
        <h3 className="pir-doc-section__heading" id={`${id}-heading`}>
          {title}
        </h3>
        {actions}
      </div>
      {description && <p className="pir-doc-section__description pir-subtle">{description}</p>}
      <div className="pir-doc-section__body">{children}</div>
    </section>
  );
}
