// What e2e tests read around the portal: PocketBase's API for read-only look-ups (which policy a
// demo login holds, what a figure is), and the small helpers of their failure messages.

/** A GET (or a POST of `body`) to PocketBase with a token; throws with the status and body when refused. */
export async function api(url, path, { token, body } = {}) {
  const res = await fetch(url + path, {
    method: body ? 'POST' : 'GET',
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A PocketBase filter in a query string. */
export const q = (filter) => encodeURIComponent(filter);

/** A day in China (UTC+8), `days` from today, as a date input holds it. */
export const chinaDate = (days = 0) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

/** Text with its whitespace squashed, for a failure's message. */
export const squash = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
