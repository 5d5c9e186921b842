import type { MouseEvent, ReactNode } from 'react';
import { safeUrl } from '../../../../src/domain/safe-url';
import { openInTopWindow } from '../bridge';

interface TopLinkProps {
  href: string;
  id?: string;
  className?: string;
  title?: string;
  children: ReactNode;
  /** What to show instead when the URL may not be opened; the children as plain text by default. */
  unsafe?: ReactNode;
}

/**
 * A link to a product page that opens in the top window, not inside the app's iframe.
 * Modified clicks (new tab, new window) are left to the browser. Only a URL the app's policy
 * allows (`safe-url.ts`: http(s) or a site path) becomes a link; any other is text, with no
 * anchor to click, since an `href` of `javascript:…` would run in the host's page.
 */
export function TopLink({ href, id, className = 'pir-link', title, children, unsafe }: TopLinkProps) {
  const safe = safeUrl(href);
  if (safe === null) {
    return (
      unsafe ?? (
        <span id={id} className={withoutLinkStyle(className)} title={title}>
          {children}
        </span>
      )
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openInTopWindow(safe);
  };
  return (
    <a id={id} href={safe} target="_top" rel="noreferrer" className={className} title={title} onClick={onClick}>
      {children}
    </a>
  );
}

/** The element's own classes, without the one that makes text look clickable. */
function withoutLinkStyle(className: string): string | undefined {
  return (
    className
      .split(/\s+/)
      .filter((c) => c && c !== 'pir-link')
      .join(' ') || undefined
  );
}
