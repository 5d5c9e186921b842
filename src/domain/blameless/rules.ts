import { counterfactual } from './counterfactual';
import { hindsight } from './hindsight';
import { humanError } from './human-error';
import { judgement } from './judgement';
import { personAsSubject } from './person-as-subject';
import { rootCause } from './root-cause';
import type { BlamelessRule } from './types';

/** The blameless-language rules (docs/DECISIONS.md#blameless-language), in the order their findings are listed at one offset. */
export const BLAMELESS_RULES: readonly BlamelessRule[] = [humanError, counterfactual, judgement, rootCause, personAsSubject, hindsight];
