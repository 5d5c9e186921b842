import type { ReactNode } from 'react';

export type SectionMessageAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

interface SectionMessageProps {
  appearance?: SectionMessageAppearance;
  title?: string;
  children: ReactNode;
  /** Buttons shown under the text, e.g. "Try again". */
  actions?: ReactNode;
}

const ICON_PATH: Record<SectionMessageAppearance, string> = {
  information: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  discovery: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2v2Zm0-4h-2V7h2v6Z',
  warning: 'M12.9 3.5a1 1 0 0 0-1.8 0l-9 16A1 1 0 0 0 3 21h18a1 1 0 0 0 .9-1.5l-9-16ZM13 18h-2v-2h2v2Zm0-4h-2V9h2v5Z',
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.4-4.2-4.2 1.4-1.4 2.8 2.8 5.8-5.8 1.4 1.4-7.2 7.2Z',
};

/** Atlaskit-style section message. Errors and warnings are announced (role="alert"). */
export function SectionMessage({ appearance = 'information', title, children, actions }: SectionMessageProps) {
  const urgent = appearance === 'error' || appearance === 'warning';
  return (
    <section className={`pir-section-message pir-section-message--${appearance}`} role={urgent ? 'alert' : 'status'}>
      <svg className="pir-section-message__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={ICON_PATH[appearance]} />
      </svg>
      <div className="pir-section-message__content">
        {title && <h2 className="pir-section-message__title">{title}</h2>}
        <div className="pir-section-message__body">{children}</div>
        {actions && <div className="pir-section-message__actions">{actions}</div>}
      </div>
    </section>
  );
}
