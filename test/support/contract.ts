/**
 * OpenAPI contract checks for the contract tests.
 *
 * Validates requests the app makes and responses the local site returns against the committed,
 * generated subsets of the official specs (test/contract/specs/*.subset.json, produced by
 * scripts/extract-contracts.ts). Works without the full specs, so CI on a bare clone is fine.
 *
 * OpenAPI 3.0 schemas are not JSON Schema; before handing them to ajv (draft-07) we convert:
 *  - `nullable: true`            → `type: [T, 'null']` (and `null` added to `enum`), or
 *                                  `anyOf: [schema, {type: 'null'}]` when there is no `type`;
 *  - `$ref: '#/components/…'`    → `<api>:<mode>#/components/…`: the converted components are
 *                                  registered once per direction as a schema with that `$id`;
 *  - `readOnly` / `writeOnly`    → readOnly properties are dropped from `required` when checking
 *                                  requests, writeOnly ones when checking responses (two copies of
 *                                  the components, "request" and "response");
 *  - `discriminator`, `example`, `xml`, `externalDocs`, `deprecated`, `x-*` → dropped;
 *  - `oneOf`                     → `anyOf`: the Atlassian specs use oneOf for "one of these shapes"
 *                                  with shapes that are not mutually exclusive (Confluence
 *                                  PageBodyWrite vs PageNestedBodyWrite both accept any object),
 *                                  so strict oneOf would reject every valid body;
 *  - formats ajv does not know (or knows too strictly for Jira: `date-time` with a `+0000`
 *    offset, relative `uri`s) are registered as permissive.
 * Every schema is compiled once and cached.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type Api = 'jira' | 'confluence';
type Mode = 'request' | 'response';
type Schema = { [key: string]: unknown };
type Headers = Record<string, string | string[] | number | undefined>;

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface MediaType {
  schema?: Schema;
}
interface ResponseObject {
  description?: string;
  content?: Record<string, MediaType>;
}
interface RequestBody {
  $ref?: string;
  required?: boolean;
  content?: Record<string, MediaType>;
}
export interface Operation {
  operationId?: string;
  summary?: string;
  deprecated?: boolean;
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses?: Record<string, ResponseObject>;
}
interface SubsetDoc {
  openapi: string;
  info: { title: string; version: string };
  'x-contract-subset': { pathPrefix: string; notInOfficialSpec: string[]; operations: string[] };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, Schema>; requestBodies?: Record<string, RequestBody> };
}

export interface OperationMatch {
  api: Api;
  /** Upper-case HTTP method. */
  method: string;
  /** The spec's path template (Jira: /rest/api/3/…; Confluence: without the /wiki/api/v2 prefix). */
  pathTemplate: string;
  /** Template with the API prefix, as the app sees it. */
  fullPathTemplate: string;
  operationId?: string;
  pathParams: Record<string, string>;
  operation: Operation;
}

export const SPEC_DIR = path.resolve(__dirname, '..', 'contract', 'specs');

// ---------------------------------------------------------------------------------------------
// Loading and path matching

interface CompiledTemplate {
  template: string;
  regex: RegExp;
  names: string[];
  literalSegments: number;
}
interface ApiState {
  doc: SubsetDoc;
  prefix: string;
  templates: CompiledTemplate[];
  missing: CompiledTemplate[];
  ajv?: Ajv;
  cache: Map<string, ValidateFunction>;
}

const states = new Map<Api, ApiState>();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileTemplate(template: string): CompiledTemplate {
  const names: string[] = [];
  let literalSegments = 0;
  const body = template
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) {
        literalSegments += 1;
        return escapeRegex(segment);
      }
      return segment
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const m = /^\{([^}]+)\}$/.exec(part);
          if (!m) return escapeRegex(part);
          names.push(m[1]);
          return '([^/]+)';
        })
        .join('');
    })
    .join('/');
  return { template, regex: new RegExp(`^${body}$`), names, literalSegments };
}

/** More literal segments first, so /issue/bulk wins over /issue/{issueIdOrKey}. */
function bySpecificity(a: CompiledTemplate, b: CompiledTemplate): number {
  return b.literalSegments - a.literalSegments || a.names.length - b.names.length || a.template.localeCompare(b.template);
}

function state(api: Api): ApiState {
  let s = states.get(api);
  if (!s) {
    const file = path.join(SPEC_DIR, `${api}.subset.json`);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as SubsetDoc;
    const meta = doc['x-contract-subset'];
    const prefix = meta.pathPrefix;
    const templates = Object.keys(doc.paths).map(compileTemplate).sort(bySpecificity);
    const missing = meta.notInOfficialSpec
      .map((op) => op.split(' ')[1].slice(prefix.length))
      .map(compileTemplate)
      .sort(bySpecificity);
    s = { doc, prefix, templates, missing, cache: new Map() };
    states.set(api, s);
  }
  return s;
}

/** Path without origin, query or fragment, and without a trailing slash. */
function pathOnly(url: string): string {
  let p = url;
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(p);
  if (origin) p = p.slice(origin[0].length);
  p = p.replace(/[?#].*$/, '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p || '/';
}

function queryOf(url: string): URLSearchParams {
  const q = /\?([^#]*)/.exec(url);
  return new URLSearchParams(q ? q[1] : '');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type Located = { match: OperationMatch; problem?: undefined } | { match?: undefined; problem: string };

function locate(api: Api, method: string, url: string): Located {
  const s = state(api);
  const m = method.toUpperCase();
  const full = pathOnly(url);
  const label = `${api} ${m} ${full}`;
  if (s.prefix && !(full === s.prefix || full.startsWith(`${s.prefix}/`))) {
    return { problem: `${label}: not under the ${api} API prefix ${s.prefix}` };
  }
  const rel = full.slice(s.prefix.length) || '/';
  const otherMethods: string[] = [];
  for (const t of s.templates) {
    const hit = t.regex.exec(rel);
    if (!hit) continue;
    const operation = s.doc.paths[t.template][m.toLowerCase()];
    if (!operation) {
      otherMethods.push(...Object.keys(s.doc.paths[t.template]).map((k) => `${k.toUpperCase()} ${t.template}`));
      continue;
    }
    const pathParams: Record<string, string> = {};
    t.names.forEach((name, i) => {
      pathParams[name] = safeDecode(hit[i + 1]);
    });
    return {
      match: {
        api,
        method: m,
        pathTemplate: t.template,
        fullPathTemplate: s.prefix + t.template,
        operationId: operation.operationId,
        pathParams,
        operation,
      },
    };
  }
  const missing = s.missing.find((t) => t.regex.test(rel));
  if (missing) {
    return { problem: `${label}: ${m} ${s.prefix}${missing.template} is not documented in the official ${api} spec` };
  }
  const hint = otherMethods.length ? ` (the spec subset has ${[...new Set(otherMethods)].join(', ')})` : '';
  return {
    problem:
      `${label}: no such operation in the ${api} contract subset${hint}; if the app really calls it, ` +
      'add it to scripts/extract-contracts.ts and regenerate',
  };
}

/** Matches a concrete request path (query string and origin allowed) to a documented operation. */
export function findOperation(api: Api, method: string, urlPath: string): OperationMatch | null {
  return locate(api, method, urlPath).match ?? null;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 schema → JSON Schema (draft-07)

const DROPPED = new Set(['nullable', 'discriminator', 'example', 'examples', 'xml', 'externalDocs', 'deprecated']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'additionalItems', 'contains', 'propertyNames']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function schemaId(api: Api, mode: Mode): string {
  return `openapi:${api}:${mode}`;
}

/** Follows one `#/components/schemas/X` ref in the raw (unconverted) subset. */
function deref(doc: SubsetDoc, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let i = 0; i < 20 && current && typeof current.$ref === 'string'; i += 1) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(current.$ref);
    current = m ? doc.components.schemas?.[m[1]] : undefined;
  }
  return current;
}

function hasFlag(doc: SubsetDoc, schema: unknown, flag: 'readOnly' | 'writeOnly'): boolean {
  if (!isSchema(schema)) return false;
  if (schema[flag] === true) return true;
  const target = deref(doc, schema);
  return target !== schema && isSchema(target) && target[flag] === true;
}

function convertSchema(api: Api, mode: Mode, doc: SubsetDoc, input: unknown): unknown {
  if (typeof input === 'boolean') return input;
  if (!isSchema(input)) return input;
  const out: Schema = {};
  for (const [key, value] of Object.entries(input)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#/components/') ? `${schemaId(api, mode)}${value}` : value;
    } else if (SCHEMA_MAPS.has(key) && isSchema(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, convertSchema(api, mode, doc, sub)]));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = Array.isArray(value) ? value.map((v) => convertSchema(api, mode, doc, v)) : convertSchema(api, mode, doc, value);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      const target = key === 'oneOf' ? 'anyOf' : key;
      const converted = value.map((v) => convertSchema(api, mode, doc, v));
      out[target] = Array.isArray(out[target]) ? [...(out[target] as unknown[]), ...converted] : converted;
    } else if (key === 'required' && Array.isArray(value)) {
      const props = isSchema(input.properties) ? input.properties : {};
      const flag = mode === 'request' ? 'readOnly' : 'writeOnly';
      const kept = value.filter((name) => !(typeof name === 'string' && hasFlag(doc, props[name], flag)));
      if (kept.length > 0) out.required = kept;
    } else {
      out[key] = value;
    }
  }
  if (input.nullable === true) {
    if (typeof out.type === 'string' || Array.isArray(out.type)) {
      const types = Array.isArray(out.type) ? out.type : [out.type];
      if (!types.includes('null')) out.type = [...types, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

// Jira writes offsets without a colon ("2024-01-31T10:15:30.123+0000"); RFC 3339 (ajv-formats)
// insists on one. Accept both, with optional seconds/fractions, but still insist on a real shape.
const LOOSE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function collectFormats(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((v) => collectFormats(v, into));
  else if (isSchema(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') into.add(value);
      else collectFormats(value, into);
    }
  }
}

function ajvFor(api: Api): Ajv {
  const s = state(api);
  if (s.ajv) return s.ajv;
  const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (v: string) => LOOSE_DATE_TIME.test(v) });
  ajv.addFormat('uri', { type: 'string', validate: () => true });
  ajv.addFormat('url', { type: 'string', validate: () => true });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (v: number) => Number.isInteger(v) && v >= -2147483648 && v <= 2147483647,
  });
  ajv.addFormat('int64', { type: 'number', validate: (v: number) => Number.isInteger(v) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  const used = new Set<string>();
  collectFormats(s.doc, used);
  for (const f of used) if (!ajv.formats[f]) ajv.addFormat(f, true); // e.g. Confluence's "string"
  for (const mode of ['request', 'response'] as const) {
    const schemas = Object.fromEntries(
      Object.entries(s.doc.components.schemas ?? {}).map(([name, sc]) => [name, convertSchema(api, mode, s.doc, sc)]),
    );
    ajv.addSchema({ $id: schemaId(api, mode), components: { schemas } });
  }
  s.ajv = ajv;
  return ajv;
}

function compiled(api: Api, mode: Mode, key: string, schema: Schema): ValidateFunction {
  const s = state(api);
  const cacheKey = `${mode}|${key}`;
  let fn = s.cache.get(cacheKey);
  if (!fn) {
    fn = ajvFor(api).compile(convertSchema(api, mode, s.doc, schema) as Schema);
    s.cache.set(cacheKey, fn);
  }
  return fn;
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  const lines = (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath}`;
    const p = e.params as Record<string, unknown>;
    let extra = '';
    if (e.keyword === 'additionalProperties') extra = `: '${String(p.additionalProperty)}'`;
    else if (e.keyword === 'enum') extra = `: ${JSON.stringify(p.allowedValues)}`;
    return `${at} ${e.message ?? e.keyword}${extra}`;
  });
  return [...new Set(lines)];
}

// ---------------------------------------------------------------------------------------------
// Responses

function header(headers: Headers | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null || body === '') return true;
  return Buffer.isBuffer(body) && body.length === 0;
}

function pickMediaType(
  content: Record<string, MediaType>,
  contentType: string | undefined,
): { type: string; media: MediaType } | { problem: string } {
  const types = Object.keys(content);
  if (contentType) {
    const wanted = contentType.split(';')[0].trim().toLowerCase();
    const found =
      types.find((t) => t.toLowerCase() === wanted) ??
      types.find((t) => t.endsWith('/*') && wanted.startsWith(t.slice(0, -1))) ??
      types.find((t) => t === '*/*');
    if (!found) return { problem: `content type ${wanted} is not documented (documented: ${types.join(', ')})` };
    return { type: found, media: content[found] };
  }
  const found = types.find((t) => t === 'application/json') ?? types.find((t) => t === '*/*') ?? types[0];
  return { type: found, media: content[found] };
}

function parsedBody(body: unknown, mediaType: string): { value: unknown } | { problem: string } {
  const jsonish = /json/i.test(mediaType) || mediaType === '*/*';
  if (!jsonish) return { value: body };
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
  if (typeof text === 'string' && (mediaType !== '*/*' || /^\s*[[{"]/.test(text))) {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { problem: `body is not valid JSON: ${text.slice(0, 80)}` };
    }
  }
  return { value: text };
}

/**
 * Problems with a response (empty list when it matches the contract). `body` is the parsed JSON
 * (a raw string or Buffer is parsed when the content type is JSON); `headers` are optional, and
 * without a Content-Type application/json is assumed.
 */
export function validateResponse(api: Api, method: string, urlPath: string, status: number, body: unknown, headers?: Headers): string[] {
  const found = locate(api, method, urlPath);
  if (!found.match) return [found.problem];
  const { operation, fullPathTemplate } = found.match;
  const label = `${api} ${method.toUpperCase()} ${fullPathTemplate} → ${status}`;
  const responses = operation.responses ?? {};
  const statusKey = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in responses);
  if (!statusKey) {
    return [`${label}: status ${status} is not documented (documented: ${Object.keys(responses).join(', ')})`];
  }
  if (status === 204 || status === 304 || method.toUpperCase() === 'HEAD') {
    return isEmptyBody(body) ? [] : [`${label}: a ${status} response must have no body, got ${JSON.stringify(body)?.slice(0, 80)}`];
  }
  const content = responses[statusKey].content;
  if (!content || Object.keys(content).length === 0) return []; // documented without a body shape
  const picked = pickMediaType(content, header(headers, 'content-type'));
  if ('problem' in picked) return [`${label}: ${picked.problem}`];
  if (!picked.media.schema) return [];
  if (isEmptyBody(body)) return [`${label}: expected a ${picked.type} body, got none`];
  const parsed = parsedBody(body, picked.type);
  if ('problem' in parsed) return [`${label}: ${parsed.problem}`];
  const validate = compiled(
    api,
    'response',
    `${method.toUpperCase()} ${fullPathTemplate} ${statusKey} ${picked.type}`,
    picked.media.schema,
  );
  return validate(parsed.value) ? [] : describe(`${label}: body`, validate.errors);
}

// ---------------------------------------------------------------------------------------------
// Requests

function resolveRequestBody(doc: SubsetDoc, rb: RequestBody | undefined): RequestBody | undefined {
  if (!rb?.$ref) return rb;
  const m = /^#\/components\/requestBodies\/(.+)$/.exec(rb.$ref);
  return m ? doc.components.requestBodies?.[m[1]] : undefined;
}

function typeOf(doc: SubsetDoc, schema: Schema | undefined): string | undefined {
  const t = deref(doc, schema)?.type;
  return typeof t === 'string' ? t : undefined;
}

function coerceScalar(raw: string, type: string | undefined): unknown {
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}

/** Query/path values are strings; coerce them to what the parameter schema says before checking. */
function coerceParam(doc: SubsetDoc, schema: Schema | undefined, values: string[]): unknown {
  const resolved = deref(doc, schema);
  if (typeOf(doc, schema) === 'array') {
    // form style: repeated keys (explode) and, as Jira and Confluence both accept, comma lists.
    const items = isSchema(resolved?.items) ? resolved.items : undefined;
    return values.flatMap((v) => v.split(',')).map((v) => coerceScalar(v, typeOf(doc, items)));
  }
  return coerceScalar(values[values.length - 1], typeOf(doc, schema));
}

/**
 * Problems with a request the app makes: unknown operation, undeclared / missing / badly typed
 * query parameters, badly typed path parameters, and a body that does not match the requestBody.
 * `body` is the parsed JSON (or a JSON string); leave it undefined for requests without a body.
 */
export function validateRequest(api: Api, method: string, urlPathWithQuery: string, body?: unknown): string[] {
  const found = locate(api, method, urlPathWithQuery);
  if (!found.match) return [found.problem];
  const { operation, fullPathTemplate, pathParams } = found.match;
  const { doc } = state(api);
  const m = method.toUpperCase();
  const label = `${api} ${m} ${fullPathTemplate}`;
  const problems: string[] = [];
  const params = operation.parameters ?? [];

  for (const p of params.filter((x) => x.in === 'path')) {
    const value = pathParams[p.name];
    if (value === undefined) continue;
    if (p.schema) {
      const validate = compiled(api, 'request', `${m} ${fullPathTemplate} path ${p.name}`, p.schema);
      if (!validate(coerceParam(doc, p.schema, [value]))) {
        problems.push(...describe(`${label}: path parameter ${p.name}=${JSON.stringify(value)}`, validate.errors));
      }
    }
  }

  const query = queryOf(urlPathWithQuery);
  const declared = new Map(params.filter((x) => x.in === 'query').map((x) => [x.name, x]));
  for (const name of new Set(query.keys())) {
    const p = declared.get(name);
    if (!p) {
      const names = [...declared.keys()];
      problems.push(`${label}: query parameter '${name}' is not declared (declared: ${names.length ? names.join(', ') : 'none'})`);
      continue;
    }
    const values = query.getAll(name);
    if (typeOf(doc, p.schema) !== 'array' && values.length > 1) {
      problems.push(`${label}: query parameter '${name}' is given ${values.length} times but is not an array`);
    }
    if (p.schema) {
      const validate = compiled(api, 'request', `${m} ${fullPathTemplate} query ${name}`, p.schema);
      if (!validate(coerceParam(doc, p.schema, values))) {
        problems.push(...describe(`${label}: query parameter ${name}=${JSON.stringify(values.join(','))}`, validate.errors));
      }
    }
  }
  for (const p of declared.values()) {
    if (p.required && !query.has(p.name)) problems.push(`${label}: required query parameter '${p.name}' is missing`);
  }

  const requestBody = resolveRequestBody(doc, operation.requestBody);
  if (isEmptyBody(body)) {
    if (requestBody?.required) problems.push(`${label}: a request body is required`);
  } else if (!requestBody) {
    problems.push(`${label}: the operation takes no request body`);
  } else if (requestBody.content && Object.keys(requestBody.content).length > 0) {
    const picked = pickMediaType(requestBody.content, undefined);
    if (!('problem' in picked) && picked.media.schema) {
      const parsed = parsedBody(body, picked.type);
      if ('problem' in parsed) problems.push(`${label}: request ${parsed.problem}`);
      else {
        const validate = compiled(api, 'request', `${m} ${fullPathTemplate} body ${picked.type}`, picked.media.schema);
        if (!validate(parsed.value)) problems.push(...describe(`${label}: request body`, validate.errors));
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Jest helpers

/** Throws (failing the test) with every problem listed when `problems` is not empty. */
export function assertContract(problems: readonly string[], context = 'contract check'): void {
  if (problems.length === 0) return;
  throw new Error(`${context}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

export function assertResponseContract(api: Api, method: string, urlPath: string, status: number, body: unknown, headers?: Headers): void {
  assertContract(validateResponse(api, method, urlPath, status, body, headers), `response contract (${api} ${method} ${urlPath})`);
}

export function assertRequestContract(api: Api, method: string, urlPathWithQuery: string, body?: unknown): void {
  assertContract(validateRequest(api, method, urlPathWithQuery, body), `request contract (${api} ${method} ${urlPathWithQuery})`);
}
