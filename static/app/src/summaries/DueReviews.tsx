import type { DueReviewFlag } from '../../../../src/contract';
import { SectionMessage } from '../components/SectionMessage';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { TopLink } from '../components/TopLink';
import { formatDateTime } from '../format';
import { useAppContext } from '../hooks/useAppContext';
import { issueUrl, severityOfLevel } from './summary-format';

/** Sev1/Sev2 reviews past the 24-hour rule; shown only when there are some. */
export function DueReviews({ flags }: { flags: readonly DueReviewFlag[] }) {
  const { locale, timezone, siteUrl } = useAppContext();
  if (flags.length === 0) return null;
  const at = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, locale, timezone)}</time>;
  return (
    <SectionMessage appearance="warning" title="Reviews due (24-hour rule)">
      <p>
        Reviews of Sev1 and Sev2 incidents are due within one business day of recovery. These are past due, and each incident has been
        reminded.
      </p>
      <ul className="pir-summaries-due">
        {flags.map((flag) => (
          <li key={flag.incidentKey} className="pir-summaries-due__item" data-incident-key={flag.incidentKey}>
            <p className="pir-summaries-due__incident">
              <TopLink href={issueUrl(siteUrl, flag.incidentKey)}>{flag.incidentKey}</TopLink>
              <span>{flag.title}</span>
              <SeverityLozenge severity={severityOfLevel(flag.severityLevel)} />
            </p>
            <dl className="pir-summaries-due__facts">
              <div>
                <dt>Restored</dt>
                <dd>{at(flag.restoredAt)}</dd>
              </div>
              <div>
                <dt>Review due</dt>
                <dd>{at(flag.dueAt)}</dd>
              </div>
              <div>
                <dt>Reminded</dt>
                <dd>{at(flag.remindedAt)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </SectionMessage>
  );
}
