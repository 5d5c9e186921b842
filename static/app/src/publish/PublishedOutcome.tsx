import type { PublishResult } from '../../../../src/contract';
import { SectionMessage } from '../components/SectionMessage';
import { TopLink } from '../components/TopLink';
import { outcomeText } from './publish-helpers';

/** "Created" / "Updated to version N" and the page, opened in the top window. */
export function PublishedOutcome({ result, what, linkId }: { result: PublishResult; what: string; linkId: string }) {
  return (
    <div
      className="pir-publish__outcome"
      data-outcome={result.outcome}
      data-page-id={result.page.pageId}
      data-version={result.page.version}
    >
      <SectionMessage appearance="success" title={`${what}: ${outcomeText(result)}`}>
        <p>
          <TopLink id={linkId} href={result.page.url} className="pir-link pir-publish__page-link">
            {result.page.title}
          </TopLink>
          <span className="pir-subtle">{` · version ${result.page.version}`}</span>
        </p>
      </SectionMessage>
    </div>
  );
}
