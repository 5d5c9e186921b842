import type { ExternalSummary } from '../../../../src/contract';
import { previewSections } from './publish-helpers';

/** The external summary exactly as it will be public: plain text sections, nothing editable. */
export function ExternalPreview({ summary, stale }: { summary: ExternalSummary; stale: boolean }) {
  return (
    <section
      className={`pir-external-preview${stale ? ' pir-external-preview--stale' : ''}`}
      id="pir-external-preview"
      aria-labelledby="pir-external-preview-title"
      data-stale={stale}
    >
      <p className="pir-external-preview__label pir-subtle">
        {stale ? 'Preview (out of date: preview again to see your changes)' : 'Preview: exactly what will be public'}
      </p>
      <h5 className="pir-external-preview__title" id="pir-external-preview-title">
        {summary.title}
      </h5>
      {previewSections(summary).map((section, index) => (
        <div className="pir-external-preview__section" key={`${section.id}-${index}`} data-section={section.id}>
          <h6 className="pir-external-preview__heading">{section.heading}</h6>
          {section.items ? (
            section.items.length === 0 ? (
              <p className="pir-subtle">None</p>
            ) : (
              <ul className="pir-external-preview__items">
                {section.items.map((item, index) => (
                  <li key={`${index}-${item}`}>{item}</li>
                ))}
              </ul>
            )
          ) : (
            <p className="pir-external-preview__text">
              {section.text?.trim() ? section.text : <span className="pir-subtle">Not given</span>}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
