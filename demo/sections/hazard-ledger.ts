// Every role's hazard ledger: insurers and providers notify and verify, the enterprise rectifies
// with evidence, the regulator sees its region and is alerted when a major hazard is escalated.
import '../../components/hazard-ledger/index.js';
import type { PortalSection } from './section.js';

export const hazardLedgerSection: PortalSection = {
  id: 'hazard-ledger',
  title: { zh: '隐患台账', en: 'Hazard ledger' },
  intro: { zh: '事故隐患从发现、书面告知、整改到复查销号的全过程。', en: 'Each hazard from finding, written notice and rectification to verification.' },
  roles: ['insurer', 'provider', 'enterprise', 'regulator', 'admin'],
  mount(host, { store, locale }) {
    const ledger = document.createElement('azx-hazard-ledger');
    ledger.id = 'hazard-ledger-element';
    ledger.lang = locale;
    ledger.store = store;
    host.append(ledger);
  },
};
