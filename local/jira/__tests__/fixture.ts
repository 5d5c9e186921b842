import type { SeedComment, SeedScenario } from '../../seed/types';

export const MAYA = 'maya@example.com';
export const DANIEL = 'daniel@example.com';
export const SOFIA = 'sofia@example.com';
export const LENA = 'lena@example.com';

const minute = (n: number) => new Date(Date.UTC(2026, 9, 14, 19, 0) + n * 60_000).toISOString();

/** 130 comments on INC-1 (more than Jira embeds), one restricted to the Developers role. */
const manyComments: SeedComment[] = Array.from({ length: 130 }, (_, i) => ({
  at: minute(10 + i), author: i % 2 ? MAYA : DANIEL, body: `Update ${i + 1}\n\nSecond paragraph ${i + 1}`,
  ...(i === 5 ? { visibility: { type: 'role' as const, value: 'Developers' } } : {}),
}));

export const SCENARIO: SeedScenario = {
  projects: [
    { key: 'INC', name: 'Incidents', lead: MAYA, browsers: [MAYA, DANIEL, SOFIA], subtasksEnabled: true, roles: { Developers: [MAYA, DANIEL], Administrators: [MAYA] } },
    { key: 'SUP', name: 'Support', lead: SOFIA, browsers: [MAYA, DANIEL, SOFIA, LENA], subtasksEnabled: false, roles: { Developers: [SOFIA] } },
  ],
  issues: [
    {
      key: 'INC-1', type: 'Incident', summary: 'Login page outage', description: 'Users could not log in.\n\nRoot cause: CPU.',
      priority: 'High', initialStatus: 'Open', reporter: SOFIA, initialAssignee: null, created: minute(0),
      labels: ['sev2', 'login'], comments: manyComments,
      changes: [
        { at: minute(2), author: MAYA, field: 'assignee', from: null, to: MAYA },
        { at: minute(3), author: MAYA, field: 'status', from: 'Open', to: 'Investigating' },
        { at: minute(9), author: MAYA, field: 'status', from: 'Investigating', to: 'Identified' },
        { at: minute(20), author: DANIEL, field: 'status', from: 'Identified', to: 'Resolved' },
      ],
      remoteLinks: [{ globalId: 'status-page-1', url: 'https://status.example.com/incidents/1', title: 'Status page' }],
    },
    {
      key: 'INC-2', type: 'Task', summary: 'Document host access', priority: 'Medium', initialStatus: 'To Do', reporter: MAYA,
      initialAssignee: DANIEL, created: minute(30), comments: [], changes: [],
    },
    {
      key: 'INC-3', type: 'Sub-task', summary: 'Kill the runaway process', parent: 'INC-1', priority: 'Low', initialStatus: 'To Do',
      reporter: MAYA, created: minute(31), comments: [], changes: [{ at: minute(40), author: MAYA, field: 'status', from: 'To Do', to: 'Done' }],
    },
    {
      key: 'SUP-1', type: 'Support request', summary: 'Customers cannot log in', priority: 'Highest', initialStatus: 'To Do',
      reporter: SOFIA, created: minute(-5), comments: [{ at: minute(-4), author: SOFIA, body: 'Seen on social media.' }], changes: [],
    },
  ],
  links: [
    { type: 'Causes', outward: 'INC-1', inward: 'SUP-1' },
    { type: 'Relates', outward: 'INC-2', inward: 'INC-1' },
  ],
};
