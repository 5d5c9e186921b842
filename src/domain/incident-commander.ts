import type { Participant, Person, ReviewContent } from '../contract';

/** The role a participant falls back to when someone else becomes the commander (the role a new participant gets). */
const FALLBACK_ROLE = 'stakeholder';

type CommanderFields = Pick<ReviewContent, 'incidentCommander'> & { meeting: { participants: Participant[] } };

/**
 * "Incident commander" and the participants' commander role are one fact: at most one
 * participant holds the role, and it is the incident commander. The commander field wins: a
 * participant who is the commander gets the role, any other participant holding it falls back to
 * a stakeholder. With no commander named, the first participant holding the role becomes it.
 */
export function withOneCommander<C extends CommanderFields>(content: C): C {
  const commander: Person | null =
    content.incidentCommander ?? content.meeting.participants.find((p) => p.role === 'incident-commander') ?? null;
  const participants = content.meeting.participants.map((p): Participant => {
    const isCommander = commander !== null && p.accountId === commander.accountId;
    if (isCommander && p.role !== 'incident-commander') return { ...p, role: 'incident-commander' };
    if (!isCommander && p.role === 'incident-commander') return { ...p, role: FALLBACK_ROLE };
    return p;
  });
  const unchanged = participants.every((p, i) => p === content.meeting.participants[i]);
  const sameCommander = commander === content.incidentCommander;
  if (unchanged && sameCommander) return content;
  return {
    ...content,
    incidentCommander: commander === null ? null : { accountId: commander.accountId, displayName: commander.displayName },
    meeting: { ...content.meeting, participants },
  };
}

/** A participant's role changed in the form: giving the commander role names them commander, taking it away names nobody. */
export function withParticipantRole<C extends CommanderFields>(content: C, accountId: string, role: Participant['role']): C {
  const participant = content.meeting.participants.find((p) => p.accountId === accountId);
  if (!participant) return content;
  const participants = content.meeting.participants.map((p) => (p.accountId === accountId ? { ...p, role } : p));
  const wasCommander = content.incidentCommander?.accountId === accountId;
  const incidentCommander =
    role === 'incident-commander' ? { accountId, displayName: participant.displayName } : wasCommander ? null : content.incidentCommander;
  return withOneCommander({ ...content, incidentCommander, meeting: { ...content.meeting, participants } });
}

/** The commander chosen (or cleared) in the form: the participant who is that person holds the role, nobody else does. */
export function withCommander<C extends CommanderFields>(content: C, commander: Person | null): C {
  const participants =
    commander === null
      ? content.meeting.participants.map((p): Participant => (p.role === 'incident-commander' ? { ...p, role: FALLBACK_ROLE } : p))
      : content.meeting.participants;
  return withOneCommander({ ...content, incidentCommander: commander, meeting: { ...content.meeting, participants } });
}
