import { Button } from '../components/Button';
import { SectionMessage } from '../components/SectionMessage';

/**
 * The publish form on a site without Confluence (it is optional in app.compatibility): publishing
 * is disabled and the reason sits beside the button, so nobody picks a space that cannot exist.
 */
export function ConfluenceNotConnected() {
  return (
    <div className="pir-publish" data-ready="publish" data-confluence="not-connected">
      <SectionMessage appearance="information" title="Confluence isn't connected to this site">
        <p id="pir-publish-unavailable-reason">
          Publishing needs Confluence, which isn't connected to Post-incident review on this site. A site admin can connect Confluence to
          the app in Connected apps. Everything else, including the Markdown export, works meanwhile.
        </p>
      </SectionMessage>
      <div className="pir-form-actions">
        <Button id="pir-publish-internal" appearance="primary" isDisabled aria-describedby="pir-publish-unavailable-reason">
          Publish report
        </Button>
      </div>
    </div>
  );
}
