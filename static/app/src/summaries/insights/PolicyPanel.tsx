import { useState } from 'react';
import type { PolicyDueDays, PolicyView, SeverityLevel } from '../../../../../src/contract';
import { toAppRequestError } from '../../app-error';
import { invoke } from '../../bridge';
import { Button } from '../../components/Button';
import { InlineError } from '../../components/InlineError';
import { LoadError } from '../../components/LoadError';
import { Spinner } from '../../components/Spinner';
import { useResolver } from '../../hooks/useResolver';

const LEVELS: readonly SeverityLevel[] = [1, 2, 3, 4, 5];
type Texts = Record<SeverityLevel, string>;

const textsOf = (days: PolicyDueDays): Texts =>
  Object.fromEntries(LEVELS.map((l) => [l, days[l] === null ? '' : String(days[l])])) as Texts;

/** Empty means "no default"; anything else must be whole days from 1 to 365. */
function parseDays(texts: Texts): { days: PolicyDueDays | null; errors: Partial<Record<SeverityLevel, string>> } {
  const errors: Partial<Record<SeverityLevel, string>> = {};
  const days = {} as PolicyDueDays;
  for (const l of LEVELS) {
    const t = texts[l].trim();
    if (t === '') days[l] = null;
    else if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 365) days[l] = Number(t);
    else errors[l] = 'Whole days from 1 to 365, or empty for no default.';
  }
  return { days: Object.keys(errors).length === 0 ? days : null, errors };
}

/** "Sev1 7 days, Sev2 no default, …": what an admin typed, told back after a conflict. */
function describeDays(days: PolicyDueDays): string {
  return LEVELS.map((l) => `Sev${l} ${days[l] === null ? 'no default' : `${days[l]} days`}`).join(', ');
}

/**
 * The countermeasure policy: default due dates by severity, given to a new sub-task whose item has
 * none. Everyone sees it; Jira administrators change it (the resolver checks again).
 */
export function PolicyPanel({ onSaved }: { onSaved: () => void }) {
  const { state, retry } = useResolver('policy/get', {});
  const [texts, setTexts] = useState<Texts | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // The answer of the last save: shown at once, without a loading flash that would lose "saved".
  const [latest, setLatest] = useState<PolicyView | null>(null);

  if (state.status === 'loading') return <Spinner label="Loading the countermeasure policy" />;
  if (state.status === 'error') return <LoadError what="the countermeasure policy" error={state.error} onRetry={retry} />;
  const view: PolicyView = latest ?? state.data;
  const shown = texts ?? textsOf(view.policy.dueDays);
  const { days, errors } = parseDays(shown);

  const save = async () => {
    if (!days) return;
    setSaving(true);
    setProblem(null);
    try {
      setLatest(await invoke('policy/set', { dueDays: days, expectedVersion: view.version }));
      setTexts(null);
      setSaved(true);
      onSaved();
    } catch (e) {
      const error = toAppRequestError(e);
      if (error.code === 'CONFLICT') {
        // Another admin saved first: show theirs (reloaded) and say what this admin had typed, so nothing is lost.
        setProblem(`${error.message} Your values were: ${describeDays(days)}.`);
        setTexts(null);
        setLatest(null);
        retry();
      } else {
        setProblem(error.message);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="pir-insights__card" aria-labelledby="pir-insights-policy">
      <h3 className="pir-insights__title" id="pir-insights-policy">
        Countermeasure policy
      </h3>
      <p className="pir-subtle pir-insights__note">
        A countermeasure with no due date gets one when its Jira sub-task is created: this many days by severity. Open ones older than this
        are listed as past policy.
        {!view.canEdit && ' Only Jira administrators can change it.'}
      </p>
      <form
        className="pir-insights__policy"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {LEVELS.map((l) => (
          <div className="pir-field pir-insights__policy-field" key={l}>
            <label className="pir-field__label" htmlFor={`pir-policy-${l}`}>
              Sev{l} (days)
            </label>
            <input
              id={`pir-policy-${l}`}
              className="pir-input"
              inputMode="numeric"
              value={shown[l]}
              readOnly={!view.canEdit}
              aria-invalid={errors[l] ? true : undefined}
              aria-describedby={errors[l] ? `pir-policy-${l}-error` : undefined}
              placeholder="No default"
              onChange={(event) => {
                setSaved(false);
                setTexts({ ...shown, [l]: event.target.value });
              }}
            />
            {errors[l] && <InlineError id={`pir-policy-${l}-error`}>{errors[l]}</InlineError>}
          </div>
        ))}
        {view.canEdit && (
          <div className="pir-insights__policy-actions">
            <Button type="submit" appearance="primary" spacing="compact" isDisabled={saving || days === null || texts === null}>
              {saving ? 'Saving…' : 'Save policy'}
            </Button>
            {saved && (
              <span role="status" className="pir-subtle">
                Policy saved.
              </span>
            )}
          </div>
        )}
      </form>
      {problem && <InlineError>{problem}</InlineError>}
    </section>
  );
}
