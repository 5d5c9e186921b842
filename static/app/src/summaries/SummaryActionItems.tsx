import type { ActionItem } from '../../../../src/contract';
import { Lozenge } from '../components/Lozenge';
import { StatusLozenge } from '../components/StatusLozenge';
import { TopLink } from '../components/TopLink';
import { useAppContext } from '../hooks/useAppContext';
import { formatDay } from './format-day';

/** Countermeasures as a compact table: what, sub-task, owner, due date, live status, overdue. */
export function SummaryActionItems({ items }: { items: readonly ActionItem[] }) {
  const { locale } = useAppContext();
  if (items.length === 0) return <p className="pir-subtle">No action items.</p>;
  return (
    <table className="pir-summaries-doc__table">
      <thead>
        <tr>
          <th scope="col">Action item</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const owner = (item.jira ? item.jira.assignee : item.owner)?.displayName ?? null;
          const due = item.jira?.dueDate ?? item.dueDate;
          return (
            <tr key={item.id} data-overdue={item.overdue}>
              <td>
                {item.jira && (
                  <>
                    {/* Underlined like the summary's other in-text links (axe link-in-text-block: 2.75:1 by colour alone). */}
                    <TopLink href={item.jira.url} className="pir-link pir-summaries-doc__key">
                      {item.jira.key}
                    </TopLink>{' '}
                  </>
                )}
                {item.summary || <span className="pir-subtle">Untitled action item</span>}
              </td>
              <td>{owner ?? <span className="pir-subtle">Unassigned</span>}</td>
              <td className="pir-summaries-doc__nowrap">
                {due ? <time dateTime={due}>{formatDay(due, locale)}</time> : <span className="pir-subtle">None</span>}
              </td>
              <td>
                <span className="pir-summaries-doc__status">
                  {item.jira ? <StatusLozenge status={item.jira.status} /> : <span className="pir-subtle">Not in Jira</span>}
                  {item.overdue && (
                    <Lozenge appearance="removed" isBold>
                      Overdue
                    </Lozenge>
                  )}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
