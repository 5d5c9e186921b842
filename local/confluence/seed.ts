import type { Db } from '../db';
import { NO_INCIDENT_ACCESS_EMAIL, SEED_USERS } from '../users';
import { migrateConfluence } from './schema';
import { getSpaceByKey, insertPage, insertSpace, setHomepage, type SpaceRow } from './store';

const [maya, daniel, sofia, tomas] = SEED_USERS.map((u) => u.accountId);
/**
 * Who may view Incident Reviews, where the app publishes its reports: everyone but Lena
 * (marketing, no access to the incident projects either). ENG stays open to all, so Lena
 * still has a space she can use.
 */
const IR_VIEWERS = SEED_USERS.filter((u) => u.email !== NO_INCIDENT_ACCESS_EMAIL).map((u) => u.accountId);

interface SeedPage {
  title: string;
  author: string;
  at: string;
  body: string;
  children?: SeedPage[];
}

const IR_PAGES: SeedPage = {
  title: 'Incident Reviews',
  author: maya,
  at: '2025-09-01T09:00:00.000Z',
  body: `<h1>Incident Reviews</h1>
<p>This space collects <strong>blameless</strong> reviews of production incidents and the runbooks we wrote because of them.</p>
<ac:structured-macro ac:name="info"><ac:rich-text-body><p>Reviews are created from the incident in Jira with the <em>Post-Incident Review</em> app.</p></ac:rich-text-body></ac:structured-macro>
<ul><li><ac:link><ri:page ri:space-key="IR" ri:content-title="Post-incident reviews" /></ac:link></li><li><ac:link><ri:page ri:space-key="IR" ri:content-title="Runbooks" /></ac:link></li></ul>`,
  children: [
    {
      title: 'Post-incident reviews',
      author: daniel,
      at: '2025-09-01T09:20:00.000Z',
      body: `<p>One child page per review. A review is <ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Yellow</ac:parameter><ac:parameter ac:name="title">Draft</ac:parameter></ac:structured-macro> until the owner signs it off, then <ac:structured-macro ac:name="status"><ac:parameter ac:name="colour">Green</ac:parameter><ac:parameter ac:name="title">Published</ac:parameter></ac:structured-macro>.</p>
<h2>What a good review contains</h2>
<ol><li>A timeline in the reader's time zone.</li><li>Contributing factors, not culprits.</li><li>Follow-up actions with owners and due dates.</li></ol>`,
    },
    {
      title: 'Runbooks',
      author: sofia,
      at: '2025-09-02T14:00:00.000Z',
      body: '<p>Step-by-step guides for the on-call engineer. Keep each one short enough to follow at 3 a.m.</p>',
      children: [
        {
          title: 'Restart the web tier',
          author: tomas,
          at: '2025-09-03T08:15:00.000Z',
          body: `<ac:structured-macro ac:name="warning"><ac:parameter ac:name="title">Before you start</ac:parameter><ac:rich-text-body><p>Tell the support lead first: a restart drops open sessions.</p></ac:rich-text-body></ac:structured-macro>
<ol><li>Find the busiest host on the load dashboard.</li><li>Run the restart job for that host only.</li><li>Watch the login error rate for five minutes.</li></ol>
<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[./ops/restart-web --host web-03 --drain 30s]]></ac:plain-text-body></ac:structured-macro>`,
        },
        {
          title: 'Check that backups ran',
          author: sofia,
          at: '2025-09-04T10:30:00.000Z',
          body: `<p>Backups fail quietly. Compare the newest snapshot time with the schedule:</p>
<table><tbody><tr><th>Store</th><th>Schedule</th><th>Alert after</th></tr><tr><td>Customer DB</td><td>hourly</td><td>2 h</td></tr><tr><td>File store</td><td>nightly</td><td>26 h</td></tr></tbody></table>`,
        },
      ],
    },
  ],
};

const ENG_HOME: SeedPage = {
  title: 'Engineering',
  author: tomas,
  at: '2025-08-20T12:00:00.000Z',
  body: '<p>Design notes, architecture decisions and team pages for the engineering group.</p>',
};

function addTree(db: Db, space: SpaceRow, node: SeedPage, parentId: number | null): number {
  const page = insertPage(db, {
    spaceId: space.id,
    parentId,
    title: node.title,
    status: 'current',
    authorId: node.author,
    createdAt: node.at,
    representation: 'storage',
    value: node.body,
  });
  for (const child of node.children ?? []) addTree(db, space, child, page.id);
  return page.id;
}

/** Seeds the spaces "Incident Reviews" (IR, members only) and "Engineering" (ENG, open). Does nothing when IR already exists. */
export function seedConfluence(db: Db): void {
  migrateConfluence(db);
  if (getSpaceByKey(db, 'IR')) return;
  db.transaction(() => {
    const ir = insertSpace(db, {
      key: 'IR',
      name: 'Incident Reviews',
      authorId: maya,
      createdAt: '2025-09-01T08:55:00.000Z',
      description: 'Blameless post-incident reviews and runbooks.',
      openToAll: false,
      members: IR_VIEWERS,
    });
    setHomepage(db, ir.id, addTree(db, ir, IR_PAGES, null));
    const eng = insertSpace(db, {
      key: 'ENG',
      name: 'Engineering',
      authorId: tomas,
      createdAt: '2025-08-20T11:50:00.000Z',
      description: 'Engineering team space.',
    });
    setHomepage(db, eng.id, addTree(db, eng, ENG_HOME, null));
  })();
}
