/** The parts of the Forge view context this app uses, checked once so components never see `any`. */
export interface AppContext {
  moduleKey: string;
  accountId: string | null;
  /** IANA zone of the viewer's profile, e.g. "Europe/Berlin". */
  timezone: string;
  /** BCP 47 tag, e.g. "en-US". */
  locale: string;
  siteUrl: string;
  /** jira:issuePanel */
  issue: { key: string; id: string; type: string } | null;
  /** Confluence macro */
  macro: { issueKey: string | null; view: string | null; contentId: string | null; spaceKey: string | null } | null;
}

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose | null => (typeof value === 'object' && value !== null ? (value as Loose) : null);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

function validTimeZone(zone: string | null, fallback: string): string {
  if (!zone) return fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return fallback;
  }
}

function validLocale(locale: string | null, fallback: string): string {
  // Forge has used both "en_US" and "en-US"; Intl only accepts the latter.
  const tag = locale?.replace('_', '-') ?? null;
  if (!tag) return fallback;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

export interface ContextDefaults {
  timezone: string;
  locale: string;
}

/** Maps the raw `view.getContext()` answer to AppContext; missing or malformed parts become null/defaults. */
export function parseContext(raw: unknown, defaults: ContextDefaults): AppContext {
  const ctx = record(raw) ?? {};
  const extension = record(ctx['extension']) ?? {};
  const issue = record(extension['issue']);
  const issueKey = text(issue?.['key']);
  const isMacro = extension['type'] === 'macro';
  const config = record(extension['config']);
  return {
    moduleKey: text(ctx['moduleKey']) ?? '',
    accountId: text(ctx['accountId']),
    timezone: validTimeZone(text(ctx['timezone']), defaults.timezone),
    locale: validLocale(text(ctx['locale']), defaults.locale),
    siteUrl: text(ctx['siteUrl']) ?? '',
    issue: issueKey ? { key: issueKey, id: text(issue?.['id']) ?? '', type: text(issue?.['type']) ?? '' } : null,
    macro: isMacro
      ? {
          issueKey: text(config?.['issueKey'])?.trim().toUpperCase() ?? null,
          view: text(config?.['view']),
          contentId: text(record(extension['content'])?.['id']),
          spaceKey: text(record(extension['space'])?.['key']),
        }
      : null,
  };
}
