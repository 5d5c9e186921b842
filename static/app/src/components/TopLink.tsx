import type { MouseEvent, ReactNode } from 'react';
import { openInTopWindow } from '../bridge';

interface TopLinkProps {
  href: string;
  id?: string;
  className?: string;
  title?: string;
  children: ReactNode;
}

/**
 * A link to a product page that opens in the top window, not inside the app's iframe.
 * Modified clicks (new tab, new window) are left to the browser.
 */
export function TopLink({ href, id, className = 'pir-link', title, children }: TopLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openInTopWindow(href);
  };
  return (
    <a id={id} href={href} target="_top" rel="noreferrer" className={className} title={title} onClick={onClick}>
      {children}
    </a>
  );
}
