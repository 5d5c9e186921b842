import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';

/**
 * Jira refuses a comment whose body is not a valid Atlassian Document ("Comment body is not
 * valid!"): a mention without an id, a mark where none is allowed, an unknown node. The local
 * Jira checks bodies against the same JSON schema @atlaskit/adf-schema publishes, so an app that
 * writes bad ADF fails here, not first on a customer's site.
 */
let validate: ValidateFunction | null = null;

export function isValidAdf(body: unknown): boolean {
  if (!validate) {
    const path = require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json');
    // The file declares draft-04; its keywords are a subset Ajv's default draft handles.
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    validate = new Ajv({ strict: false }).compile(schema);
  }
  return validate(body);
}
