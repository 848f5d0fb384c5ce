// The staff API key for this tab: sessionStorage only, so closing the tab forgets it and no other tab or later
// visit can read it (localStorage would keep a bearer secret on disk indefinitely).
import { apiClient, type Api } from '../api/client.ts';

const KEY = 'custodia.staffKey';
const signedOut = new Set<() => void>();

/** The key this tab signed in with, if any. */
export function staffKey(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Remembers the key for this tab. */
export function signIn(key: string): void {
  sessionStorage.setItem(KEY, key);
}

/** Forgets the key and tells the app. */
export function signOut(): void {
  sessionStorage.removeItem(KEY);
  signedOut.forEach((f) => f());
}

/** Runs `f` whenever the session ends (sign-out, or a key the server no longer accepts). */
export function onSignOut(f: () => void): () => void {
  signedOut.add(f);
  return () => signedOut.delete(f);
}

/** The client staff screens use; a 401 ends the session (key revoked or rotated elsewhere). */
export const staffApi: Api = apiClient(staffKey);
staffApi.use({
  onResponse({ response }) {
    if (response.status === 401 && staffKey()) signOut();
    return response;
  },
});
