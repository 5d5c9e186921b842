import type { Person } from '../../src/contract';
import { MAX_LOOKUPS, nameHasWords, namesForCheck, type PeopleLookup } from '../../src/use-cases/check-names';

const person = (displayName: string): Person => ({ accountId: displayName.toLowerCase().replace(/\W/g, ''), displayName });

/** A lookup over fixed lists that records what it was asked. */
function lookupOver(users: Person[], timeline: Person[], fail = false) {
  const asked: string[] = [];
  const lookup: PeopleLookup = {
    searchUsers: (_key, query) => {
      asked.push(query);
      return fail ? Promise.reject(new Error('Jira is down')) : Promise.resolve(users.filter((u) => nameHasWords(u.displayName, query)));
    },
    timelinePeople: () => (fail ? Promise.reject(new Error('Jira is down')) : Promise.resolve(timeline)),
  };
  return { lookup, asked };
}

describe('namesForCheck', () => {
  it("adds a person of the timeline that Jira's search did not return", async () => {
    const { lookup } = lookupOver([], [person('Tomás Herrera'), person('Aiko Tanaka')]);
    expect(await namesForCheck('INC-1', 'Tomas broke the build.', { knownNames: [] }, lookup)).toStrictEqual(['Tomás Herrera']);
  });

  it('adds the people Jira finds for an unknown capitalised subject, and only those', async () => {
    const { lookup, asked } = lookupOver([person('Sam Ortiz'), person('Samira Khan')], []);
    expect(await namesForCheck('INC-1', 'Sam broke the build.', { knownNames: ['Maya Okafor'] }, lookup)).toStrictEqual([
      'Maya Okafor',
      'Sam Ortiz',
    ]);
    expect(asked).toStrictEqual(['Sam']);
  });

  it('asks nothing when no unknown word stands before a failure', async () => {
    const { lookup, asked } = lookupOver([person('Sam Ortiz')], []);
    expect(await namesForCheck('INC-1', 'The deploy broke the build; Maya rolled back.', { knownNames: [] }, lookup)).toStrictEqual([]);
    expect(asked).toStrictEqual([]);
  });

  it(`asks about at most ${MAX_LOOKUPS} words per check`, async () => {
    const { lookup, asked } = lookupOver([], []);
    await namesForCheck('INC-1', 'Ann broke it. Bob broke it. Cid broke it. Dee broke it. Eve broke it.', { knownNames: [] }, lookup);
    expect(asked).toStrictEqual(['Ann', 'Bob', 'Cid']);
  });

  it('checks with the names it has when Jira fails', async () => {
    const { lookup } = lookupOver([], [], true);
    expect(await namesForCheck('INC-1', 'Sam broke the build.', { knownNames: ['Maya Okafor'] }, lookup)).toStrictEqual(['Maya Okafor']);
  });
});
