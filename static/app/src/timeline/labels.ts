import type { EntryKind, EntrySource, Impact, KeyMomentName, ManualKind, MomentValue, Phase } from '../../../../src/contract';

/** The words of docs/DECISIONS.md#vocabulary, as the UI shows them. */
export const PHASE_LABEL: Record<Phase, string> = {
  detection: 'Detection',
  response: 'Response',
  remediation: 'Remediation',
};

export const IMPACT_LABEL: Record<Impact, string> = {
  positive: 'Positive',
  negative: 'Negative',
  neutral: 'Neutral',
};

export const KIND_LABEL: Record<EntryKind, string> = {
  task: 'Task',
  'human-interaction': 'Human interaction',
  automation: 'Automation',
};

export const SOURCE_LABEL: Record<EntrySource, string> = {
  created: 'Created',
  comment: 'Comment',
  status: 'Status change',
  assignment: 'Assignment',
  priority: 'Priority change',
  resolution: 'Resolution',
  link: 'Link',
  'remote-link': 'Remote link',
  field: 'Field change',
  manual: 'Manual entry',
};

export const MANUAL_KIND_LABEL: Record<ManualKind, string> = {
  'status-page-update': 'Status page update',
  'chat-excerpt': 'Chat excerpt',
  'command-run': 'Command run',
  note: 'Note',
};

export const MOMENT_LABEL: Record<KeyMomentName, string> = {
  impactStarted: 'Impact started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  identified: 'Identified',
  restored: 'Service restored',
  closed: 'Incident closed',
  firstCustomerReport: 'First customer report',
  firstStatusPageUpdate: 'First status page update',
  hotfixDeployed: 'Hotfix deployed',
};

export const MOMENT_SOURCE_LABEL: Record<MomentValue['source'], string> = {
  derived: 'Derived',
  marked: 'Marked',
  override: 'Override',
  none: 'Not set',
};

/** `Object.keys` with the record's key type, for building option lists from the label maps. */
export function keysOf<K extends string>(record: Record<K, string>): K[] {
  return Object.keys(record) as K[];
}

/** The key moments in lifecycle order (the contract's KEY_MOMENTS is a value the UI may not import). */
export const MOMENT_ORDER: readonly KeyMomentName[] = keysOf(MOMENT_LABEL);
