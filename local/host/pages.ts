import { isJiraAdmin } from '../groups';
import { Router, type Request, type Response } from 'express';
import type { Db } from '../db';
import { readIssueForView } from '../jira';
import { getPageForView, renderStorageToHtml } from '../confluence';
import type { SiteUser } from '../principal';
import { findUser, listUsers, SEED_USERS } from '../users';
import { esc, queryText, safeLocalPath } from './html';
import { layout } from './layout';
import { adfToHtml } from './adf-html';

/** A Jira timestamp as the acting user reads it in the issue view. */
function formatJiraTime(jiraTime: string, timeZone: string): string {
  const d = new Date(jiraTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(d.getTime())
    ? jiraTime
    : new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

export const USER_COOKIE = 'pir_user';
/** The viewer's colour mode (the user menu's light/dark), like Atlassian's appearance setting. */
export const THEME_COOKIE = 'pir_theme';
export type ColorMode = 'light' | 'dark';

export interface HostOptions {
  db: Db;
  appUuid: string;
  environmentId: string;
  cloudId: string;
  /** The product API as the given user (for lists the host shows). */
  productFetch(path: string, accountId: string): Promise<globalThis.Response>;
  moduleKeys: { issuePanel: string; macro: string; globalPage: string; adminPage?: string };
  /** false on a Jira-only site (the site answers /wiki itself then). */
  confluence?: boolean;
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** The acting user of a browser session: the switcher's cookie, else the first seeded user. */
export function sessionUser(db: Db, req: Request): SiteUser {
  const chosen = readCookie(req, USER_COOKIE);
  return (chosen && findUser(db, chosen)) || findUser(db, SEED_USERS[0].accountId)!;
}

/** The session's colour mode: the user menu's cookie, else light. */
export function sessionColorMode(req: Request): ColorMode {
  return readCookie(req, THEME_COOKIE) === 'dark' ? 'dark' : 'light';
}

function frameSrc(moduleKey: string, localId: string, extension: Record<string, unknown>): string {
  const x = Buffer.from(JSON.stringify(extension)).toString('base64url');
  return `/__app/frame?m=${encodeURIComponent(moduleKey)}&l=${encodeURIComponent(localId)}&x=${x}`;
}

function iframe(title: string, src: string): string {
  return `<iframe class="forge" title="${esc(title)}" src="${esc(src)}" loading="eager"></iframe>`;
}

export function createHostRouter(opts: HostOptions): Router {
  const { db } = opts;
  const router = Router();
  const globalPageHref = `/jira/apps/${opts.appUuid}/${opts.environmentId}`;
  const page = (req: Request, res: Response, product: 'Jira' | 'Confluence', title: string, body: string, status = 200) => {
    res
      .status(status)
      .type('html')
      .send(
        layout({
          product,
          title,
          currentUser: sessionUser(db, req),
          users: listUsers(db),
          path: req.originalUrl,
          body,
          globalPageHref,
          colorMode: sessionColorMode(req),
          confluence: opts.confluence,
        }),
      );
  };

  router.get('/__switch-user', (req, res) => {
    const user = findUser(db, queryText(req.query.as));
    if (user) res.cookie(USER_COOKIE, user.accountId, { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(303, safeLocalPath(req.query.back));
  });

  router.get('/__switch-theme', (req, res) => {
    const mode = queryText(req.query.mode);
    if (mode === 'light' || mode === 'dark') res.cookie(THEME_COOKIE, mode, { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(303, safeLocalPath(req.query.back));
  });

  router.get('/', async (req, res) => {
    const user = sessionUser(db, req);
    const r = await opts.productFetch(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('created >= "2000-01-01" ORDER BY created DESC')}&fields=summary,status,priority,issuetype&maxResults=100`,
      user.accountId,
    );
    const data = (r.ok ? await r.json() : { issues: [] }) as {
      issues: {
        key: string;
        fields: {
          summary: string;
          status: { name: string; statusCategory: { key: string } };
          priority?: { name: string } | null;
          issuetype: { name: string };
        };
      }[];
    };
    const rows = data.issues
      .map(
        (
          i,
        ) => `<tr><td><a href="/browse/${esc(i.key)}">${esc(i.key)}</a></td><td>${esc(i.fields.issuetype.name)}</td><td>${esc(i.fields.summary)}</td>
<td><span class="lozenge ${esc(i.fields.status.statusCategory.key)}">${esc(i.fields.status.name)}</span></td><td>${esc(i.fields.priority?.name ?? '')}</td></tr>`,
      )
      .join('');
    page(
      req,
      res,
      'Jira',
      'Issues',
      `<h1>Issues</h1>${rows ? `<table class="list"><thead><tr><th>Key</th><th>Type</th><th>Summary</th><th>Status</th><th>Priority</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="empty">No issues you can see.</p>'}`,
    );
  });

  router.get('/browse/:key', (req, res) => {
    const user = sessionUser(db, req);
    const principal = { kind: 'user' as const, accountId: user.accountId };
    const issue = readIssueForView(db, req.params.key.toUpperCase(), principal);
    if (!issue) {
      page(
        req,
        res,
        'Jira',
        'Issue not found',
        `<div class="notfound"><h1>We can't find this issue</h1><p>It may have been deleted, or you don't have permission to see it.</p><p><a href="/">Back to issues</a></p></div>`,
        404,
      );
      return;
    }
    const extension = {
      type: 'jira:issuePanel',
      issue: { key: issue.key, id: issue.id, type: issue.issueType },
      project: { key: issue.projectKey, id: issue.projectKey, type: 'software' },
    };
    const body = `<div class="crumbs"><a href="/">Projects</a> / ${esc(issue.projectName)} / <a href="/browse/${esc(issue.key)}">${esc(issue.key)}</a></div>
<div class="issue"><div class="main"><h1>${esc(issue.summary)}</h1>
<h2>Description</h2><div class="description">${issue.description ? adfToHtml(issue.description) : '<p class="empty">No description.</p>'}</div>
<section class="app-panel" aria-label="Post-incident review"><header>Post-incident review</header>${iframe('Post-incident review', frameSrc(opts.moduleKeys.issuePanel, `panel-${issue.key}`, extension))}</section></div>
<aside class="side"><dl><dt>Status</dt><dd><span class="lozenge ${esc(issue.status.category)}">${esc(issue.status.name)}</span></dd>
<dt>Type</dt><dd>${esc(issue.issueType)}</dd><dt>Priority</dt><dd>${esc(issue.priority ?? 'None')}</dd>
<dt>Assignee</dt><dd>${esc(issue.assignee ?? 'Unassigned')}</dd><dt>Reporter</dt><dd>${esc(issue.reporter ?? '')}</dd>
<dt>Created</dt><dd>${esc(formatJiraTime(issue.created, user.timeZone))}</dd></dl></aside></div>`;
    page(req, res, 'Jira', `${issue.key}: ${issue.summary}`, body);
  });

  router.get(['/jira/apps/:appId/:envId', '/jira/apps/:appId/:envId/*rest'], (req, res) => {
    const extension = { type: 'jira:globalPage' };
    page(
      req,
      res,
      'Jira',
      'After Action Summaries',
      iframe('After Action Summaries', frameSrc(opts.moduleKeys.globalPage, 'global-page', extension)),
    );
  });

  // jira:adminPage: Jira serves it under Settings > Apps, and only to Jira admins (ADMINISTER).
  router.get(['/jira/settings/apps/:appId/:envId', '/jira/settings/apps/:appId/:envId/*rest'], (req, res) => {
    const adminPage = opts.moduleKeys.adminPage;
    if (!adminPage) return void res.status(404).type('text').send('Not found');
    const user = sessionUser(db, req);
    if (!isJiraAdmin(db, { kind: 'user', accountId: user.accountId })) {
      const body =
        '<div class="page-message"><h1>You don\'t have access to this page</h1><p>Only Jira admins can open app settings. Ask an admin for the Administer Jira permission.</p></div>';
      return page(req, res, 'Jira', 'Access denied', body, 403);
    }
    const extension = { type: 'jira:adminPage' };
    page(
      req,
      res,
      'Jira',
      'Post-incident review templates',
      iframe('Post-incident review templates', frameSrc(adminPage, 'admin-page', extension)),
    );
  });

  router.get('/wiki', async (req, res) => {
    const user = sessionUser(db, req);
    const r = await opts.productFetch('/wiki/api/v2/spaces?limit=50', user.accountId);
    const spaces = r.ok ? ((await r.json()) as { results: { id: string; key: string; name: string; homepageId?: string }[] }).results : [];
    const items = spaces
      .map(
        (s) =>
          `<li>${s.homepageId ? `<a href="/wiki/spaces/${esc(s.key)}/pages/${esc(s.homepageId)}">${esc(s.name)}</a>` : esc(s.name)} <span class="crumbs">(${esc(s.key)})</span></li>`,
      )
      .join('');
    page(req, res, 'Confluence', 'Spaces', `<h1>Spaces</h1>${items ? `<ul>${items}</ul>` : '<p class="empty">No spaces you can see.</p>'}`);
  });

  router.get(['/wiki/spaces/:spaceKey/pages/:pageId', '/wiki/spaces/:spaceKey/pages/:pageId/*title'], (req, res) => {
    const user = sessionUser(db, req);
    const principal = { kind: 'user' as const, accountId: user.accountId };
    const view = getPageForView(db, String(req.params.pageId), principal);
    if (!view) {
      page(
        req,
        res,
        'Confluence',
        'Page not found',
        `<div class="notfound"><h1>Page not found</h1><p>The page may have been deleted, or you don't have permission to view it.</p></div>`,
        404,
      );
      return;
    }
    const macroKeyPrefix = `${opts.appUuid}/${opts.environmentId}/static/`;
    const html = renderStorageToHtml(view.storage, {
      renderForgeMacro: (m) => {
        const macroKey = m.extensionKey.startsWith(macroKeyPrefix) ? m.extensionKey.slice(macroKeyPrefix.length) : undefined;
        if (macroKey !== opts.moduleKeys.macro) return `<p class="empty">This page uses an app that isn't installed here.</p>`;
        const extension = { type: 'macro', config: m.guestParams, content: { id: view.id, type: 'page' }, space: { key: view.spaceKey } };
        return iframe(m.title ?? 'Post-incident review', frameSrc(macroKey, m.localId, extension));
      },
      lookupJiraIssue: (key) => {
        const issue = readIssueForView(db, key, principal);
        return issue
          ? { summary: issue.summary, status: issue.status.name, statusCategory: issue.status.category, url: `/browse/${issue.key}` }
          : null;
      },
    });
    const crumbs = view.ancestors
      .map((a) => `<a href="/wiki/spaces/${esc(view.spaceKey)}/pages/${esc(a.id)}">${esc(a.title)}</a>`)
      .join(' / ');
    page(
      req,
      res,
      'Confluence',
      view.title,
      `<article class="confluence-page"><div class="crumbs">${esc(view.spaceName)}${crumbs ? ` / ${crumbs}` : ''}</div><h1>${esc(view.title)}</h1>
<div class="meta">Version ${esc(view.version)}</div><div class="confluence-body">${html}</div></article>`,
    );
  });

  return router;
}
