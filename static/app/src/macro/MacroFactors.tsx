import type { ContributingFactor } from '../../../../src/contract';
import { FACTOR_CATEGORY_LABEL } from '../../../../src/domain/factor-taxonomy';
import { Lozenge } from '../components/Lozenge';
import { EntryText } from '../timeline-tab/EntryText';

/** Contributing factors (many, never one root cause), read-only. */
export function MacroFactors({ factors }: { factors: readonly ContributingFactor[] }) {
  const given = factors.filter((factor) => factor.text.trim() !== '');
  return (
    <section className="pir-section pir-macro__part" aria-labelledby="pir-macro-factors">
      <h2 className="pir-section__heading" id="pir-macro-factors">
        Contributing factors {given.length > 0 && <span className="pir-count">{given.length}</span>}
      </h2>
      {given.length === 0 ? (
        <p className="pir-subtle">No contributing factors written yet.</p>
      ) : (
        <ol className="pir-macro__factors">
          {given.map((factor) => (
            <li key={factor.id}>
              {/* The category from the one taxonomy the Review tab, the report and the export use. */}
              <Lozenge>{FACTOR_CATEGORY_LABEL[factor.category]}</Lozenge> <EntryText text={factor.text} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
