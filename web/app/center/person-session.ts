// The person's privacy-center session for this tab (sessionStorage: it ends with the tab, and the server
// expires it after 30 minutes anyway). The contact used to sign in stays in memory only, for re-verification.
import { apiClient, type Api } from '../api/client.ts';

const KEY = 'custodia.personSession';
let contact: string | null = null;
const listeners = new Set<() => void>();

/** The session token, if still within its expiry. */
export function personToken(): string | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  const { session, expiresAt } = JSON.parse(raw) as { session: string; expiresAt: string };
  return Date.parse(expiresAt) > Date.now() ? session : null;
}

/** Keeps a fresh session (after sign-in or re-verification). */
export function startSession(session: string, expiresAt: string, by: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ session, expiresAt }));
  contact = by;
  listeners.forEach((l) => l());
}

/** Ends the session in this tab. */
export function endSession(): void {
  sessionStorage.removeItem(KEY);
  contact = null;
  listeners.forEach((l) => l());
}

/** The contact this tab verified with, while the page lives. */
export function verifiedContact(): string | null {
  return contact;
}

/** Calls `f` when the session starts or ends. */
export function onSessionChange(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

/** The client person screens use; a 401 ends the session (expired). */
export const personApi: Api = apiClient(personToken);
personApi.use({
  onResponse({ response }) {
    if (response.status === 401 && personToken()) endSession();
    return response;
  },
});
