// The hazard closed loop as the backend enforces it: which event each role posts, and how to
// bring a fresh hazard to a given status (through events, never by writing the status).
import { DEFINITION_KEYS, hazardData } from '../fixtures/records.mjs';

/** The step each role takes on a hazard (insurer/provider notify, the enterprise rectifies, a regulator escalates). */
export const HAZARD_EVENT_STEPS = {
  insurer: { action: 'notify', from_status: 'found', to_status: 'notified' },
  provider: { action: 'notify', from_status: 'found', to_status: 'notified' },
  enterprise: { action: 'rectify', from_status: 'notified', to_status: 'rectified' },
  regulator: { action: 'escalate', from_status: 'notified', to_status: 'escalated' },
  admin: { action: 'notify', from_status: 'found', to_status: 'notified' },
};

/** Steps from "found" to each status, taken by the superuser. */
const PATH = {
  found: [],
  notified: [HAZARD_EVENT_STEPS.insurer],
  rectified: [HAZARD_EVENT_STEPS.insurer, HAZARD_EVENT_STEPS.enterprise],
};

/** Creates a hazard under the side's world report and moves it to status; returns its id. */
export async function hazardAt(su, world, side, status, hazardNo) {
  const enterprise = side === 'A' ? world.ids.enterprises.E1 : world.ids.enterprises.E2;
  const r = await su.create('hazards', {
    definition: DEFINITION_KEYS.hazards,
    version: world.versions.hazards,
    data: hazardData(hazardNo),
    service_report: world.ids.serviceReports[side],
    policy: world.ids.policies[side],
    enterprise,
  });
  if (r.status !== 200) throw new Error(`hazard: ${r.status} ${JSON.stringify(r.body)}`);
  for (const step of PATH[status]) {
    const e = await su.create('hazard_events', { hazard: r.body.id, ...step, note: '准备' });
    if (e.status !== 200) throw new Error(`hazard event ${step.action}: ${e.status} ${JSON.stringify(e.body)}`);
  }
  return r.body.id;
}

/** A multipart body of a hazard event with one evidence photo (a PNG's first bytes). */
export function evidenceForm(fields, name = '整改后照片.png') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  form.append('evidence', new Blob([png], { type: 'image/png' }), name);
  return form;
}

/**
 * Subscribes to a collection (or a list of them) over PocketBase's realtime (SSE) as a token's
 * user. next(predicate, ms) resolves with the first message that matches, or rejects on timeout;
 * with onMessage every message goes there instead (a soak counts them). headers go on both calls.
 */
export async function subscribeRealtime(url, token, topic, { headers = {}, onMessage } = {}) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/realtime`, { headers, signal: controller.signal });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue = [];
  const waiters = new Set();
  let clientId;
  let ready;
  const connected = new Promise((resolve) => (ready = resolve));
  (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event:(.*)$/m.exec(chunk)?.[1]?.trim();
          const data = /^data:(.*)$/m.exec(chunk)?.[1];
          if (!data) continue;
          const body = JSON.parse(data);
          if (event === 'PB_CONNECT') {
            clientId = body.clientId;
            ready();
            continue;
          }
          if (onMessage) onMessage(body);
          else queue.push(body);
          for (const w of [...waiters]) w();
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await connected;
  const r = await fetch(`${url}/api/realtime`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({ clientId, subscriptions: [topic].flat() }),
  });
  if (r.status !== 204) throw new Error(`realtime subscribe: ${r.status} ${await r.text()}`);
  return {
    next(predicate, ms) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const i = queue.findIndex(predicate);
          if (i < 0) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(queue.splice(i, 1)[0]);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching realtime message in ${ms} ms`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}
