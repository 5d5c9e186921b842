import { useEffect, useState } from 'react';
import type { SpaceSummary } from '../../../../src/contract';
import { Button } from '../components/Button';
import { Spinner } from '../components/Spinner';
import { useResolver } from '../hooks/useResolver';
import { browseInto, browseTo, chosenText, listedParent, rootPath, type BrowsePath } from './publish-helpers';

export interface ParentChoice {
  id: string | null;
  /** Known once the page was listed; null for the root or a remembered page not listed yet. */
  title: string | null;
}

interface ParentPagePickerProps {
  id: string;
  issueKey: string;
  space: SpaceSummary;
  value: ParentChoice;
  onChange: (choice: ParentChoice) => void;
}

/**
 * Where in the space the report goes: the space's root, or under a page. Browses one level at a
 * time ('publish/pages': root pages first, then a page's children); the trail above goes back.
 */
export function ParentPagePicker({ id, issueKey, space, value, onChange }: ParentPagePickerProps) {
  const [path, setPath] = useState<BrowsePath>(() => rootPath(space));
  const parentId = listedParent(path);
  const { state, retry } = useResolver('publish/pages', { issueKey, spaceId: space.id, parentId });
  const radioName = `${id}-choice`;
  const chosenHere = (pageId: string | null) => value.id === pageId;
  // A remembered parent has no title until it is listed; name it as soon as it is.
  const listed = state.status === 'success' ? state.data : null;
  useEffect(() => {
    const page = value.id && value.title === null ? listed?.find((p) => p.id === value.id) : undefined;
    if (page) onChange({ id: page.id, title: page.title });
  }, [listed, value.id, value.title, onChange]);

  return (
    <fieldset className="pir-parent-picker" id={id} aria-describedby={`${id}-chosen`}>
      <legend className="pir-field__label">Parent page</legend>
      <label className="pir-radio pir-parent-picker__root">
        <input type="radio" name={radioName} checked={value.id === null} onChange={() => onChange({ id: null, title: null })} />
        Publish at the space root
      </label>
      <nav className="pir-parent-picker__trail" aria-label="Pages of the space">
        <ol>
          {path.map((crumb, index) => (
            <li key={crumb.id ?? 'root'}>
              {index === path.length - 1 ? (
                <span aria-current="location">{index === 0 ? `Top of ${crumb.title}` : crumb.title}</span>
              ) : (
                <Button appearance="link" onClick={() => setPath(browseTo(path, index))}>
                  {index === 0 ? `Top of ${crumb.title}` : crumb.title}
                </Button>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="pir-parent-picker__pages" aria-live="polite" aria-busy={state.status === 'loading'}>
        {state.status === 'loading' && <Spinner size="small" label="Loading pages" />}
        {state.status === 'error' && (
          <p className="pir-parent-picker__note">
            {`Couldn't load the pages: ${state.error.message} `}
            <Button appearance="link" onClick={retry}>
              Try again
            </Button>
          </p>
        )}
        {state.status === 'success' &&
          (state.data.length === 0 ? (
            <p className="pir-parent-picker__note pir-subtle">
              {parentId === null ? 'This space has no pages yet.' : 'This page has no child pages.'}
            </p>
          ) : (
            <ul className="pir-parent-picker__list">
              {state.data.map((page) => (
                <li
                  key={page.id}
                  className={`pir-parent-picker__page${chosenHere(page.id) ? ' pir-parent-picker__page--chosen' : ''}`}
                  data-page-id={page.id}
                >
                  <label className="pir-radio pir-parent-picker__label">
                    <input
                      type="radio"
                      name={radioName}
                      checked={chosenHere(page.id)}
                      onChange={() => onChange({ id: page.id, title: page.title })}
                    />
                    <span className="pir-truncate" title={page.title}>
                      {page.title}
                    </span>
                  </label>
                  <Button appearance="subtle" spacing="compact" onClick={() => setPath(browseInto(path, page))}>
                    Child pages
                    <span className="pir-visually-hidden"> of {page.title}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ))}
      </div>
      <p className="pir-subtle pir-parent-picker__chosen" id={`${id}-chosen`}>
        {chosenText(value, space)}
      </p>
    </fieldset>
  );
}
