/** A field- or row-level error: red text with an icon, announced politely. */
export function InlineError({ id, children }: { id?: string; children: string }) {
  return (
    <p className="pir-inline-error" id={id} role="alert">
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1Zm.75 10.5h-1.5V10h1.5v1.5Zm0-3h-1.5v-4h1.5v4Z" />
      </svg>
      {children}
    </p>
  );
}
