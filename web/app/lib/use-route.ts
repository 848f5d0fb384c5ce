// A tiny history-API router: the path below an app's base, and a navigate function that moves focus for screen readers.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

/** Goes to a path inside the app without reloading. */
export function navigate(href: string): void {
  history.pushState(null, '', href);
  listeners.forEach((l) => l());
  // a new screen: put focus on its heading so keyboard and screen reader users start there
  requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
}

/** The current path below `base` ('' for the base itself). */
export function useRoute(base: string): string {
  const read = () => location.pathname.slice(base.length).replace(/^\/+|\/+$/g, '');
  const [path, setPath] = useState(read);
  useEffect(() => {
    const update = () => setPath(read());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

/** An onClick for links that stay inside the app (modified clicks still open new tabs). */
export function linkClick(e: MouseEvent): void {
  const a = e.currentTarget as HTMLAnchorElement;
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.getAttribute('href')!);
}
