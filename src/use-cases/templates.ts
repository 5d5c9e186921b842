import type { ReviewTemplate, TemplateSettings } from '../contract';
import { AppFailure } from '../domain/app-error';
import { DEFAULT_TEMPLATE } from '../domain/templates/default-template';
import { selectTemplate } from '../domain/templates/template-rules';
import type { AdminCheck } from '../jira/admin-permission';
import type { JiraPort } from '../jira/jira-port';
import { ConflictError } from '../storage/timeline-store';
import type { TemplateStore } from '../storage/template-store';
import { getIncidentOverview } from './get-incident-overview';

export interface TemplateDeps {
  store: TemplateStore;
  isAdmin: AdminCheck;
  jira: JiraPort;
}

const CONFLICT_MESSAGE = 'Someone else changed the templates while you were editing. We reloaded them: check and save again.';

/** The templates as everyone sees them: the built-in default first, then the site's. */
export async function getTemplates(deps: TemplateDeps, issueKey?: string): Promise<TemplateSettings> {
  // The incident is read as the caller first: its type and severity are only told to who may see it.
  const incident = issueKey ? await getIncidentOverview(deps.jira, issueKey) : null;
  const [stored, canEdit] = await Promise.all([deps.store.load(), deps.isAdmin()]);
  const templates = [DEFAULT_TEMPLATE, ...stored.templates];
  return {
    templates,
    version: stored.version,
    canEdit,
    ...(incident ? { suggestedId: selectTemplate(templates, incident.issueType, incident.severity.level).id } : {}),
  };
}

/** Replaces the site's templates: Jira admins only, checked as the user before anything is read or written. */
export async function saveTemplates(deps: TemplateDeps, templates: ReviewTemplate[], version: number): Promise<TemplateSettings> {
  if (!(await deps.isAdmin())) throw new AppFailure('FORBIDDEN', 'Only Jira admins can change review templates.');
  if (templates.some((t) => t.id === DEFAULT_TEMPLATE.id)) {
    throw new AppFailure('VALIDATION', 'The built-in template cannot be changed: copy it into a new one.', {
      templates: 'Uses the id of the built-in template',
    });
  }
  const stored = await deps.store.load();
  if (stored.version !== version) throw new AppFailure('CONFLICT', CONFLICT_MESSAGE);
  try {
    // The check above answers a stale page early; this conditional write settles a race between two saves.
    await deps.store.save({ version: version + 1, templates }, version);
  } catch (e) {
    throw e instanceof ConflictError ? new AppFailure('CONFLICT', CONFLICT_MESSAGE) : e;
  }
  return { templates: [DEFAULT_TEMPLATE, ...templates], version: version + 1, canEdit: true };
}
