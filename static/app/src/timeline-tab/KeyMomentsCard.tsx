import type { KeyMoments } from '../../../../src/contract';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { MOMENT_ORDER } from '../timeline-model/labels';
import { KeyMomentRow } from './KeyMomentRow';

/** Every key moment with its time, where it comes from, and an editor for an override. */
export function KeyMomentsCard({ moments, write }: { moments: KeyMoments; write: TimelineReview['write'] }) {
  const { timezone } = useAppContext();
  return (
    <section className="pir-card" aria-labelledby="pir-moments-heading">
      <div className="pir-card__head">
        <h2 className="pir-card__heading" id="pir-moments-heading">
          Key moments
        </h2>
        <span className="pir-subtle pir-card__note">Times in {timezone.replace(/_/g, ' ')}</span>
      </div>
      <ul className="pir-moments">
        {MOMENT_ORDER.map((name) => (
          <KeyMomentRow key={name} name={name} value={moments[name]} write={write} />
        ))}
      </ul>
    </section>
  );
}
