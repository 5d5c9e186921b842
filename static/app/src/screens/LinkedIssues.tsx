import type { LinkedIssue } from '../../../../src/contract';
import { StatusLozenge } from '../components/StatusLozenge';
import { TopLink } from '../components/TopLink';
import { groupInOrder } from '../format';

/** Linked issues grouped by relation, in Jira's wording and order. */
export function LinkedIssues({ issues }: { issues: readonly LinkedIssue[] }) {
  return (
    <section className="pir-section" aria-labelledby="pir-linked-heading">
      <h2 className="pir-section__heading" id="pir-linked-heading">
        Linked issues {issues.length > 0 && <span className="pir-count">{issues.length}</span>}
      </h2>
      {issues.length === 0 ? (
        <p className="pir-subtle">No linked issues</p>
      ) : (
        groupInOrder(issues, (issue) => issue.relation).map(([relation, group]) => (
          <div className="pir-link-group" key={relation}>
            <h3 className="pir-link-group__relation">{relation}</h3>
            <ul className="pir-link-list">
              {group.map((issue) => (
                <li className="pir-link-row" key={issue.key}>
                  <TopLink href={issue.url} className="pir-link pir-link-row__key" title={`${issue.issueType} ${issue.key}`}>
                    {issue.key}
                  </TopLink>
                  <span className="pir-link-row__summary" title={issue.summary}>
                    {issue.summary}
                  </span>
                  <StatusLozenge status={issue.status} />
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
