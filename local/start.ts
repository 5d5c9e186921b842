import { join } from 'node:path';
import { ROOT, startSite } from './site';
import { seedDemoReviews } from './seed/demo-reviews';

/** `npm start`: serves the seeded local site (PORT, default 8080; DATA_DIR, default .data). */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = process.env.DATA_DIR ?? join(ROOT, '.data');
  const site = await startSite({ dataDir, port, host: process.env.HOST ?? '127.0.0.1' });
  // A first start also holds three reviews, made through the app's own resolvers, so After Action Summaries has something to show.
  if (site.seededOnStart) await seedDemoReviews(site.runner);
  const lines = [
    `Post-Incident Review is running on the local Atlassian site (data in ${dataDir})`,
    `  Jira issues          ${site.url}/`,
    `  Incident INC-1       ${site.url}/browse/INC-1`,
    `  Summaries page       ${site.url}${site.globalPagePath}`,
    `  Confluence           ${site.url}/wiki`,
    `  Request log          ${site.url}/__admin/requests`,
    'Switch user with the menu at the top right (Lena Fischer has no access to the INC project).',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Could not start the local site: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
