import type { ReviewStatus } from '../../../../src/contract';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { Lozenge } from '../components/Lozenge';
import { useAction } from '../hooks/useAction';
import { STATUS_APPEARANCE, STATUS_LABEL, STATUS_MOVES } from '../review-model/labels';

interface StatusControlProps {
  status: ReviewStatus;
  setStatus: (status: ReviewStatus) => Promise<void>;
}

/** The review's status and the moves allowed from it; "Publish report" (below the sections) makes it Published. */
export function StatusControl({ status, setStatus }: StatusControlProps) {
  const move = useAction(setStatus);
  return (
    <div className="pir-status-control">
      <span className="pir-status-control__label pir-subtle">Status</span>
      <span data-status={status}>
        <Lozenge appearance={STATUS_APPEARANCE[status]} isBold={status === 'published'}>
          {STATUS_LABEL[status]}
        </Lozenge>
      </span>
      {STATUS_MOVES[status].map(({ to, label }) => (
        <Button key={to} spacing="compact" isLoading={move.busy} onClick={() => void move.run(to)}>
          {label}
        </Button>
      ))}
      {move.error && <InlineError>{`Status not changed: ${move.error.message}`}</InlineError>}
    </div>
  );
}
