import type { KeyMomentName, MomentValue } from '../../../../src/contract';
import {
  IMPACT_LABELS,
  KEY_MOMENTS,
  KIND_LABELS,
  MANUAL_KIND_LABELS,
  MOMENT_LABELS,
  PHASE_LABELS,
  SOURCE_CHIP_LABELS,
} from '../../../../src/vocabulary';

/** The vocabulary's words as the UI shows them (src/vocabulary.ts holds them for both sides). */
export const PHASE_LABEL = PHASE_LABELS;

export const IMPACT_LABEL = IMPACT_LABELS;

export const KIND_LABEL = KIND_LABELS;

export const SOURCE_LABEL = SOURCE_CHIP_LABELS;

export const MANUAL_KIND_LABEL = MANUAL_KIND_LABELS;

export const MOMENT_LABEL = MOMENT_LABELS;

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

/** The key moments in lifecycle order. */
export const MOMENT_ORDER: readonly KeyMomentName[] = KEY_MOMENTS;
