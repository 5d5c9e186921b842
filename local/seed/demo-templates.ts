import type { Result, ReviewTemplate, TemplateSettings } from '../../src/contract';
import type { FunctionRunner } from '../runner/function-runner';
import { SEED_USERS } from '../users';

/**
 * Review templates for the demo, saved through the app's own `templates/save` as Maya (a Jira
 * admin) from the templates admin page: Sev1/Sev2 incidents get customer-communication questions
 * and must name their customer impact and participants before publishing; Sev3–Sev5 get a short
 * review. Saved after the demo reviews were made, so those keep the built-in template they
 * started on; INC-4 (Sev2, no review yet) starts on the major-incident one.
 */
export const MAJOR_INCIDENT_TEMPLATE: ReviewTemplate = {
  id: 'major-incident',
  name: 'Major incident (Sev1/Sev2)',
  description: 'Complete outages and broken major functionality: how customers were told is part of the review.',
  issueTypes: [],
  severities: [1, 2],
  sections: ['goals', 'description', 'learnings', 'contributingFactors', 'remediation', 'actionItems'],
  requiredFields: ['customerImpact', 'meeting.participants'],
  questions: [
    {
      id: 'status-page-30',
      label: 'Was the status page updated within 30 minutes of detection?',
      kind: 'yes-no',
      choices: [],
      required: true,
      public: true,
    },
    {
      id: 'customer-channel',
      label: 'How were affected customers first told?',
      kind: 'choice',
      choices: ['Status page', 'Email to affected customers', 'In-app banner', 'Through their account manager', 'They were not told'],
      required: true,
      public: true,
    },
    { id: 'customer-next', label: 'What will customers hear next, and when?', kind: 'text', choices: [], required: false, public: true },
    {
      id: 'message-approval',
      label: 'Who approved the customer messages, and how long did approval take?',
      kind: 'text',
      choices: [],
      required: false,
      public: false,
    },
  ],
};

const MINOR_INCIDENT_TEMPLATE: ReviewTemplate = {
  id: 'minor-incident',
  name: 'Short review (Sev3–Sev5)',
  description: 'Minor problems and false alarms: what happened, what we learned and what we change.',
  issueTypes: [],
  severities: [3, 4, 5],
  sections: ['description', 'learnings', 'actionItems'],
  requiredFields: ['description'],
  questions: [
    {
      id: 'alert-useful',
      label: 'Did the alert that fired point at the problem?',
      kind: 'yes-no',
      choices: [],
      required: false,
      public: false,
    },
  ],
};

const MAYA = SEED_USERS.find((u) => u.email === 'maya@example.com')!;

/** Saves the demo templates (once: a site that has templates already keeps them). */
export async function seedDemoTemplates(site: { runner: FunctionRunner }): Promise<void> {
  const call = async <T>(functionKey: string, payload: unknown): Promise<T> => {
    const result = (await site.runner.invokeResolver({
      moduleKey: 'pir-review-templates',
      functionKey,
      payload,
      extensionContext: { extension: {}, timezone: 'Europe/London', locale: 'en-US' },
      accountId: MAYA.accountId,
    })) as Result<T>;
    if (!result.ok) throw new Error(`Seeding templates: ${functionKey} failed: ${result.error.code} ${result.error.message}`);
    return result.data;
  };
  const current = await call<TemplateSettings>('templates/get', {});
  if (current.templates.length > 1) return;
  await call<TemplateSettings>('templates/save', {
    templates: [MAJOR_INCIDENT_TEMPLATE, MINOR_INCIDENT_TEMPLATE],
    version: current.version,
  });
}
