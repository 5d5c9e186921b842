/**
 * Generates the committed OpenAPI subsets used by the contract tests.
 *
 *   npx tsx scripts/extract-contracts.ts            # reads ../shared/contracts (or $CONTRACTS_DIR)
 *
 * Project rule: nothing is copied from elsewhere, facts carry over. So the repository holds
 * only a *generated* subset of the official specs: the operations the app and the local site
 * use (method + path template, with their parameters, requestBody and responses) plus every
 * `components.*` entry reachable from them through `$ref`. Examples, `x-*` vendor extensions
 * and `xml` hints are dropped; everything that constrains the wire format is kept.
 * Output is deterministic (keys sorted, 2-space indent, trailing newline), so
 * test/contract/validator.test.ts can check the committed files are fresh.
 */
import * as fs from 'fs';
import * as path from 'path';

export type ApiName = 'jira' | 'confluence';
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ApiSource {
  api: ApiName;
  /** File name of the full official spec inside the contracts directory. */
  specFile: string;
  /** File name of the generated subset inside test/contract/specs. */
  subsetFile: string;
  /** Operations as "METHOD /path/template", path relative to the API prefix below. */
  operations: string[];
  /**
   * Prefix the app puts before the spec's path templates. Jira's spec paths already start with
   * /rest/api/3 (server URL is the bare site); Confluence's server URL holds /wiki/api/v2 and its
   * paths start after it. `pathPrefixInSpec` is the part already inside the spec's path keys.
   */
  pathPrefixInSpec: string;
  /**
   * Operations we use that the official spec does not document. Listed here so the script does
   * not fail on them; they are recorded in the subset so the validator can say so precisely.
   */
  knownMissing: string[];
}

export const SOURCES: ApiSource[] = [
  {
    api: 'jira',
    specFile: 'jira-platform-v3.openapi.json',
    subsetFile: 'jira.subset.json',
    pathPrefixInSpec: '/rest/api/3',
    knownMissing: [],
    operations: [
      'GET /issue/{issueIdOrKey}',
      'PUT /issue/{issueIdOrKey}',
      'POST /issue',
      'POST /issue/bulk',
      'POST /issue/bulkfetch',
      'GET /search/jql',
      'POST /search/jql',
      'GET /issue/{issueIdOrKey}/comment',
      'POST /issue/{issueIdOrKey}/comment',
      'GET /issue/{issueIdOrKey}/comment/{id}',
      'PUT /issue/{issueIdOrKey}/comment/{id}',
      'DELETE /issue/{issueIdOrKey}/comment/{id}',
      'POST /comment/list',
      'GET /issue/{issueIdOrKey}/changelog',
      'POST /changelog/bulkfetch',
      'GET /issueLinkType',
      'POST /issueLink',
      'GET /issueLink/{linkId}',
      'GET /issue/createmeta/{projectIdOrKey}/issuetypes',
      'GET /issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}',
      'GET /user/assignable/search',
      'GET /user',
      'GET /myself',
      'GET /mypermissions',
      'GET /issue/{issueIdOrKey}/remotelink',
      'POST /issue/{issueIdOrKey}/remotelink',
      'DELETE /issue/{issueIdOrKey}/remotelink/{linkId}',
      'GET /issue/{issueIdOrKey}/properties/{propertyKey}',
      'PUT /issue/{issueIdOrKey}/properties/{propertyKey}',
      'GET /issue/{issueIdOrKey}/transitions',
      'POST /issue/{issueIdOrKey}/transitions',
      'GET /priority',
      'GET /project/{projectIdOrKey}',
      // Kept only to assert it is documented; the real service (and the emulator) answer 410.
      'GET /search',
    ],
  },
  {
    api: 'confluence',
    specFile: 'confluence-v2.openapi.json',
    subsetFile: 'confluence.subset.json',
    pathPrefixInSpec: '',
    // The real service serves it (and the app may use it), but the published spec file we were
    // given does not document it; the validator reports it as "not in the official spec".
    knownMissing: ['GET /pages/{id}/direct-children'],
    operations: [
      'GET /spaces',
      'GET /spaces/{id}',
      'GET /spaces/{id}/pages',
      'GET /pages',
      'POST /pages',
      'GET /pages/{id}',
      'PUT /pages/{id}',
      'DELETE /pages/{id}',
      'GET /pages/{id}/children',
      'GET /pages/{id}/direct-children',
    ],
  },
];

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SUBSET_DIR = path.join(REPO_ROOT, 'test', 'contract', 'specs');

/** Where the full official specs live: $CONTRACTS_DIR, else ../shared/contracts next to the repo. */
export function contractsDir(): string {
  const fromEnv = process.env.CONTRACTS_DIR;
  return fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, '..', 'shared', 'contracts');
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const OPERATION_KEYS = ['operationId', 'summary', 'deprecated', 'parameters', 'requestBody', 'responses'];

/**
 * Keys whose value is a map from *names* to objects (so the map's own keys are never keywords:
 * a schema property called "example" or "properties" must survive the clean-up).
 */
const NAME_MAPS = new Set([
  'paths',
  'responses',
  'content',
  'properties',
  'patternProperties',
  'definitions',
  'schemas',
  'requestBodies',
  'parameters',
  'headers',
  'encoding',
  'variables',
  'links',
  'callbacks',
  'securitySchemes',
  'mapping',
  'examples',
]);
/** Keywords dropped from the subset: illustrations and vendor metadata, not contract. */
const DROPPED_KEYWORDS = new Set(['example', 'examples', 'xml']);

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drops examples / x-* / xml where they are keywords (not names inside a map). */
function clean(node: Json, isNameMap = false): Json {
  if (Array.isArray(node)) return node.map((v) => clean(v));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (isNameMap) {
      out[key] = clean(value);
      continue;
    }
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    // `parameters` under an operation is an array (not a map); `properties` etc. are maps.
    out[key] = clean(value, NAME_MAPS.has(key) && isObject(value));
  }
  return out;
}

/** Recursively sorts object keys so the output is byte-for-byte deterministic. */
export function sortKeys(node: Json): Json {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const key of Object.keys(node).sort()) out[key] = sortKeys(node[key]);
  return out;
}

function collectRefs(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const v of node) collectRefs(v, into);
  } else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value);
      else collectRefs(value, into);
    }
  }
}

function pathPrefixFromServers(spec: JsonObject): string {
  const servers = spec.servers;
  if (!Array.isArray(servers) || !isObject(servers[0]) || typeof servers[0].url !== 'string') return '';
  // e.g. "https://{your-domain}/wiki/api/v2" -> "/wiki/api/v2"
  const match = /^[a-z]+:\/\/[^/]+(\/.*)?$/i.exec(servers[0].url);
  return (match?.[1] ?? '').replace(/\/+$/, '');
}

export function buildSubset(source: ApiSource, spec: JsonObject): JsonObject {
  const paths = spec.paths;
  if (!isObject(paths)) throw new Error(`${source.specFile}: no paths`);
  const serverPrefix = pathPrefixFromServers(spec);

  const outPaths: JsonObject = {};
  const missing: string[] = [];
  const roots = new Set<string>();
  for (const entry of source.operations) {
    const [method, relPath] = entry.split(' ');
    const lower = method.toLowerCase();
    if (!HTTP_METHODS.includes(lower) || !relPath) throw new Error(`bad operation "${entry}"`);
    const specPath = source.pathPrefixInSpec + relPath;
    const pathItem = paths[specPath];
    const operation = isObject(pathItem) ? pathItem[lower] : undefined;
    if (!isObject(operation) || !isObject(pathItem)) {
      if (source.knownMissing.includes(entry)) {
        missing.push(`${method} ${specPath}`);
        continue;
      }
      throw new Error(`${source.specFile}: ${method} ${specPath} is not documented (typo? or add to knownMissing)`);
    }
    const kept: JsonObject = {};
    for (const key of OPERATION_KEYS) if (key in operation) kept[key] = operation[key];
    // Path-level parameters apply to every operation of the path: fold them in (operation wins).
    if (Array.isArray(pathItem.parameters)) {
      const own = Array.isArray(kept.parameters) ? kept.parameters : [];
      const paramKey = (p: Json): string => (isObject(p) ? JSON.stringify([p.in, p.name]) : '');
      const ownKeys = new Set(own.map(paramKey));
      const inherited = pathItem.parameters.filter((p) => isObject(p) && !ownKeys.has(paramKey(p)));
      kept.parameters = [...inherited, ...own];
    }
    const cleaned = clean(kept);
    collectRefs(cleaned, roots);
    const existing = outPaths[specPath];
    const target: JsonObject = isObject(existing) ? existing : {};
    target[lower] = cleaned;
    outPaths[specPath] = target;
  }

  // Transitive closure over "#/components/<kind>/<name>" references.
  const components = isObject(spec.components) ? spec.components : {};
  const outComponents: { [kind: string]: JsonObject } = {};
  const queue = [...roots];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const ref = queue.shift() as string;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!match) throw new Error(`${source.specFile}: unsupported $ref "${ref}"`);
    const [, kind, name] = match;
    const group = components[kind];
    const target = isObject(group) ? group[name] : undefined;
    if (target === undefined) throw new Error(`${source.specFile}: dangling $ref "${ref}"`);
    const cleaned = clean(target);
    (outComponents[kind] ??= {})[name] = cleaned;
    const next = new Set<string>();
    collectRefs(cleaned, next);
    for (const r of next) if (!seen.has(r)) queue.push(r);
  }

  const info = isObject(spec.info) ? spec.info : {};
  const subset: JsonObject = {
    openapi: spec.openapi ?? null,
    info: { title: info.title ?? null, version: info.version ?? null },
    'x-contract-subset': {
      api: source.api,
      generatedBy: 'scripts/extract-contracts.ts',
      source: source.specFile,
      // What to strip from a request path before matching it against `paths`.
      pathPrefix: serverPrefix,
      operations: source.operations.map((op) => {
        const [m, p] = op.split(' ');
        return `${m} ${serverPrefix}${source.pathPrefixInSpec}${p}`;
      }),
      notInOfficialSpec: missing.map((op) => {
        const [m, p] = op.split(' ');
        return `${m} ${serverPrefix}${p}`;
      }),
    },
    paths: outPaths,
    components: outComponents,
  };
  return sortKeys(subset) as JsonObject;
}

export function renderSubset(subset: Json): string {
  return `${JSON.stringify(sortKeys(subset), null, 2)}\n`;
}

export function generate(dir = contractsDir()): Map<ApiSource, string> {
  const out = new Map<ApiSource, string>();
  for (const source of SOURCES) {
    const specPath = path.join(dir, source.specFile);
    const spec = JSON.parse(fs.readFileSync(specPath, 'utf8')) as Json;
    if (!isObject(spec)) throw new Error(`${specPath}: not a JSON object`);
    out.set(source, renderSubset(buildSubset(source, spec)));
  }
  return out;
}

function main(): void {
  const dir = contractsDir();
  if (!SOURCES.every((s) => fs.existsSync(path.join(dir, s.specFile)))) {
    console.error(`Full OpenAPI specs not found in ${dir} (set CONTRACTS_DIR to their folder).`);
    process.exit(1);
  }
  fs.mkdirSync(SUBSET_DIR, { recursive: true });
  for (const [source, text] of generate(dir)) {
    const file = path.join(SUBSET_DIR, source.subsetFile);
    fs.writeFileSync(file, text);
    const parsed = JSON.parse(text) as { components?: { [k: string]: object } };
    const counts = Object.entries(parsed.components ?? {})
      .map(([kind, entries]) => `${Object.keys(entries).length} ${kind}`)
      .join(', ');
    console.info(`${path.relative(REPO_ROOT, file)}: ${source.operations.length} operations, ${counts}, ${text.length} bytes`);
    for (const missing of source.knownMissing) {
      console.warn(`  note: ${missing} is not documented in ${source.specFile}`);
    }
  }
}

if (require.main === module) main();
