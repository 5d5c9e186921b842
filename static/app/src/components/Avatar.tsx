import { initials } from '../format';

/** A small round avatar with initials; no image is fetched from outside the app. */
export function Avatar({ name }: { name: string }) {
  return (
    <span className="pir-avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}
