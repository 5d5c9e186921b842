import type { ReactNode, Ref } from 'react';
import type { IncidentSummary } from '../../../../src/contract';
import { KeyDurations } from '../components/KeyDurations';
import { Lozenge } from '../components/Lozenge';
import { SeverityLozenge } from '../components/SeverityLozenge';
import { StatusLozenge } from '../components/StatusLozenge';
import { TopLink } from '../components/TopLink';
import { formatDateTime } from '../format';
import { useAppContext } from '../hooks/useAppContext';
import { formatDay } from './format-day';
import { STATUS_APPEARANCE, STATUS_LABEL } from '../review-model/labels';
import { PhaseBar } from '../timeline-tab/PhaseBar';
import { MOMENT_LABEL, MOMENT_ORDER } from '../timeline-model/labels';
import { dayKeyOf, formatShortDateTime } from '../timeline-model/zoned-time';
import { SummaryActionItems } from './SummaryActionItems';

const CORE_MOMENTS = new Set(['impactStarted', 'detected', 'acknowledged', 'identified', 'restored', 'closed']);

function Part({ id, title, className = '', children }: { id: string; title: string; className?: string; children: ReactNode }) {
  return (
    <section className={`pir-summaries-doc__part ${className}`} aria-labelledby={`pir-summaries-doc-${id}`}>
      <h2 className="pir-summaries-doc__heading" id={`pir-summaries-doc-${id}`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Text({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? <p className="pir-summaries-doc__text">{text}</p> : <p className="pir-subtle">{empty}</p>;
}

const LEARNINGS = [
  ['learned', 'What we learned'],
  ['wentWell', 'What went well'],
  ['surprised', 'What surprised us'],
] as const;

/** The one-screen After Action Summary of one incident: everything a leader reads, on one A4 page. */
export function SummaryDocument({ summary, headingRef }: { summary: IncidentSummary; headingRef: Ref<HTMLHeadingElement> }) {
  const { locale, timezone } = useAppContext();
  const { incident, severity, moments, metrics } = summary;
  const impact = summary.customerImpact.affected;
  const started = moments?.impactStarted.at ?? incident.created;
  const momentNames = moments ? MOMENT_ORDER.filter((name) => CORE_MOMENTS.has(name) || moments[name].at) : [];
  return (
    <article className="pir-summaries-doc" aria-labelledby="pir-summaries-doc-title" data-incident-key={incident.key}>
      <header className="pir-summaries-doc__header">
        <p className="pir-summaries-doc__eyebrow pir-subtle">After Action Summary</p>
        <h1 className="pir-summaries-doc__title" id="pir-summaries-doc-title" ref={headingRef} tabIndex={-1}>
          <TopLink href={incident.url} className="pir-link pir-summaries-doc__key">
            {incident.key}
          </TopLink>{' '}
          {incident.summary}
        </h1>
        <p className="pir-summaries-doc__badges">
          <SeverityLozenge severity={severity} />
          <span className="pir-subtle">{severity.description}</span>
          <span className="pir-summaries-doc__badge">
            <span className="pir-subtle">Review</span>
            <Lozenge appearance={STATUS_APPEARANCE[summary.status]} isBold={summary.status === 'published'}>
              {STATUS_LABEL[summary.status]}
            </Lozenge>
          </span>
          <span className="pir-summaries-doc__badge">
            <span className="pir-subtle">Incident</span>
            <StatusLozenge status={incident.status} />
          </span>
        </p>
        <dl className="pir-summaries-doc__meta">
          <div>
            <dt>Incident date</dt>
            <dd>
              <time dateTime={started}>{formatDay(dayKeyOf(started, timezone), locale)}</time>
            </dd>
          </div>
          <div>
            <dt>Facilitator</dt>
            <dd>{summary.facilitator?.displayName ?? <span className="pir-subtle">Not named</span>}</dd>
          </div>
          <div>
            <dt>Review meeting</dt>
            <dd>
              {summary.meetingDate ? (
                <time dateTime={summary.meetingDate}>{formatDay(summary.meetingDate, locale)}</time>
              ) : (
                <span className="pir-subtle">Not scheduled</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Report</dt>
            <dd>
              {summary.pageUrl ? (
                <TopLink href={summary.pageUrl}>Open in Confluence</TopLink>
              ) : (
                <span className="pir-subtle">Not published</span>
              )}
            </dd>
          </div>
          {summary.tags.length > 0 && (
            <div>
              <dt>Tags</dt>
              <dd>
                <ul className="pir-summaries-doc__chips">
                  {summary.tags.map((tag) => (
                    <li key={tag} className="pir-summaries-doc__chip">
                      {tag}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </header>

      {moments && metrics ? (
        <div className="pir-summaries-doc__metrics">
          <Part id="metrics" title="Key metrics">
            <KeyDurations metrics={metrics} problems={summary.problems} />
            <PhaseBar moments={moments} metrics={metrics} />
          </Part>
          <Part id="moments" title="Key moments">
            <dl className="pir-summaries-doc__moments">
              {momentNames.map((name) => {
                const at = moments[name].at;
                return (
                  <div key={name}>
                    <dt>{MOMENT_LABEL[name]}</dt>
                    <dd>
                      {at ? (
                        <time dateTime={at}>{formatShortDateTime(at, locale, timezone)}</time>
                      ) : (
                        <span className="pir-subtle">Unknown</span>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </Part>
        </div>
      ) : (
        <p className="pir-subtle">Key moments and metrics appear once the review is started from the incident in Jira.</p>
      )}

      <div className="pir-summaries-doc__grid">
        <Part id="impact" title="Customer impact">
          <p>
            <strong>{impact === null ? 'Unknown' : impact ? 'Customers were affected' : 'No customer impact'}</strong>
          </p>
          {summary.customerImpact.text.trim() && <p className="pir-summaries-doc__text">{summary.customerImpact.text}</p>}
        </Part>
        <Part id="services" title="Services impacted">
          {summary.servicesImpacted.length > 0 ? (
            <ul className="pir-summaries-doc__chips">
              {summary.servicesImpacted.map((service) => (
                <li key={service} className="pir-summaries-doc__chip">
                  {service}
                </li>
              ))}
            </ul>
          ) : (
            <p className="pir-subtle">None named.</p>
          )}
        </Part>
      </div>

      <Part id="description" title="What happened">
        <Text text={summary.description} empty="No description written yet." />
      </Part>

      <Part id="learnings" title="Learnings">
        <div className="pir-summaries-doc__learnings">
          {LEARNINGS.map(([field, label]) => (
            <div key={field}>
              <h3 className="pir-summaries-doc__subheading">{label}</h3>
              <Text text={summary.learnings[field]} empty="Nothing written yet." />
            </div>
          ))}
        </div>
      </Part>

      <Part id="factors" title="Contributing factors">
        {summary.contributingFactors.some((f) => f.text.trim()) ? (
          <ol className="pir-summaries-doc__factors">
            {summary.contributingFactors
              .filter((f) => f.text.trim())
              .map((factor) => (
                <li key={factor.id}>{factor.text}</li>
              ))}
          </ol>
        ) : (
          <p className="pir-subtle">No contributing factors written yet.</p>
        )}
      </Part>

      <Part id="actions" title="Action items">
        <SummaryActionItems items={summary.actionItems} />
      </Part>

      <footer className="pir-summaries-doc__footer pir-subtle">
        {`Times in ${timezone}.`}
        {summary.updatedAt && ` Review last updated ${formatDateTime(summary.updatedAt, locale, timezone)}.`}
        {summary.pageUrl && <span className="pir-summaries-doc__print-only">{`Report: ${summary.pageUrl}`}</span>}
      </footer>
    </article>
  );
}
