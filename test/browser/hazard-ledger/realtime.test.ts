// Realtime: when a major hazard is escalated, the region's regulator sees it at once; a
// regulator of another region does not.
import { expect } from '@open-wc/testing';
import { hazardIn, ledgerStore, emailOf, PASSWORD } from './ledger-world.js';
import { mountLedger, shadow, text, until } from './helpers.js';

describe('<azx-hazard-ledger> realtime', () => {
  it('a major hazard escalated elsewhere alerts the Shaoxing regulator at once, not Hangzhou', async () => {
    const { row, events } = hazardIn('notified', { major: true });
    const regulatorStore = ledgerStore({ role: 'regulator', rows: [row], events });
    const insurer = regulatorStore.newClient();
    await insurer.signIn(emailOf('insurer'), PASSWORD);
    const hangzhou = regulatorStore.newClient();
    await hangzhou.signIn(emailOf('hangzhou'), PASSWORD);
    const el = await mountLedger(regulatorStore);
    const other = await mountLedger(hangzhou);
    const alerted = new Promise<CustomEvent>((r) => el.addEventListener('azx-escalated', (e) => r(e as CustomEvent), { once: true }));
    await insurer.appendEvent('hazard_events', { fields: { hazard: row['id'], action: 'refuse', to_status: 'escalated', note: '拒不整改' } });
    const event = await alerted;
    expect(event.detail.hazard.id).to.equal(row['id']);
    await el.updateComplete;
    expect(text(el, '.alerts')).to.contain('新上报重大事故隐患：HZ-STORY-NOTIFIED（绍兴越城化工有限公司）');
    expect(shadow(el).querySelector('.alerts')!.getAttribute('role')).to.equal('alert');
    await until(() => text(el, '.rows .badge.status-escalated') === '已上报监管', 2000, 'row updated');
    expect(shadow(other).querySelector('.alerts')).to.equal(null);
  });
});
