// Every role's hazard ledger: insurers and providers notify and verify, the enterprise rectifies
// with evidence, the regulator sees its region and is alerted when a major hazard is escalated.
import '../../components/hazard-ledger/index.js';
import type { StoredEvent, StoredRecord } from '../../components/data/index.js';
import type { PortalSection } from './section.js';

export const hazardLedgerSection: PortalSection = {
  id: 'hazard-ledger',
  title: '隐患台账 Hazard ledger',
  roles: ['insurer', 'provider', 'enterprise', 'regulator', 'admin'],
  mount(host, { store, status }) {
    const ledger = document.createElement('azx-hazard-ledger');
    ledger.id = 'hazard-ledger-element';
    ledger.store = store;
    ledger.addEventListener('azx-transition', (e) => {
      const { event, hazard } = (e as CustomEvent<{ event: StoredEvent; hazard: StoredRecord }>).detail;
      status(`隐患 ${String(hazard.data['hazard_no'])}：已记录 ${String(event.fields['action'])} · recorded`);
    });
    ledger.addEventListener('azx-escalated', (e) => {
      const { hazard } = (e as CustomEvent<{ hazard: StoredRecord }>).detail;
      status(`重大事故隐患 ${String(hazard.data['hazard_no'])} 已上报 · major hazard escalated`);
    });
    host.append(ledger);
  },
};
