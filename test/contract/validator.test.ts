/**
 * Tests of the contract validator itself: it must be able to fail, or the contract tests that
 * rely on it prove nothing. Also checks the committed spec subsets are fresh when the full
 * official specs are available (../shared/contracts or $CONTRACTS_DIR).
 */
import * as fs from 'fs';
import * as path from 'path';
import { SOURCES, SUBSET_DIR, contractsDir, generate } from '../../scripts/extract-contracts';
import { assertContract, findOperation, validateRequest, validateResponse } from '../support/contract';

const SITE = 'http://localhost:4000';

/** Shaped like what Jira Cloud returns for GET /rest/api/3/issue/INC-1 (trimmed). */
function jiraIssue(): Record<string, unknown> {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: '10001',
    self: `${SITE}/rest/api/3/issue/10001`,
    key: 'INC-1',
    fields: {
      summary: 'Checkout errors after deploy',
      created: '2026-01-31T10:15:30.123+0000',
      duedate: '2026-02-07',
      labels: ['post-incident'],
      status: { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new' } },
      comment: { comments: [], startAt: 0, maxResults: 0, total: 0 },
      description: { type: 'doc', version: 1, content: [] },
    },
  };
}

/** Shaped like Confluence's 200 answer to POST /wiki/api/v2/pages. */
function confluencePage(): Record<string, unknown> {
  return {
    id: '65537',
    status: 'current',
    title: 'PIR: INC-1 checkout errors',
    spaceId: '98306',
    parentId: '65540',
    parentType: 'page',
    position: null,
    authorId: '5b10a2844c20165700ede21g',
    ownerId: '5b10a2844c20165700ede21g',
    lastOwnerId: null,
    createdAt: '2026-01-31T10:15:30.123Z',
    version: {
      createdAt: '2026-01-31T10:15:30.123Z',
      message: '',
      number: 1,
      minorEdit: false,
      authorId: '5b10a2844c20165700ede21g',
    },
    body: { atlas_doc_format: { representation: 'atlas_doc_format', value: '{"type":"doc","version":1,"content":[]}' } },
    _links: { webui: '/spaces/PIR/pages/65537', editui: '/pages/resumedraft.action?draftId=65537', base: `${SITE}/wiki` },
  };
}

describe('operation lookup', () => {
  test('matches concrete paths (query and origin allowed) and extracts path params', () => {
    const op = findOperation('jira', 'get', `${SITE}/rest/api/3/issue/INC-1/comment?startAt=0&maxResults=50`);
    expect(op).toMatchObject({
      method: 'GET',
      pathTemplate: '/rest/api/3/issue/{issueIdOrKey}/comment',
      pathParams: { issueIdOrKey: 'INC-1' },
    });
    // Literal segments win over templates: /issue/bulk is not /issue/{issueIdOrKey}.
    expect(findOperation('jira', 'POST', '/rest/api/3/issue/bulk')?.operationId).toBe('createIssues');
    expect(findOperation('jira', 'GET', '/rest/api/3/issue/createmeta/INC/issuetypes/10003')?.pathParams).toEqual({
      projectIdOrKey: 'INC',
      issueTypeId: '10003',
    });
    // The Confluence spec's paths sit under the server URL's /wiki/api/v2, recorded in the subset.
    expect(findOperation('confluence', 'PUT', '/wiki/api/v2/pages/65537')?.pathParams).toEqual({ id: '65537' });
    expect(findOperation('confluence', 'GET', '/pages/65537')).toBeNull();
    expect(findOperation('jira', 'DELETE', '/rest/api/3/issue/INC-1')).toBeNull();
  });

  test('the old search is still documented (the real service and the emulator answer 410, which it does not list)', () => {
    expect(findOperation('jira', 'GET', '/rest/api/3/search?jql=project%3DINC')).not.toBeNull();
    expect(validateResponse('jira', 'GET', '/rest/api/3/search', 410, { errorMessages: ['Gone'] })).toEqual([
      expect.stringContaining('status 410 is not documented'),
    ]);
  });

  test('GET /pages/{id}/direct-children is reported as missing from the official Confluence spec', () => {
    expect(validateResponse('confluence', 'GET', '/wiki/api/v2/pages/65537/direct-children', 200, { results: [] })).toEqual([
      expect.stringContaining('is not documented in the official confluence spec'),
    ]);
  });
});

describe('responses', () => {
  test('a real-looking Jira issue passes', () => {
    expect(validateResponse('jira', 'GET', '/rest/api/3/issue/INC-1?fields=summary', 200, jiraIssue())).toEqual([]);
    // A JSON string is parsed when the content type says JSON.
    const headers = { 'Content-Type': 'application/json;charset=UTF-8' };
    expect(validateResponse('jira', 'GET', '/rest/api/3/issue/INC-1', 200, JSON.stringify(jiraIssue()), headers)).toEqual([]);
  });

  test('wrong types fail: fields as a string, id as a number', () => {
    const problems = validateResponse('jira', 'GET', '/rest/api/3/issue/INC-1', 200, {
      ...jiraIssue(),
      id: 10001,
      fields: 'summary',
    });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/body\/fields must be object/), expect.stringMatching(/body\/id must be string/)]),
    );
    expect(() => assertContract(problems)).toThrow(/2 problem\(s\)[\s\S]*fields must be object[\s\S]*id must be string/);
  });

  test('properties the spec does not know fail where it forbids them (IssueBean has additionalProperties: false)', () => {
    expect(validateResponse('jira', 'GET', '/rest/api/3/issue/INC-1', 200, { ...jiraIssue(), total: 1 })).toEqual([
      expect.stringContaining("must NOT have additional properties: 'total'"),
    ]);
  });

  test('an undocumented status fails; documented error statuses without a schema pass', () => {
    expect(validateResponse('jira', 'GET', '/rest/api/3/issue/INC-1', 500, {})).toEqual([
      expect.stringContaining('status 500 is not documented (documented: 200, 401, 404)'),
    ]);
    const notFound = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };
    expect(validateResponse('jira', 'GET', '/rest/api/3/issue/INC-404', 404, notFound)).toEqual([]);
  });

  test('an unknown path fails', () => {
    expect(validateResponse('jira', 'GET', '/rest/api/3/issues/INC-1', 200, jiraIssue())).toEqual([
      expect.stringContaining('no such operation in the jira contract subset'),
    ]);
    expect(validateRequest('confluence', 'GET', '/wiki/api/v1/pages')).toEqual([
      expect.stringContaining('not under the confluence API prefix /wiki/api/v2'),
    ]);
  });

  test('a 204 must have no body', () => {
    expect(validateResponse('confluence', 'DELETE', '/wiki/api/v2/pages/65537', 204, undefined)).toEqual([]);
    expect(validateResponse('confluence', 'DELETE', '/wiki/api/v2/pages/65537', 204, { ok: true })).toEqual([
      expect.stringContaining('must have no body'),
    ]);
  });

  test('Jira date-times with a +0000 offset pass, other strings do not', () => {
    const comment = (created: string) => ({
      id: '10010',
      self: `${SITE}/rest/api/3/issue/10001/comment/10010`,
      body: { type: 'doc', version: 1, content: [] },
      created,
      updated: '2026-01-31T10:15:30+00:00',
      jsdPublic: true,
    });
    const url = '/rest/api/3/issue/INC-1/comment';
    expect(validateResponse('jira', 'POST', url, 201, comment('2026-01-31T10:15:30.123+0000'))).toEqual([]);
    expect(validateResponse('jira', 'POST', url, 201, comment('yesterday'))).toEqual([
      expect.stringMatching(/body\/created must match format "date-time"/),
    ]);
  });

  test('a Confluence page-create response passes (200, not 201: the spec and the real service agree)', () => {
    expect(validateResponse('confluence', 'POST', '/wiki/api/v2/pages', 200, confluencePage())).toEqual([]);
    expect(validateResponse('confluence', 'POST', '/wiki/api/v2/pages', 201, confluencePage())).toEqual([
      expect.stringContaining('status 201 is not documented'),
    ]);
  });

  test('a Confluence page response with missing or wrong fields', () => {
    const rest = confluencePage();
    delete rest.id;
    delete rest.title;
    delete rest.version;
    // Spec quirk: PageSingle lists no `required` properties at all, so a page without id, title
    // or version is *valid* per the official contract. The contract tests cannot catch missing
    // fields in Confluence responses; the emulator's own tests must.
    expect(validateResponse('confluence', 'POST', '/wiki/api/v2/pages', 200, rest)).toEqual([]);
    // What the spec does constrain is types and enums, and nullability.
    const bad = { ...confluencePage(), status: 'published', version: { number: '2' }, ownerId: 7 };
    expect(validateResponse('confluence', 'POST', '/wiki/api/v2/pages', 200, bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/body\/status must be equal to one of the allowed values/),
        expect.stringMatching(/body\/version\/number must be integer/),
        expect.stringMatching(/body\/ownerId must be string,null/),
      ]),
    );
  });

  test('spec quirk: changelog `created` as an epoch number (which real Jira sends from bulkfetch) is rejected', () => {
    const body = {
      issueChangeLogs: [{ issueId: '10001', changeHistories: [{ id: '10100', created: 1769854530123, items: [] }] }],
    };
    expect(validateResponse('jira', 'POST', '/rest/api/3/changelog/bulkfetch', 200, body)).toEqual([
      expect.stringContaining('changeHistories/0/created must be string'),
    ]);
  });
});

describe('requests', () => {
  test('search/jql: declared query parameters pass, an undeclared one fails', () => {
    const ok = '/rest/api/3/search/jql?jql=project%20%3D%20INC&fields=summary,status&fields=labels&maxResults=100&nextPageToken=abc';
    expect(validateRequest('jira', 'GET', ok)).toEqual([]);
    // startAt belongs to the old /search; the new endpoint pages with nextPageToken only.
    expect(validateRequest('jira', 'GET', '/rest/api/3/search/jql?jql=project%3DINC&startAt=50')).toEqual([
      expect.stringContaining("query parameter 'startAt' is not declared"),
    ]);
  });

  test('query and path parameter types, enums and bounds are checked', () => {
    expect(validateRequest('jira', 'GET', '/rest/api/3/search/jql?maxResults=lots&failFast=maybe')).toEqual([
      expect.stringContaining('maxResults="lots" must be integer'),
      expect.stringContaining('failFast="maybe" must be boolean'),
    ]);
    expect(validateRequest('confluence', 'GET', '/wiki/api/v2/pages?limit=251&body-format=html&status=current,gone')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('limit="251" must be <= 250'),
        expect.stringMatching(/body-format="html" must be equal to one of the allowed values/),
        expect.stringMatching(/status="current,gone"\/1 must be equal to one of the allowed values/),
      ]),
    );
    expect(validateRequest('confluence', 'GET', '/wiki/api/v2/pages/not-a-number')).toEqual([
      expect.stringContaining('path parameter id="not-a-number" must be integer'),
    ]);
  });

  test('request bodies are checked against the requestBody schema', () => {
    const body = {
      spaceId: '98306',
      status: 'current',
      title: 'PIR: INC-1',
      parentId: '65540',
      body: { representation: 'atlas_doc_format', value: '{"type":"doc","version":1,"content":[]}' },
    };
    expect(validateRequest('confluence', 'POST', '/wiki/api/v2/pages?root-level=false', body)).toEqual([]);
    const noSpace: Partial<typeof body> = { ...body };
    delete noSpace.spaceId;
    expect(validateRequest('confluence', 'POST', '/wiki/api/v2/pages', noSpace)).toEqual([
      expect.stringContaining("request body must have required property 'spaceId'"),
    ]);
    expect(validateRequest('confluence', 'POST', '/wiki/api/v2/pages')).toEqual([expect.stringContaining('a request body is required')]);
    expect(validateRequest('jira', 'POST', '/rest/api/3/issueLink', { type: { name: 'Relates' } })).toEqual([
      expect.stringContaining("must have required property 'inwardIssue'"),
      expect.stringContaining("must have required property 'outwardIssue'"),
    ]);
  });

  test('nullable: null is accepted where the spec says nullable, wrong types are not', () => {
    const comment = (identifier: unknown) => ({
      body: { type: 'doc', version: 1, content: [] },
      visibility: { type: 'role', value: 'Administrators', identifier },
    });
    const url = '/rest/api/3/issue/INC-1/comment';
    expect(validateRequest('jira', 'POST', url, comment(null))).toEqual([]);
    expect(validateRequest('jira', 'POST', url, comment(5))).toEqual([
      expect.stringContaining('visibility/identifier must be string,null'),
    ]);
  });

  test('bulk create with 51 issueUpdates: the spec does not encode the limit of 50', () => {
    // The official spec's IssuesUpdateBean.issueUpdates is a plain array, no maxItems: the
    // "at most 50" rule is only in prose/observed behaviour (shared/contracts/README.md). So a
    // 51-item body is valid per the contract and the emulator must enforce the limit itself
    // (and have its own test for it). If a future spec adds maxItems, this test flags it.
    const bulkBodySchema = findOperation('jira', 'POST', '/rest/api/3/issue/bulk')?.operation.requestBody?.content?.['application/json']
      ?.schema;
    expect(bulkBodySchema).toEqual({ $ref: '#/components/schemas/IssuesUpdateBean' });
    const issueUpdates = Array.from({ length: 51 }, (_, i) => ({
      fields: { project: { key: 'INC' }, issuetype: { id: '10003' }, parent: { key: 'INC-1' }, summary: `Action ${i + 1}` },
    }));
    expect(validateRequest('jira', 'POST', '/rest/api/3/issue/bulk', { issueUpdates })).toEqual([]);
    expect(validateRequest('jira', 'POST', '/rest/api/3/issue/bulk', { issueUpdates: 'none' })).toEqual([
      expect.stringContaining('issueUpdates must be array'),
    ]);
  });
});

describe('committed spec subsets', () => {
  const dir = contractsDir();
  const present = SOURCES.every((s) => fs.existsSync(path.join(dir, s.specFile)));

  if (present) {
    test('are exactly what scripts/extract-contracts.ts produces from the full official specs', () => {
      const stale: string[] = [];
      for (const [source, fresh] of generate(dir)) {
        const file = path.join(SUBSET_DIR, source.subsetFile);
        const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
        if (committed === fresh) continue;
        if (committed === null) {
          stale.push(`${source.subsetFile}: missing`);
          continue;
        }
        const a = committed.split('\n');
        const b = fresh.split('\n');
        const line = a.findIndex((l, i) => l !== b[i]);
        stale.push(
          `${source.subsetFile}: differs from line ${line + 1}: committed ${JSON.stringify(a[line])}, expected ${JSON.stringify(b[line])}`,
        );
      }
      if (stale.length > 0) {
        throw new Error(`Spec subsets are stale; run \`npx tsx scripts/extract-contracts.ts\` and commit.\n  ${stale.join('\n  ')}`);
      }
    });
  } else if (process.env.CONTRACTS_DIR) {
    test(`CONTRACTS_DIR=${process.env.CONTRACTS_DIR} must hold the full official specs`, () => {
      throw new Error(`CONTRACTS_DIR is set, but ${SOURCES.map((s) => s.specFile).join(' / ')} are not in ${dir}`);
    });
  } else {
    test.skip(`are fresh (skipped: full official specs not found in ${dir}; set CONTRACTS_DIR to check)`, () => {});
  }

  test('are present in the repository, so contract tests run without the full specs', () => {
    for (const source of SOURCES) expect(fs.existsSync(path.join(SUBSET_DIR, source.subsetFile))).toBe(true);
  });
});
