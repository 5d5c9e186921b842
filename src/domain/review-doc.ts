import type { ActionItemInput, IncidentOverview, Person, ReviewContent, ReviewStatus } from '../contract';

/** A new review's content: the incident's people prefilled where Jira already knows them. */
export function defaultContent(incident: IncidentOverview): ReviewContent {
  return {
    meeting: {
      title: `${incident.key}: ${incident.summary}`,
      meetingDate: null,
      contact: incident.reporter,
      createdBy: null,
      facilitator: null,
      participants: [],
    },
    goals: { knowSooner: '', recoverSooner: '' },
    description: '',
    customerImpact: { affected: null, text: '' },
    incidentCommander: incident.assignee,
    servicesImpacted: [],
    learnings: { learned: '', wentWell: '', surprised: '' },
    contributingFactors: [],
    remediation: '',
    tags: [],
    externalSummary: { proximateCause: '', resolution: '' },
  };
}

/** Every free-text field of a review, by path, for the blameless check and its summary. */
export function textFields(content: ReviewContent, items: readonly ActionItemInput[]): Record<string, string> {
  const fields: Record<string, string> = {
    'goals.knowSooner': content.goals.knowSooner,
    'goals.recoverSooner': content.goals.recoverSooner,
    description: content.description,
    'customerImpact.text': content.customerImpact.text,
    'learnings.learned': content.learnings.learned,
    'learnings.wentWell': content.learnings.wentWell,
    'learnings.surprised': content.learnings.surprised,
    remediation: content.remediation,
  };
  content.contributingFactors.forEach((f) => (fields[`contributingFactors.${f.id}.text`] = f.text));
  for (const item of items) {
    fields[`actionItems.${item.id}.summary`] = item.summary;
    fields[`actionItems.${item.id}.description`] = item.description;
  }
  return fields;
}

/** Names the blameless checker treats as people: everyone on the review. */
export function peopleNames(content: ReviewContent): string[] {
  const people: (Person | null)[] = [
    content.meeting.contact,
    content.meeting.createdBy,
    content.meeting.facilitator,
    content.incidentCommander,
    ...content.meeting.participants,
  ];
  return [...new Set(people.flatMap((p) => (p ? [p.displayName] : [])))];
}

/**
 * Review status moves draft ↔ in review; a published review can be re-opened (to in review).
 * Publishing itself happens through publishing to Confluence, never by setting the status.
 */
export function canMoveStatus(from: ReviewStatus, to: ReviewStatus): boolean {
  if (from === to) return true;
  if (to === 'published') return false;
  return from === 'draft' || from === 'in-review' || (from === 'published' && to === 'in-review');
}
