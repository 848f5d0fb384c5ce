// The product mark and name, linking home.
import { linkClick } from '../lib/use-route.ts';

/** The brand link in the top bar. */
export function Brand(props: { href: string; label: string }) {
  return (
    <a class="brand" href={props.href} onClick={linkClick}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="22" height="22"><path fill="currentColor" d="M8 1 2 3.5V8c0 3.3 2.6 6.1 6 7 3.4-.9 6-3.7 6-7V3.5z" /><path fill="#fff" d="m7.2 10.6-2.4-2.4 1-1 1.4 1.4 3.2-3.2 1 1z" /></svg>
      <span>{props.label}</span>
    </a>
  );
}
