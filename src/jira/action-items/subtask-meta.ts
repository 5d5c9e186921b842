import { route } from '@forge/api';
import { AppFailure } from '../../domain/app-error';
import { upstreamFailure, type JiraRequest } from '../jira-request';

/** What creating a sub-task in a project needs to know, from GET /issue/createmeta. */
export interface SubtaskMeta {
  projectKey: string;
  issueTypeId: string;
  issueTypeName: string;
  /** Field ids on the sub-task's create screen. */
  fields: ReadonlySet<string>;
  /** Field ids the screen requires and Jira has no default for. */
  required: ReadonlySet<string>;
  /** Field id → the name Jira shows, for messages. */
  names: Readonly<Record<string, string>>;
}

interface CreateMetaIssueType {
  id: string;
  name: string;
  subtask: boolean;
}

interface CreateMetaField {
  fieldId: string;
  name: string;
  required: boolean;
  hasDefaultValue?: boolean;
}

type Page<K extends string, T> = Partial<Record<K, T[]>> & {
  startAt?: number;
  total?: number;
};

/** The fields the app always sets on a sub-task (the item fields are checked per item). */
const SET_BY_APP = new Set(['summary', 'issuetype', 'parent', 'project', 'description', 'assignee', 'duedate', 'priority', 'labels']);
const PAGE = 200;
/** A guard against a server that never says it is done: far more issue types or fields than a screen has. */
const MAX_PAGES = 20;

/**
 * createmeta per project, remembered for the life of this object. The sync makes one per
 * invocation: createmeta depends on the caller's permissions and on admin settings, so it is not
 * kept across invocations (or users); within one it costs two requests at most, and none when
 * nothing is created or updated.
 */
export interface SubtaskMetaCache {
  get(request: JiraRequest, projectKey: string, incidentKey: string): Promise<SubtaskMeta>;
}

export function createSubtaskMetaCache(): SubtaskMetaCache {
  const byProject = new Map<string, Promise<SubtaskMeta>>();
  return {
    get(request, projectKey, incidentKey) {
      let meta = byProject.get(projectKey);
      if (!meta) {
        meta = discoverSubtaskMeta(request, projectKey, incidentKey);
        byProject.set(projectKey, meta);
        // A failure is not remembered: the next call asks again.
        meta.catch(() => byProject.delete(projectKey));
      }
      return meta;
    },
  };
}

/**
 * The project's sub-task issue type (GET /issue/createmeta/{project}/issuetypes, `subtask: true`)
 * and its fields (GET …/issuetypes/{id}). Fails with a message a facilitator can act on when the
 * project has sub-tasks turned off, or requires a field the app cannot fill.
 */
export async function discoverSubtaskMeta(request: JiraRequest, projectKey: string, incidentKey: string): Promise<SubtaskMeta> {
  const types = await allPages<'issueTypes', CreateMetaIssueType>(
    request,
    'issueTypes',
    (startAt) => ({
      path: route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes?startAt=${startAt}&maxResults=${PAGE}`,
      what: `reading the issue types of project ${projectKey}`,
    }),
    projectKey,
  );
  const type = types.find((t) => t.subtask);
  if (!type) {
    throw new AppFailure(
      'VALIDATION',
      `Project ${projectKey} has sub-tasks turned off, so action items cannot become sub-tasks of ${incidentKey}. ` +
        'A Jira admin can turn them on (Jira settings → Issues → Sub-tasks); the action items stay in the review meanwhile.',
    );
  }
  const fields = await allPages<'fields', CreateMetaField>(
    request,
    'fields',
    (startAt) => ({
      path: route`/rest/api/3/issue/createmeta/${projectKey}/issuetypes/${type.id}?startAt=${startAt}&maxResults=${PAGE}`,
      what: `reading the fields of ${type.name} in project ${projectKey}`,
    }),
    projectKey,
  );
  const required = new Set(fields.filter((f) => f.required && !f.hasDefaultValue).map((f) => f.fieldId));
  const names = Object.fromEntries(fields.map((f) => [f.fieldId, f.name]));
  const unfillable = [...required].filter((f) => !SET_BY_APP.has(f));
  if (unfillable.length > 0) {
    const list = unfillable.map((f) => `"${names[f] ?? f}"`).join(', ');
    throw new AppFailure(
      'VALIDATION',
      `Project ${projectKey} requires ${list} on a ${type.name}, which action items have no value for. ` +
        'A Jira admin can make the field optional or give it a default; the action items stay in the review meanwhile.',
    );
  }
  return { projectKey, issueTypeId: type.id, issueTypeName: type.name, fields: new Set(fields.map((f) => f.fieldId)), required, names };
}

async function allPages<K extends string, T>(
  request: JiraRequest,
  key: K,
  call: (startAt: number) => Parameters<JiraRequest>[0],
  projectKey: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let n = 0; n < MAX_PAGES; n++) {
    const c = call(out.length);
    const reply = await request(c);
    if (reply.status === 400 || reply.status === 403 || reply.status === 404) throw noCreatePermission(projectKey);
    if (reply.status !== 200) throw upstreamFailure(reply, c.what);
    const page = reply.body as Page<K, T>;
    const items: T[] = (page as Partial<Record<K, T[]>>)[key] ?? [];
    out.push(...items);
    if (items.length === 0 || out.length >= (page.total ?? out.length)) break;
  }
  return out;
}

/** createmeta answers 400 "No project could be found" when the caller may not create issues there. */
function noCreatePermission(projectKey: string): AppFailure {
  return new AppFailure(
    'FORBIDDEN',
    `You cannot create issues in project ${projectKey}, so the action items cannot become sub-tasks there.`,
  );
}
