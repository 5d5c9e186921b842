import type { AppRequestError } from '../app-error';
import { Button } from './Button';
import { SectionMessage } from './SectionMessage';

interface LoadErrorProps {
  /** What failed to load, for the title: "We couldn't load this incident". */
  what: string;
  error: AppRequestError;
  onRetry: () => void;
  /** Wording for NOT_FOUND, which must not reveal whether the thing exists. */
  notFoundMessage?: string;
}

export function LoadError({ what, error, onRetry, notFoundMessage }: LoadErrorProps) {
  const message = error.code === 'NOT_FOUND' && notFoundMessage ? notFoundMessage : error.message;
  return (
    <SectionMessage
      appearance="error"
      title={`We couldn't load ${what}`}
      actions={
        <Button appearance="link" onClick={onRetry}>
          Try again
        </Button>
      }
    >
      <p>{message}</p>
    </SectionMessage>
  );
}
