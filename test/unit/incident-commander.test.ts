import fc from 'fast-check';
import type { Participant, ParticipantRole, Person } from '../../src/contract';
import { withCommander, withOneCommander, withParticipantRole } from '../../src/domain/incident-commander';

const person = (name: string): Person => ({ accountId: `id-${name}`, displayName: name });
const participant = (name: string, role: ParticipantRole): Participant => ({ ...person(name), role });
const content = (incidentCommander: Person | null, participants: Participant[]) => ({ incidentCommander, meeting: { participants } });

const ROLES: ParticipantRole[] = ['first-responder', 'escalation-responder', 'incident-commander', 'stakeholder', 'support'];
const NAMES = ['Ana', 'Ben', 'Cai', 'Dee'];
const anyContent = fc
  .record({
    commander: fc.option(fc.constantFrom(...NAMES), { nil: null }),
    participants: fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), role: fc.constantFrom(...ROLES) }), {
      selector: (p) => p.name,
      maxLength: 4,
    }),
  })
  .map(({ commander, participants }) =>
    content(
      commander === null ? null : person(commander),
      participants.map((p) => participant(p.name, p.role)),
    ),
  );

/** The one fact: whoever holds the commander role is the incident commander, and nobody else holds it. */
function consistent(c: ReturnType<typeof content>): boolean {
  const holders = c.meeting.participants.filter((p) => p.role === 'incident-commander');
  if (holders.length > 1) return false;
  const holder = holders[0];
  if (holder) return c.incidentCommander?.accountId === holder.accountId;
  return c.incidentCommander === null || !c.meeting.participants.some((p) => p.accountId === c.incidentCommander?.accountId);
}

describe('the incident commander is one fact', () => {
  it('gives the commander role to the participant named incident commander, and takes it from another', () => {
    const fixed = withOneCommander(
      content(person('Ana'), [participant('Ana', 'first-responder'), participant('Ben', 'incident-commander')]),
    );
    expect(fixed.incidentCommander).toStrictEqual(person('Ana'));
    expect(fixed.meeting.participants).toStrictEqual([participant('Ana', 'incident-commander'), participant('Ben', 'stakeholder')]);
  });

  it('names the participant holding the role as commander when no commander is named', () => {
    const fixed = withOneCommander(content(null, [participant('Ana', 'support'), participant('Ben', 'incident-commander')]));
    expect(fixed.incidentCommander).toStrictEqual(person('Ben'));
  });

  it('leaves a commander who is not a participant alone, and returns consistent content unchanged', () => {
    const ok = content(person('Cai'), [participant('Ana', 'support')]);
    expect(withOneCommander(ok)).toBe(ok);
  });

  it('choosing a participant as commander in the picker moves the role to them; clearing it takes the role away', () => {
    const before = content(person('Ben'), [participant('Ana', 'first-responder'), participant('Ben', 'incident-commander')]);
    const moved = withCommander(before, person('Ana'));
    expect(moved.meeting.participants).toStrictEqual([participant('Ana', 'incident-commander'), participant('Ben', 'stakeholder')]);
    const cleared = withCommander(moved, null);
    expect(cleared.incidentCommander).toBeNull();
    expect(cleared.meeting.participants.some((p) => p.role === 'incident-commander')).toBe(false);
  });

  it('choosing the commander role for a participant names them commander; choosing another role for the commander names nobody', () => {
    const before = content(person('Cai'), [participant('Ana', 'first-responder'), participant('Ben', 'support')]);
    const named = withParticipantRole(before, 'id-Ben', 'incident-commander');
    expect(named.incidentCommander).toStrictEqual(person('Ben'));
    const dropped = withParticipantRole(named, 'id-Ben', 'support');
    expect(dropped.incidentCommander).toBeNull();
    expect(dropped.meeting.participants).toStrictEqual([participant('Ana', 'first-responder'), participant('Ben', 'support')]);
  });

  it('always ends consistent, whatever the form or an API caller sends, and is stable', () => {
    fc.assert(
      fc.property(
        anyContent,
        fc.option(fc.constantFrom(...NAMES), { nil: null }),
        fc.constantFrom(...NAMES),
        fc.constantFrom(...ROLES),
        (c, chosen, who, role) => {
          const fixed = withOneCommander(c);
          expect(consistent(fixed)).toBe(true);
          expect(withOneCommander(fixed)).toStrictEqual(fixed);
          expect(consistent(withCommander(c, chosen === null ? null : person(chosen)))).toBe(true);
          expect(consistent(withParticipantRole(fixed, `id-${who}`, role))).toBe(true);
          // Nobody is added or removed.
          expect(fixed.meeting.participants.map((p) => p.accountId)).toStrictEqual(c.meeting.participants.map((p) => p.accountId));
        },
      ),
    );
  });
});
