import { useState, type FormEvent } from 'react';
import type { MacroView } from '../../../../src/contract';
import { closeView, submitMacroConfig } from '../bridge';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { useAction } from '../hooks/useAction';
import { useAppContext } from '../hooks/useAppContext';
import { FormField } from '../components/FormField';
import { configFromForm, isMacroView, issueKeyProblem, MACRO_VIEW_LABEL } from './macro-config';

const VIEWS = Object.keys(MACRO_VIEW_LABEL) as MacroView[];

/**
 * The macro's configuration (Forge custom config view): the incident's key and which view to show.
 * Save hands the configuration to Confluence through the bridge, which closes the view.
 */
export function MacroConfigForm() {
  const macro = useAppContext().macro;
  const [issueKey, setIssueKey] = useState(macro?.issueKey ?? '');
  const [view, setView] = useState<MacroView>(isMacroView(macro?.view) ? macro.view : 'full');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction((config: ReturnType<typeof configFromForm>) => submitMacroConfig(config));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = issueKeyProblem(issueKey);
    setProblem(invalid);
    if (!invalid) void save.run(configFromForm(issueKey, view));
  };

  return (
    <form className="pir-macro-config" onSubmit={onSubmit} aria-labelledby="pir-macro-config-title" noValidate>
      <h1 className="pir-macro-config__title" id="pir-macro-config-title">
        Post-incident review
      </h1>
      <FormField
        id="pir-macro-config-key"
        label="Incident key"
        hint="The Jira issue key of the incident, for example INC-42."
        error={problem ?? undefined}
      >
        {(props) => (
          <input
            {...props}
            className="pir-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={issueKey}
            onChange={(event) => {
              setIssueKey(event.target.value);
              setProblem(null);
            }}
          />
        )}
      </FormField>
      <fieldset className="pir-radio-group pir-macro-config__views">
        <legend className="pir-field__label">Show</legend>
        {VIEWS.map((value) => (
          <label key={value} className="pir-radio">
            <input type="radio" name="pir-macro-view" value={value} checked={view === value} onChange={() => setView(value)} />
            {MACRO_VIEW_LABEL[value]}
          </label>
        ))}
      </fieldset>
      <div className="pir-form-actions">
        <Button appearance="primary" type="submit" isLoading={save.busy}>
          Save
        </Button>
        <Button appearance="subtle" onClick={closeView}>
          Cancel
        </Button>
      </div>
      {save.error && <InlineError>{`Not saved: ${save.error.message}`}</InlineError>}
    </form>
  );
}
