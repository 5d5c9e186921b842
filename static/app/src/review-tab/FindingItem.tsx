import type { BlamelessFinding } from '../../../../src/contract';
import { Button } from '../components/Button';
import { dropInReplacement, findingSnippet } from '../review-model/finding-spans';

interface FindingItemProps {
  finding: BlamelessFinding;
  text: string;
  onShow: () => void;
  onApply: (replacement: string) => void;
}

/** One wording suggestion: the flagged words in context, why, and a kinder way to say it. */
export function FindingItem({ finding, text, onShow, onApply }: FindingItemProps) {
  const snippet = findingSnippet(text, finding);
  const replacement = dropInReplacement(finding);
  return (
    <li className="pir-finding" data-rule={finding.ruleId}>
      <p className="pir-finding__snippet">
        {snippet.before}
        <mark className="pir-finding__mark">{snippet.match}</mark>
        {snippet.after}
      </p>
      <p className="pir-finding__reason">{finding.reason}</p>
      <p className="pir-finding__suggestion">
        <span className="pir-finding__try">Try: </span>
        {finding.suggestion}
      </p>
      <div className="pir-finding__actions">
        <Button appearance="link" onClick={onShow}>
          Show in text
        </Button>
        {replacement && (
          <Button appearance="link" onClick={() => onApply(replacement)}>
            {`Apply suggestion: “${replacement}”`}
          </Button>
        )}
      </div>
    </li>
  );
}
