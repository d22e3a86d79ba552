/**
 * axe-core over the regulator's and the ledger's views, with the fixture data their own tests
 * use: the coverage map (tiles and table), the compliance report, and the hazard ledger list.
 */
import { waitUntil } from '@open-wc/testing';
import '../../../components/coverage-map/index.js';
import '../../../components/compliance-report/index.js';
import type { AzxCoverageMap } from '../../../components/coverage-map/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import { provideStore } from '../../../components/data/index.js';
import { CROSS_ROUND, FIXTURE_PASSWORD, FIXTURE_REGULATOR, FIXTURE_TEAM, FixtureRegulatorStore, ROUND, ZHEJIANG_TILES } from '../coverage-map/fixture.js';
import { ledgerStore, makeHazards } from '../hazard-ledger/ledger-world.js';
import { mountLedger } from '../hazard-ledger/helpers.js';
import { expectAccessible } from '../setup/axe.js';

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((h) => h.remove()));

function host(tag: string, set: Record<string, unknown>, store = new FixtureRegulatorStore()): HTMLElement {
  const wrapper = document.createElement('div');
  provideStore(wrapper, store);
  const el = document.createElement(tag);
  Object.assign(el, set);
  wrapper.append(el);
  document.body.append(wrapper);
  mounted.push(wrapper);
  return el;
}

describe('accessibility of the regulator views and the ledger (axe-core)', () => {
  it('<azx-coverage-map>: tile grid and table view', async () => {
    const el = host('azx-coverage-map', { layout: ZHEJIANG_TILES }) as AzxCoverageMap;
    await waitUntil(() => el.figures, 'figures loaded', { timeout: 10000 });
    await el.updateComplete;
    await expectAccessible(el);
    el.view = 'table';
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('<azx-compliance-report>: the bulletin of a round', async () => {
    const el = host('azx-compliance-report', { round: ROUND.id }) as AzxComplianceReport;
    await waitUntil(() => el.report, 'report loaded', { timeout: 15000 });
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('<azx-compliance-report>: a draft round with its cross-inspection table, and the round as an assigned team sees it', async () => {
    const province = new FixtureRegulatorStore();
    await province.signIn(FIXTURE_REGULATOR.email, FIXTURE_PASSWORD);
    const el = host('azx-compliance-report', { round: ROUND.id, region: '330000' }, province) as AzxComplianceReport;
    await waitUntil(() => el.shadowRoot?.querySelector('form.draw azx-form'), 'the new-round table', { timeout: 15000 });
    el.shadowRoot!.querySelector<HTMLDetailsElement>('.toolbar details')!.open = true;
    await el.updateComplete;
    await expectAccessible(el);

    const team = new FixtureRegulatorStore();
    await team.signIn(FIXTURE_TEAM.email, FIXTURE_PASSWORD);
    const seen = host('azx-compliance-report', { round: CROSS_ROUND.id }, team) as AzxComplianceReport;
    await waitUntil(() => seen.inspection, 'the team view', { timeout: 15000 });
    await seen.updateComplete;
    await expectAccessible(seen);
  });

  it('<azx-hazard-ledger>: an empty list', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows: [] }));
    mounted.push(el);
    await expectAccessible(el);
  });

  it('<azx-hazard-ledger>: the list', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows: makeHazards(200) }));
    mounted.push(el);
    await expectAccessible(el);
  });
});
