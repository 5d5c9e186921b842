import { useEffect, useRef, useState } from 'react';
import type { BlamelessFinding } from '../../../../src/contract';
import { invoke } from '../bridge';
import { namesMatterFor } from '../review-model/draft-names';
import { checkedFieldOf, type FieldPath } from '../review-model/field-paths';
import { useDebouncedValue } from './useDebouncedValue';

export const CHECK_DELAY_MS = 400;

/**
 * Checks a field's text with 'review/check' once typing pauses, and reports the findings for
 * that text. The text it starts with is covered by the review's own findings, so it is not sent.
 * `names` are the people in the form as typed now (`draftPeopleNames`): sent with each check, and
 * a change of them re-checks a text that mentions the person. A failed check just leaves the last
 * findings: wording help never blocks anything.
 */
export function useBlamelessCheck(
  issueKey: string,
  field: FieldPath,
  text: string,
  report: (field: FieldPath, findings: readonly BlamelessFinding[]) => void,
  names: readonly string[] = [],
): { checking: boolean; failed: boolean } {
  const settled = useDebouncedValue(text, CHECK_DELAY_MS);
  const initial = useRef(text);
  // The names as a value: the array is made anew on every render of the form.
  const namesKey = names.join('\n');
  const checkedNames = useRef(namesKey);
  const [state, setState] = useState({ checking: false, failed: false });

  useEffect(() => {
    const typedNames = namesKey === '' ? [] : namesKey.split('\n');
    const namesChanged = namesKey !== checkedNames.current;
    const before = checkedNames.current === '' ? [] : checkedNames.current.split('\n');
    checkedNames.current = namesKey;
    if (settled === initial.current && !(namesChanged && namesMatterFor(settled, before, typedNames))) return undefined;
    initial.current = settled;
    if (settled.trim() === '') {
      report(field, []);
      return undefined;
    }
    let current = true;
    setState({ checking: true, failed: false });
    invoke('review/check', { issueKey, text: settled, field: checkedFieldOf(field), names: typedNames }).then(
      (findings) => {
        if (!current) return;
        report(field, findings);
        setState({ checking: false, failed: false });
      },
      () => {
        if (current) setState({ checking: false, failed: true });
      },
    );
    return () => {
      current = false;
    };
  }, [issueKey, field, settled, report, namesKey]);

  return { checking: state.checking && text === settled, failed: state.failed };
}
