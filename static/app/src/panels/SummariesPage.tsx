import { EmptyState } from '../components/EmptyState';

/** jira:globalPage "After Action Summaries": one line per review once reviews exist. */
export function SummariesPage() {
  return (
    <main className="pir-page">
      <h1 className="pir-page__title">After Action Summaries</h1>
      <EmptyState
        header="No reviews yet"
        description="When teams hold post-incident reviews, each incident you can see will be listed here with its severity, time to recover, customer impact and open countermeasures."
      />
    </main>
  );
}
