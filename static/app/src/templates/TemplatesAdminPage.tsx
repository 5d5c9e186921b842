import { useState } from 'react';
import type { ReviewTemplate, TemplateSettings } from '../../../../src/contract';
import { toAppRequestError } from '../app-error';
import { invoke } from '../bridge';
import { Button } from '../components/Button';
import { InlineError } from '../components/InlineError';
import { LoadError } from '../components/LoadError';
import { SectionMessage } from '../components/SectionMessage';
import { Spinner } from '../components/Spinner';
import { useAction } from '../hooks/useAction';
import { useAsync } from '../hooks/useResolver';
import { SECTION_LABEL } from './labels';
import { TemplateEditor } from './TemplateEditor';

const newTemplate = (n: number): ReviewTemplate => ({
  id: `template-${Date.now().toString(36)}-${n}`,
  name: '',
  description: '',
  issueTypes: [],
  severities: [],
  sections: ['goals', 'description', 'learnings', 'contributingFactors', 'remediation', 'actionItems'],
  requiredFields: [],
  questions: [],
});

/** jira:adminPage: Jira admins define review templates; the built-in one is shown, never edited. */
export function TemplatesAdminPage() {
  const { state, retry } = useAsync(() => invoke('templates/get', {}), 'templates');
  if (state.status === 'loading')
    return (
      <div className="pir-centered">
        <Spinner label="Loading review templates" />
      </div>
    );
  if (state.status === 'error') return <LoadError what="the review templates" error={state.error} onRetry={retry} />;
  return <TemplatesForm initial={state.data} />;
}

function TemplatesForm({ initial }: { initial: TemplateSettings }) {
  const [settings, setSettings] = useState(initial);
  const [custom, setCustom] = useState(() => initial.templates.filter((t) => t.id !== 'default'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // "Saved." holds while the form is the list the last save answered: derived, so an edit clears it.
  const [savedList, setSavedList] = useState<ReviewTemplate[] | null>(null);
  const saved = savedList !== null && savedList === custom;
  const [conflict, setConflict] = useState<{ mine: ReviewTemplate[]; message: string } | null>(null);
  const builtIn = settings.templates.find((t) => t.id === 'default');

  const save = useAction(async () => {
    setErrors({});
    setConflict(null);
    try {
      const next = await invoke('templates/save', { templates: custom, version: settings.version });
      setSettings(next);
      const stored = next.templates.filter((t) => t.id !== 'default');
      setCustom(stored);
      setSavedList(stored);
    } catch (failure) {
      if (toAppRequestError(failure).code === 'CONFLICT') {
        // Another admin saved first: show what is stored now, and keep this admin's edits aside
        // so they can be put back knowingly instead of silently replacing the other save.
        const latest = await invoke('templates/get', {});
        setConflict({ mine: custom, message: toAppRequestError(failure).message });
        setSettings(latest);
        setCustom(latest.templates.filter((t) => t.id !== 'default'));
        return;
      }
      const fields = (failure as { fields?: Record<string, string> }).fields;
      if (fields) setErrors(fields);
      throw failure;
    }
  });

  const errorsOf = (index: number) =>
    Object.fromEntries(
      Object.entries(errors).flatMap(([k, v]) => (k.startsWith(`templates.${index}.`) ? [[k.slice(`templates.${index}.`.length), v]] : [])),
    );

  return (
    <main className="pir-admin" data-ready="templates-admin">
      <h1 className="pir-admin__title">Post-incident review templates</h1>
      <p className="pir-subtle">
        A review starts with the template that matches its incident&apos;s issue type and severity (the most specific wins), and the
        facilitator can change it. Templates choose the sections shown, add questions, and say what must be filled in before publishing.
      </p>
      {!settings.canEdit && (
        <SectionMessage appearance="warning" title="Only Jira admins can change templates">
          <p>You can see them; ask a Jira admin to change them.</p>
        </SectionMessage>
      )}
      {conflict && (
        <SectionMessage
          appearance="warning"
          title="Someone else changed the templates"
          actions={
            <Button
              onClick={() => {
                setCustom(conflict.mine);
                setConflict(null);
              }}
            >
              Put my changes back
            </Button>
          }
        >
          <p>{`${conflict.message} Your changes were not saved. "Put my changes back" restores them over the templates shown below; saving them then replaces those.`}</p>
        </SectionMessage>
      )}
      {builtIn && (
        <section className="pir-template pir-template--builtin" aria-label="Built-in template">
          <h2 className="pir-template__legend">{`${builtIn.name} (built in)`}</h2>
          <p className="pir-subtle">{`Used when no other template matches. Sections: ${builtIn.sections.map((s) => SECTION_LABEL[s]).join(', ')}. No extra questions; nothing required.`}</p>
        </section>
      )}
      {custom.length === 0 && <p className="pir-subtle">No templates of your own yet: every review uses the built-in one.</p>}
      {custom.map((template, index) => (
        <TemplateEditor
          key={template.id}
          template={template}
          errors={errorsOf(index)}
          onChange={(next) => setCustom(custom.map((t, i) => (i === index ? next : t)))}
          onRemove={() => setCustom(custom.filter((_, i) => i !== index))}
        />
      ))}
      {settings.canEdit && (
        <div className="pir-admin__actions">
          <Button isDisabled={custom.length >= 20} onClick={() => setCustom([...custom, newTemplate(custom.length)])}>
            Add template
          </Button>
          <Button appearance="primary" isLoading={save.busy} onClick={() => void save.run()}>
            Save templates
          </Button>
          {saved && <span role="status">Saved.</span>}
        </div>
      )}
      {save.error && <InlineError>{`Couldn't save: ${save.error.message}`}</InlineError>}
    </main>
  );
}
