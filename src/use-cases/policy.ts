import type { CountermeasurePolicy, IncidentOverview, PolicyDueDays, PolicyView, Person, SeverityLevel } from '../contract';
import { AppFailure } from '../domain/app-error';
import { policyDueDate } from '../domain/countermeasure-policy';
import { utcDay } from '../domain/issue-key';
import type { AdminCheck } from '../jira/admin-permission';
import type { PolicyStore } from '../storage/policy-store';
import { savedOrConflict } from '../storage/timeline-store';

export interface PolicyDeps {
  store: PolicyStore;
  /** As the viewer. */
  isAdmin: AdminCheck;
  myself(): Promise<Person>;
  now(): Date;
}

/** The policy, and whether the viewer may change it (anyone who opens the global page may read it). */
export async function getPolicy(deps: PolicyDeps): Promise<PolicyView> {
  const [{ policy, version }, canEdit] = await Promise.all([deps.store.loadVersioned(), deps.isAdmin()]);
  return { policy, version, canEdit };
}

/**
 * Changes the policy; Jira administrators only, checked as the caller before anything is written.
 * Written only over the version the admin edited (a conditional write, so of two admins saving
 * at once exactly one wins); the other gets CONFLICT and nothing of theirs is written.
 */
export async function setPolicy(deps: PolicyDeps, dueDays: PolicyDueDays, expectedVersion: number): Promise<PolicyView> {
  if (!(await deps.isAdmin())) throw new AppFailure('FORBIDDEN', 'Only Jira administrators can change the countermeasure policy.');
  const policy: CountermeasurePolicy = { dueDays, updatedAt: deps.now().toISOString(), updatedBy: await deps.myself() };
  let version = expectedVersion;
  await savedOrConflict(async () => {
    version = await deps.store.save(policy, expectedVersion);
  }, 'Someone else changed the countermeasure policy while you were editing it. It has been reloaded: check it and save again.');
  return { policy, version, canEdit: true };
}

/**
 * The due date the policy gives a new sub-task of `incident` today, at the review's severity
 * (its override when set, else the priority's), or null when the severity has no default.
 */
export async function policyDueFor(
  store: Pick<PolicyStore, 'load'>,
  severityOf: (incident: IncidentOverview) => Promise<SeverityLevel>,
  incident: IncidentOverview,
  now: Date,
): Promise<string | null> {
  const [policy, severity] = await Promise.all([store.load(), severityOf(incident)]);
  return policyDueDate(policy, severity, utcDay(now));
}
