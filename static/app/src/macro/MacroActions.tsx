import type { ActionItem } from '../../../../src/contract';
import { Avatar } from '../components/Avatar';
import { useAppContext } from '../hooks/useAppContext';
import { ActionItemJiraState } from '../review-tab/ActionItemJiraState';
import { QUESTION_LABEL } from '../review-model/labels';
import { formatDay } from '../summaries/format-day';

/** Action items with their Jira sub-task, live status, owner, due date and overdue flag; read-only. */
export function MacroActions({ items }: { items: readonly ActionItem[] }) {
  const { locale } = useAppContext();
  return (
    <section className="pir-section pir-macro__part" aria-labelledby="pir-macro-actions">
      <h2 className="pir-section__heading" id="pir-macro-actions">
        Action items {items.length > 0 && <span className="pir-count">{items.length}</span>}
      </h2>
      {items.length === 0 ? (
        <p className="pir-subtle">No action items yet.</p>
      ) : (
        <ul className="pir-macro__actions">
          {items.map((item) => (
            <li key={item.id} className="pir-macro-action" data-overdue={item.overdue}>
              <p className="pir-macro-action__summary">{item.summary || <span className="pir-subtle">Untitled action item</span>}</p>
              <dl className="pir-macro-action__facts">
                <div>
                  <dt>Owner</dt>
                  <dd>
                    {item.owner ? (
                      <span className="pir-person">
                        <Avatar name={item.owner.displayName} />
                        <span className="pir-truncate">{item.owner.displayName}</span>
                      </span>
                    ) : (
                      <span className="pir-subtle">No owner</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Due</dt>
                  <dd>
                    {item.dueDate ? (
                      <time dateTime={item.dueDate}>{formatDay(item.dueDate, locale)}</time>
                    ) : (
                      <span className="pir-subtle">No due date</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Priority</dt>
                  <dd>{item.priority}</dd>
                </div>
                <div>
                  <dt>Answers</dt>
                  <dd>{QUESTION_LABEL[item.question]}</dd>
                </div>
              </dl>
              <ActionItemJiraState saved={item} failure={null} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
