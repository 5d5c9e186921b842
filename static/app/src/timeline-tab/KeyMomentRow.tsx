import { useRef, useState } from 'react';
import type { KeyMomentName, MomentValue } from '../../../../src/contract';
import { Button } from '../components/Button';
import { Lozenge, type LozengeAppearance } from '../components/Lozenge';
import { useAppContext } from '../hooks/useAppContext';
import type { TimelineReview } from '../hooks/useTimelineReview';
import { MOMENT_LABEL, MOMENT_SOURCE_LABEL } from '../timeline-model/labels';
import { formatShortDateTime } from '../timeline-model/zoned-time';
import { KeyMomentEditor } from './KeyMomentEditor';

const SOURCE_APPEARANCE: Record<MomentValue['source'], LozengeAppearance> = {
  derived: 'default',
  marked: 'inprogress',
  override: 'new',
  none: 'default',
};

const SOURCE_HINT: Record<MomentValue['source'], string> = {
  derived: 'Derived from the timeline by the default rules',
  marked: 'Marked on a timeline entry',
  override: 'Typed in on this review',
  none: 'Not known yet',
};

interface KeyMomentRowProps {
  name: KeyMomentName;
  value: MomentValue;
  write: TimelineReview['write'];
}

export function KeyMomentRow({ name, value, write }: KeyMomentRowProps) {
  const { locale, timezone } = useAppContext();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setEditing(false);
    editButton.current?.focus();
  };
  const label = MOMENT_LABEL[name];
  return (
    <li className="pir-moment">
      <span className="pir-moment__name">
        {label}
        {value.hiddenEntry && (
          <span
            className="pir-subtle pir-moment__hidden"
            title="Jira does not let you see the entry this time comes from; its time still counts in the metrics"
          >
            From an entry you cannot see
          </span>
        )}
      </span>
      <span className="pir-moment__time">
        {value.at ? (
          <time dateTime={value.at}>{formatShortDateTime(value.at, locale, timezone)}</time>
        ) : (
          <span className="pir-subtle">Not set</span>
        )}
      </span>
      <span className="pir-moment__source">
        {value.source !== 'none' && (
          <Lozenge appearance={SOURCE_APPEARANCE[value.source]} title={SOURCE_HINT[value.source]}>
            {MOMENT_SOURCE_LABEL[value.source]}
          </Lozenge>
        )}
      </span>
      <Button
        ref={editButton}
        appearance="subtle"
        spacing="compact"
        aria-expanded={editing}
        aria-label={`Edit ${label}`}
        onClick={() => setEditing(!editing)}
      >
        Edit
      </Button>
      {editing && <KeyMomentEditor name={name} value={value} write={write} onClose={close} />}
    </li>
  );
}
