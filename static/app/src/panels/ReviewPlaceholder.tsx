import { Button } from '../components/Button';

/** Where "Start review" will live; honest about reviews not being available yet. */
export function ReviewPlaceholder() {
  return (
    <section className="pir-review-callout" aria-labelledby="pir-review-heading">
      <div className="pir-review-callout__text">
        <h2 className="pir-section__heading" id="pir-review-heading">
          Post-incident review
        </h2>
        <p className="pir-subtle" id="pir-review-note">
          Reviews aren't available in this version yet. Once they are, you'll start one here and this
          incident's linked issues, comments and status changes will be gathered into one timeline.
        </p>
      </div>
      <Button appearance="primary" isDisabled aria-describedby="pir-review-note">
        Start review
      </Button>
    </section>
  );
}
