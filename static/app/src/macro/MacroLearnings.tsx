import type { ReviewContent } from '../../../../src/contract';
import { EntryText } from '../timeline-tab/EntryText';

const LEARNINGS: [keyof ReviewContent['learnings'], string][] = [
  ['learned', 'What we learned'],
  ['wentWell', 'What went well'],
  ['surprised', 'What surprised us'],
];

/** Learnings, read-only; long texts are clamped until "Show more". */
export function MacroLearnings({ learnings }: { learnings: ReviewContent['learnings'] }) {
  const given = LEARNINGS.filter(([field]) => learnings[field].trim() !== '');
  return (
    <section className="pir-section pir-macro__part" aria-labelledby="pir-macro-learnings">
      <h2 className="pir-section__heading" id="pir-macro-learnings">
        Learnings
      </h2>
      {given.length === 0 ? (
        <p className="pir-subtle">No learnings written yet.</p>
      ) : (
        given.map(([field, label]) => (
          <div className="pir-macro__text-block" key={field}>
            <h3 className="pir-macro__subheading">{label}</h3>
            <EntryText text={learnings[field]} />
          </div>
        ))
      )}
    </section>
  );
}
