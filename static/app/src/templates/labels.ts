import type { RequirableField, TemplateQuestionKind, TemplateSection } from '../../../../src/contract';

export const SECTION_LABEL: Record<TemplateSection, string> = {
  goals: 'Goals (know sooner, recover sooner)',
  description: 'What happened and customer impact',
  learnings: 'Learnings',
  contributingFactors: 'Contributing factors',
  remediation: 'Remediation',
  actionItems: 'Action items',
};

export const REQUIRED_LABEL: Record<RequirableField, string> = {
  'meeting.meetingDate': 'Meeting date',
  'meeting.facilitator': 'Facilitator',
  'meeting.participants': 'Participants',
  'goals.knowSooner': 'Know sooner',
  'goals.recoverSooner': 'Recover sooner',
  description: 'What happened',
  customerImpact: 'Were customers affected',
  'learnings.learned': 'What we learned',
  'learnings.wentWell': 'What went well',
  'learnings.surprised': 'What surprised us',
  contributingFactors: 'At least one contributing factor',
  remediation: 'Remediation',
  actionItems: 'At least one action item',
  'externalSummary.proximateCause': 'Proximate cause (external summary)',
  'externalSummary.resolution': 'Resolution (external summary)',
};

export const KIND_LABEL: Record<TemplateQuestionKind, string> = { text: 'Text', 'yes-no': 'Yes / no', choice: 'Choice' };
