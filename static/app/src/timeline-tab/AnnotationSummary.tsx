import type { Annotation } from '../../../../src/contract';
import { Lozenge, type LozengeAppearance } from '../components/Lozenge';
import { IMPACT_LABEL, KIND_LABEL, MOMENT_LABEL, PHASE_LABEL } from '../timeline-model/labels';

const IMPACT_APPEARANCE: Record<NonNullable<Annotation['impact']>, LozengeAppearance> = {
  positive: 'success',
  negative: 'removed',
  neutral: 'default',
};

/** The entry's annotations at a glance; "Not annotated" when there are none. */
export function AnnotationSummary({ annotation }: { annotation: Annotation }) {
  const { kind, phase, impact, moments } = annotation;
  if (!kind && !phase && !impact && moments.length === 0)
    return <span className="pir-subtle pir-annotation-summary__none">Not annotated</span>;
  return (
    <span className="pir-annotation-summary">
      {phase && <span className={`pir-phase-tag pir-phase--${phase}`}>{PHASE_LABEL[phase]}</span>}
      {impact && <Lozenge appearance={IMPACT_APPEARANCE[impact]}>{`${IMPACT_LABEL[impact]} impact`}</Lozenge>}
      {kind && <Lozenge>{KIND_LABEL[kind]}</Lozenge>}
      {moments.map((moment) => (
        <Lozenge key={moment} appearance="inprogress" title="Key moment marked on this entry">
          {`◆ ${MOMENT_LABEL[moment]}`}
        </Lozenge>
      ))}
    </span>
  );
}
