import express from 'express';
import { openDb } from '../local/db';
import { createConfluenceRouter, migrateConfluence, seedConfluence, getPageForView, renderStorageToHtml, storageToAdf, adfToStorage } from '../local/confluence';
const db = openDb(':memory:'); migrateConfluence(db); seedConfluence(db);
const app = express();
app.use((_q, res, next) => { res.locals.principal = { kind: 'user', accountId: 'x' }; next(); });
app.use('/wiki/api/v2', createConfluenceRouter(db));
const srv = app.listen(0, async () => {
  const base = `http://127.0.0.1:${(srv.address() as any).port}/wiki/api/v2`;
  for (const p of ['/spaces', '/spaces?limit=1', '/pages?limit=2&body-format=storage', '/pages/98306?body-format=atlas_doc_format', '/pages/98305/children', '/pages/98305/direct-children', '/spaces/65537/pages?depth=root']) {
    const r = await fetch(base + p); console.log(p, r.status, r.headers.get('link'), (await r.text()).slice(0, 600));
  }
  const v = getPageForView(db, '98309', { kind: 'app' })!;
  console.log(v.ancestors, renderStorageToHtml(v.storage, { renderForgeMacro: () => 'M', lookupJiraIssue: () => null }));
  const a = storageToAdf(v.storage); console.log(JSON.stringify(a).slice(0, 800)); console.log(adfToStorage(a.doc).storage);
  srv.close();
});
