/** Placeholder shaped like the incident overview, so the panel does not jump when data arrives. */
export function PanelSkeleton({ label }: { label: string }) {
  return (
    <div className="pir-skeleton" role="status" aria-busy="true" aria-label={label}>
      <div className="pir-skeleton__row">
        <span className="pir-skeleton__bone pir-skeleton__bone--key" />
        <span className="pir-skeleton__bone pir-skeleton__bone--pill" />
      </div>
      <span className="pir-skeleton__bone pir-skeleton__bone--title" />
      {['a', 'b', 'c', 'd'].map((row) => (
        <div className="pir-skeleton__row" key={row}>
          <span className="pir-skeleton__bone pir-skeleton__bone--label" />
          <span className="pir-skeleton__bone pir-skeleton__bone--value" />
        </div>
      ))}
    </div>
  );
}
