import type { ReviewContent } from '../../src/contract';
import { draftPeopleNames, namesMatterFor } from '../../static/app/src/review-model/draft-names';
import { newItem, toDraft } from '../../static/app/src/review-model/draft';

const person = (displayName: string) => ({ accountId: displayName.replace(/\W/g, ''), displayName });

const content: ReviewContent = {
  meeting: { title: 'INC-1', meetingDate: null, contact: person('Sofia Lindqvist'), createdBy: null, facilitator: null, participants: [] },
  goals: { knowSooner: '', recoverSooner: '' },
  description: '',
  customerImpact: { affected: null, text: '' },
  incidentCommander: null,
  servicesImpacted: [],
  learnings: { learned: '', wentWell: '', surprised: '' },
  contributingFactors: [],
  remediation: '',
  tags: [],
  externalSummary: { proximateCause: '', resolution: '' },
};

describe('the names the live wording check sends', () => {
  it('are the people in the form as typed, saved or not: participants, commander, owners', () => {
    const draft = toDraft({ content, actionItems: [] });
    draft.content.meeting.participants = [{ ...person('Greg Lee'), role: 'first-responder' }];
    draft.content.incidentCommander = person('Tomás Herrera');
    draft.actionItems = [
      { ...newItem('i1'), owner: person('Aiko Tanaka') },
      { ...newItem('i2'), owner: person('Greg Lee') },
    ];
    expect(draftPeopleNames(draft)).toStrictEqual(['Aiko Tanaka', 'Greg Lee', 'Sofia Lindqvist', 'Tomás Herrera']);
  });

  it('re-check a text only when a name that changed is in it, accents and case aside', () => {
    expect(namesMatterFor('Greg broke the build.', [], ['Greg Lee'])).toBe(true);
    expect(namesMatterFor('tomas missed the page.', ['Greg Lee'], ['Greg Lee', 'Tomás Herrera'])).toBe(true);
    expect(namesMatterFor('Greg broke the build.', ['Greg Lee'], [])).toBe(true);
    expect(namesMatterFor('The deploy broke the build.', [], ['Greg Lee'])).toBe(false);
    expect(namesMatterFor('Greg broke the build.', ['Greg Lee'], ['Greg Lee'])).toBe(false);
  });
});
