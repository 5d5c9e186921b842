/** Jira Cloud REST API v3 emulator of the local site. */
export { migrateJira, resetJira } from './schema';
export { loadScenario } from './seed-loader';
export { createJiraRouter } from './router';
export { canBrowseProject } from './access';
export { readIssueForView, type IssueView } from './issue-view';
export { APP_USER } from './catalog';
