import type { Participant, Result, ReviewDoc } from '../../src/contract';
import { useTemplate } from '../../src/domain/templates/template-rules';
import type { FunctionRunner } from '../runner/function-runner';
import { SEED_USERS } from '../users';
import { MAJOR_INCIDENT_TEMPLATE } from './demo-templates';

/**
 * INC-2 (Sev1, a draft review) gets its review meeting scheduled two days after the demo was
 * seeded, with participants and the major-incident template partly answered, and nobody notified
 * yet: "Notify participants" and "Add to calendar" can be tried on it. Made through `review/save`
 * as Maya, like the other demo reviews.
 */
const ISSUE = 'INC-2';

function participant(email: string, role: Participant['role']): Participant {
  const user = SEED_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`seed user ${email} is not in SEED_USERS`);
  return { accountId: user.accountId, displayName: user.displayName, role };
}

export async function seedDemoMeeting(site: { runner: FunctionRunner }, seededAt: Date): Promise<void> {
  const maya = participant('maya@example.com', 'incident-commander');
  const call = async <T>(functionKey: string, payload: unknown): Promise<T> => {
    const result = (await site.runner.invokeResolver({
      moduleKey: 'pir-issue-panel',
      functionKey,
      payload,
      extensionContext: { extension: {}, timezone: 'Europe/London', locale: 'en-US' },
      accountId: maya.accountId,
    })) as Result<T>;
    if (!result.ok) throw new Error(`Seeding the meeting: ${functionKey} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  const doc = await call<ReviewDoc>('review/get', { issueKey: ISSUE });
  const day = new Date(Date.UTC(seededAt.getUTCFullYear(), seededAt.getUTCMonth(), seededAt.getUTCDate() + 2)).toISOString().slice(0, 10);
  const use = useTemplate(MAJOR_INCIDENT_TEMPLATE, doc.content.template);
  const answers = use.answers.map((a) =>
    a.questionId === 'status-page-30'
      ? { ...a, value: false }
      : a.questionId === 'customer-channel'
        ? { ...a, value: 'Through their account manager' }
        : a,
  );
  await call<ReviewDoc>('review/save', {
    issueKey: ISSUE,
    content: {
      ...doc.content,
      template: { ...use, answers },
      meeting: {
        ...doc.content.meeting,
        title: 'Stale-backup migration: learning review',
        meetingDate: day,
        meetingTime: '15:00',
        meetingTimeZone: 'Europe/London',
        contact: { accountId: maya.accountId, displayName: maya.displayName },
        facilitator: { accountId: maya.accountId, displayName: maya.displayName },
        participants: [
          maya,
          participant('aiko@example.com', 'first-responder'),
          participant('daniel@example.com', 'escalation-responder'),
          participant('tomas@example.com', 'stakeholder'),
          participant('sofia@example.com', 'support'),
        ],
      },
    },
    actionItems: doc.actionItems.map(({ id, summary, description, owner, dueDate, priority, question }) => ({
      id,
      summary,
      description,
      owner,
      dueDate,
      priority,
      question,
    })),
    version: doc.version,
  });
}
