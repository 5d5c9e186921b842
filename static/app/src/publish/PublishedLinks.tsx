import type { PublishState } from '../../../../src/contract';
import { TopLink } from '../components/TopLink';

/** The published pages in the Review tab's header, opened in the top window. */
export function PublishedLinks({ state }: { state: PublishState | null }) {
  if (!state?.internal) return null;
  const { internal, external } = state;
  return (
    <p className="pir-published-links" id="pir-published-links">
      <span className="pir-subtle">Published in Confluence:</span>
      <TopLink id="pir-published-page-link" href={internal.url} className="pir-link pir-published-links__page" title={internal.title}>
        {`${internal.title} (v${internal.version})`}
      </TopLink>
      {external && (
        <TopLink id="pir-published-external-link" href={external.url} className="pir-link pir-published-links__page" title={external.title}>
          {`External summary (v${external.version})`}
        </TopLink>
      )}
    </p>
  );
}
