/**
 * Fixed Jira reference data of the local site: status categories, statuses (two workflows),
 * priorities, issue types and issue link types. Ids are stable so clients may cache them.
 */
export interface StatusCategoryDef {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  name: string;
  colorName: string;
}
export type Workflow = 'incident' | 'service' | 'simple';
export interface StatusDef {
  id: string;
  name: string;
  category: StatusCategoryDef['key'];
  workflows: readonly Workflow[];
}
export interface PriorityDef {
  id: string;
  name: string;
  statusColor: string;
}
export interface IssueTypeDef {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel: number;
  description: string;
  workflow: Workflow;
}
export interface LinkTypeDef {
  id: string;
  name: string;
  inward: string;
  outward: string;
}

export const STATUS_CATEGORIES: readonly StatusCategoryDef[] = [
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

export const STATUSES: readonly StatusDef[] = [
  { id: '10001', name: 'Open', category: 'new', workflows: ['incident', 'service'] },
  { id: '10002', name: 'Investigating', category: 'indeterminate', workflows: ['incident'] },
  { id: '10003', name: 'Identified', category: 'indeterminate', workflows: ['incident'] },
  { id: '10004', name: 'Monitoring', category: 'indeterminate', workflows: ['incident'] },
  { id: '10005', name: 'Resolved', category: 'done', workflows: ['incident', 'service'] },
  { id: '10006', name: 'Closed', category: 'done', workflows: ['incident', 'service'] },
  { id: '10007', name: 'To Do', category: 'new', workflows: ['simple'] },
  { id: '10008', name: 'In Progress', category: 'indeterminate', workflows: ['simple', 'service'] },
  { id: '10009', name: 'Done', category: 'done', workflows: ['simple'] },
  { id: '10010', name: 'Blocked', category: 'indeterminate', workflows: ['simple'] },
  { id: '10011', name: 'In Review', category: 'indeterminate', workflows: ['simple'] },
  { id: '10012', name: 'Waiting for customer', category: 'indeterminate', workflows: ['service'] },
  { id: '10013', name: 'Escalated', category: 'indeterminate', workflows: ['service'] },
];

export const PRIORITIES: readonly PriorityDef[] = [
  { id: '1', name: 'Highest', statusColor: '#d04437' },
  { id: '2', name: 'High', statusColor: '#f15C75' },
  { id: '3', name: 'Medium', statusColor: '#f79232' },
  { id: '4', name: 'Low', statusColor: '#707070' },
  { id: '5', name: 'Lowest', statusColor: '#999999' },
];
export const DEFAULT_PRIORITY_ID = '3';

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10100',
    name: 'Incident',
    subtask: false,
    hierarchyLevel: 0,
    description: 'A problem that disrupts a service.',
    workflow: 'incident',
  },
  { id: '10101', name: 'Task', subtask: false, hierarchyLevel: 0, description: 'A small, distinct piece of work.', workflow: 'simple' },
  {
    id: '10102',
    name: 'Sub-task',
    subtask: true,
    hierarchyLevel: -1,
    description: 'A small piece of work that is part of a larger task.',
    workflow: 'simple',
  },
  {
    id: '10103',
    name: 'Support request',
    subtask: false,
    hierarchyLevel: 0,
    description: 'A request from a customer.',
    workflow: 'service',
  },
  {
    id: '10104',
    name: 'Bug',
    subtask: false,
    hierarchyLevel: 0,
    description: 'A problem which impairs or prevents the functions of a product.',
    workflow: 'simple',
  },
];

export const LINK_TYPES: readonly LinkTypeDef[] = [
  { id: '10000', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '10001', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10002', name: 'Causes', inward: 'is caused by', outward: 'causes' },
  { id: '10003', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10004', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
];

const byName = <T extends { name: string }>(list: readonly T[], name: string): T | undefined =>
  list.find((x) => x.name.toLowerCase() === name.toLowerCase());
const byId = <T extends { id: string }>(list: readonly T[], id: string): T | undefined => list.find((x) => x.id === id);

export const statusById = (id: string) => byId(STATUSES, id);
export const statusByName = (name: string) => byName(STATUSES, name);
export const categoryOf = (s: StatusDef): StatusCategoryDef => STATUS_CATEGORIES.find((c) => c.key === s.category)!;
export const priorityById = (id: string) => byId(PRIORITIES, id);
export const priorityByName = (name: string) => byName(PRIORITIES, name);
export const issueTypeById = (id: string) => byId(ISSUE_TYPES, id);
export const issueTypeByName = (name: string) => byName(ISSUE_TYPES, name);
export const linkTypeById = (id: string) => byId(LINK_TYPES, id);
export const linkTypeByName = (name: string) => byName(LINK_TYPES, name);

/** The status an issue of this type starts in. */
export function initialStatusFor(type: IssueTypeDef): StatusDef {
  return workflowStatuses(type)[0];
}

/** Statuses reachable from any status of the same workflow (every transition is global here). */
export function workflowStatuses(type: IssueTypeDef): StatusDef[] {
  const order: Record<Workflow, string[]> = {
    incident: ['Open', 'Investigating', 'Identified', 'Monitoring', 'Resolved', 'Closed'],
    service: ['Open', 'In Progress', 'Waiting for customer', 'Escalated', 'Resolved', 'Closed'],
    simple: ['To Do', 'In Progress', 'In Review', 'Blocked', 'Done'],
  };
  return order[type.workflow].map((name) => STATUSES.find((s) => s.name === name && s.workflows.includes(type.workflow))!);
}

/** The synthetic account that acts for `asApp()` calls (the installed Forge app). */
export const APP_USER = {
  accountId: '557058:post-incident-review-app',
  displayName: 'Post-Incident Review',
  timeZone: 'UTC',
};
