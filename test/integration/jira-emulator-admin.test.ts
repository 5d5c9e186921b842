/**
 * Jira's ADMINISTER global permission on the local site, as /rest/api/3/mypermissions answers it:
 * a GLOBAL permission held by members of the site's Jira administrators group (Maya), asked with
 * or without a project, and never inferred from project access.
 */
import type { RunningSite } from '../../local/site';
import { basicAuth, freshSite } from '../support/site';

let site: RunningSite;
beforeAll(async () => {
  site = await freshSite();
});
afterAll(() => site.close());

async function permissions(
  user: string,
  query: string,
): Promise<{ status: number; body: { permissions?: Record<string, { type: string; havePermission: boolean; key: string }> } }> {
  const res = await fetch(`${site.url}/rest/api/3/mypermissions?${query}`, {
    headers: { authorization: basicAuth(user), accept: 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('the ADMINISTER global permission', () => {
  it('is held by a Jira administrator (Maya)', async () => {
    const { status, body } = await permissions('maya@example.com', 'permissions=ADMINISTER');
    expect(status).toBe(200);
    expect(body.permissions?.ADMINISTER).toMatchObject({ key: 'ADMINISTER', type: 'GLOBAL', havePermission: true });
  });

  it('is not held by someone who can browse every incident but administers nothing (Tomás), nor by Lena', async () => {
    for (const user of ['tomas@example.com', 'lena@example.com']) {
      const { status, body } = await permissions(user, 'permissions=ADMINISTER');
      expect({ user, status, have: body.permissions?.ADMINISTER.havePermission }).toEqual({ user, status: 200, have: false });
    }
  });

  it('answers global and project permissions side by side', async () => {
    const { body } = await permissions('tomas@example.com', 'permissions=ADMINISTER,BROWSE_PROJECTS&projectKey=INC');
    expect(body.permissions?.ADMINISTER).toMatchObject({ type: 'GLOBAL', havePermission: false });
    expect(body.permissions?.BROWSE_PROJECTS).toMatchObject({ type: 'PROJECT', havePermission: true });
  });
});
