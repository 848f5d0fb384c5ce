// Typed clients of the public API (types generated from /openapi.json): one for staff keys, one for person sessions.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** A typed API client. */
export type Api = ReturnType<typeof createClient<paths>>;

/** A client that sends `Authorization: Bearer <token>` when the getter returns one. */
export function apiClient(token: () => string | null): Api {
  const client = createClient<paths>({ baseUrl: location.origin });
  const auth: Middleware = {
    onRequest({ request }) {
      const t = token();
      if (t) request.headers.set('authorization', `Bearer ${t}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** Calls a path the generated types do not know yet (routes other engineers are still landing). */
export async function rawJson<T>(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; data?: T; problem?: Problem }> {
  const res = await fetch(path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return res.ok ? { status: res.status, data: json as T } : { status: res.status, problem: toProblem(json, res.status) };
}

/** RFC 9457 problem details as Custodia sends them. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  rule?: string;
  errors?: { path: string; message: string; code?: string; line?: number; col?: number }[];
}

/** Normalises whatever an error answer held into a problem. */
export function toProblem(body: unknown, status: number): Problem {
  const b = (body ?? {}) as Partial<Problem>;
  return { status: b.status ?? status, code: b.code ?? 'UNKNOWN', detail: b.detail ?? `HTTP ${status}`, rule: b.rule, errors: b.errors };
}

/** True when the route itself is not deployed yet (as opposed to a missing resource). */
export function routeMissing(p: Problem | undefined): boolean {
  return p?.code === 'ROUTE_NOT_FOUND';
}

/** Turns an openapi-fetch answer into data or a problem. */
export async function call<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data?: T; problem?: Problem }> {
  try {
    const r = await p;
    return r.response.ok ? { data: r.data as T } : { problem: toProblem(r.error, r.response.status) };
  } catch (e) {
    return { problem: { status: 0, code: 'NETWORK', detail: (e as Error).message } };
  }
}
