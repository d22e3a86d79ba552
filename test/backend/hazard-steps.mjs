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
