import { validator } from '@atlaskit/adf-utils/validator';

/**
 * Jira refuses a comment whose body is not a valid Atlassian Document ("Comment body is not
 * valid!"): a mention without an id, a mark where none is allowed, an unknown node. The local
 * Jira checks bodies with Atlassian's own validator of @atlaskit/adf-schema, so an app that writes
 * bad ADF fails here, not first on a customer's site. (The schema's JSON file through Ajv says
 * the same but takes seconds to compile, which every site start would pay.)
 */
let validate: ReturnType<typeof validator> | null = null;

/** The validator asks Atlassian's feature-flag client, which only products set up: answer "off" here. */
const FLAGS_KEY = '__PLATFORM_FEATURE_FLAGS__';

export function isValidAdf(body: unknown): boolean {
  if (!validate) {
    const g = globalThis as unknown as Record<string, { booleanResolver?: (flag: string) => boolean } | undefined>;
    const flags = (g[FLAGS_KEY] ??= {});
    flags.booleanResolver ??= () => false;
    validate = validator();
  }
  let valid = true;
  try {
    validate(body as Parameters<typeof validate>[0], () => {
      valid = false;
      return undefined;
    });
  } catch {
    valid = false;
  }
  return valid;
}
