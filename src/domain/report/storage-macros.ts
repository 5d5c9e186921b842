import type { MacroView, SeverityClass } from '../../contract';
import { el, escapeText, type Markup } from './storage-xml';

/** The Confluence macros the pages use, in storage format. Every parameter value is escaped text. */

const parameter = (name: string, value: string): Markup => el('ac:parameter', escapeText(value), { 'ac:name': name });

const structuredMacro = (name: string, params: Markup): Markup =>
  el('ac:structured-macro', params, { 'ac:name': name, 'ac:schema-version': '1' });

/** Confluence's status-lozenge colours for the severity classes of docs/DECISIONS.md#vocabulary. */
const SEVERITY_COLOURS: Record<SeverityClass, string> = { critical: 'Red', warning: 'Yellow', info: 'Blue' };

/** The status macro (a lozenge). */
export function statusMacro(title: string, colour: string): Markup {
  return structuredMacro('status', parameter('colour', colour) + parameter('title', title));
}

export const severityLozenge = (label: string, severityClass: SeverityClass): Markup => statusMacro(label, SEVERITY_COLOURS[severityClass]);

/** The Jira issue macro: Confluence shows the issue's summary and live status. */
export function jiraMacro(issueKey: string): Markup {
  return structuredMacro('jira', parameter('key', issueKey));
}

/** The app's own macro as the page body refers to it. */
export interface ForgeMacro {
  /** `<appId>/<environmentId>/static/<macroKey>` (contracts README). */
  extensionKey: string;
  localId: string;
  title: string;
  /** The macro's configuration, as its config form would store it (`MacroConfig`). */
  guestParams: { issueKey: string; view: MacroView };
  /** Storage shown by clients that cannot run the macro. */
  fallback: Markup;
}

const adfAttribute = (key: string, content: Markup, type?: string): Markup =>
  el('ac:adf-attribute', content, type ? { key, type } : { key });
const adfParameter = (key: string, content: Markup, type?: string): Markup =>
  el('ac:adf-parameter', content, type ? { key, type } : { key });

/**
 * A Forge macro in storage format. Confluence keeps it as an ADF `extension` node of type
 * `com.atlassian.ecosystem` inside `ac:adf-extension`: ADF attribute and top-level parameter
 * names in kebab case, guest-parameter keys verbatim, an object marked `type="object"`.
 */
export function forgeMacro(m: ForgeMacro): Markup {
  const guest = [adfParameter('issueKey', escapeText(m.guestParams.issueKey)), adfParameter('view', escapeText(m.guestParams.view))].join(
    '',
  );
  const parameters = [
    adfParameter('local-id', escapeText(m.localId)),
    adfParameter('extension-id', escapeText(`ari:cloud:ecosystem::extension/${m.extensionKey}`)),
    adfParameter('extension-title', escapeText(m.title)),
    adfParameter('guest-params', guest, 'object'),
  ].join('');
  const node = [
    adfAttribute('extension-key', escapeText(m.extensionKey)),
    adfAttribute('extension-type', 'com.atlassian.ecosystem'),
    adfAttribute('parameters', parameters),
    adfAttribute('layout', 'default'),
    adfAttribute('local-id', escapeText(m.localId)),
  ].join('');
  return el('ac:adf-extension', el('ac:adf-node', node, { type: 'extension' }) + el('ac:adf-fallback', m.fallback));
}
