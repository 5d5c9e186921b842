import { useId, useState } from 'react';
import { Button } from '../components/Button';
import { needsClamp } from '../timeline-model/entry-text';

/** Plain text with its line breaks; long texts are clamped until "Show more". */
export function EntryText({ text }: { text: string }) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  if (!text.trim()) return null;
  const clampable = needsClamp(text);
  return (
    <div className="pir-entry__text-wrap">
      <p id={id} className={`pir-entry__text${clampable && !expanded ? ' pir-entry__text--clamped' : ''}`}>
        {text}
      </p>
      {clampable && (
        <Button appearance="link" aria-controls={id} aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show more'}
        </Button>
      )}
    </div>
  );
}
