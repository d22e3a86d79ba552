// Where the focus goes in the ledger, for keyboard and screen-reader users: the notice is a real
// modal dialog (focus inside, Escape closes, focus back on its button), back to the list lands on
// the row or, when the row is gone, on the count; the skip link passes the filters; and at
// 320 px the ledger stays inside the viewport, its table scrolling within itself.
import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { hazardIn, ledgerStore, makeHazards } from './ledger-world.js';
import { mountLedger, openHazard, setControl, shadow, until } from './helpers.js';

const active = (el: Element) => shadow(el).activeElement as HTMLElement | null;

describe('<azx-hazard-ledger> focus and reflow', () => {
  it('opens the notice as a modal dialog: focus inside, Escape closes it, focus back on its button', async () => {
    const { row, events } = hazardIn('notified', { major: true });
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows: [row], events }));
    await openHazard(el, String((row['data'] as Record<string, unknown>)['hazard_no']));
    const button = shadow(el).querySelector<HTMLButtonElement>('[part~="notice-button"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !!shadow(el).querySelector<HTMLDialogElement>('dialog.notice-sheet')?.open, 3000, 'the dialog opens');
    const dialog = shadow(el).querySelector<HTMLDialogElement>('dialog.notice-sheet')!;
    expect(dialog.matches(':modal')).to.equal(true, 'modal: the page behind is inert');
    expect(dialog.contains(active(el)), 'the focus moved into the dialog').to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('doc-title');
    expect(shadow(el).querySelector('#doc-title')?.textContent).to.contain('整改告知书');
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el).querySelector('dialog.notice-sheet'), 3000, 'the dialog closes');
    await until(() => active(el) === shadow(el).querySelector('[part~="notice-button"]'), 3000, 'the focus back on the button');
  });

  it('back to the list: the focus lands on the row, or on the count when the row no longer matches', async () => {
    const rows = makeHazards(30);
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows }));
    const no = String((rows[0]!['data'] as Record<string, unknown>)['hazard_no']);
    await setControl(el, 'search', no);
    await openHazard(el, no);
    expect(active(el)?.id).to.equal('detail-title');
    shadow(el).querySelector<HTMLButtonElement>('.detail-head .back')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.getAttribute('aria-label')?.includes(no) === true, 3000, 'the focus on the row');
    // open it again, then change the filters underneath: the row is gone when we come back
    await openHazard(el, no);
    el.filters = { ...el.filters, search: 'no-such-hazard-at-all' };
    await until(() => el.total === 0, 3000, 'no rows');
    shadow(el).querySelector<HTMLButtonElement>('.detail-head .back')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(el)?.classList.contains('count') === true, 3000, 'the focus on the count');
    expect(active(el)?.getAttribute('role')).to.equal('status');
  });

  it('the skip link takes the keyboard past the filters to the first hazard', async () => {
    const el = await mountLedger(ledgerStore({ role: 'insurer', rows: makeHazards(30) }));
    const skip = shadow(el).querySelector<HTMLButtonElement>('button.skip')!;
    expect(skip.getBoundingClientRect().right).to.be.below(0, 'out of sight until focused');
    skip.focus();
    expect(skip.getBoundingClientRect().width).to.be.above(0);
    await sendKeys({ press: 'Enter' });
    expect(active(el)?.closest('.rows')).to.exist;
  });

  it('at 320 px the ledger stays in the viewport and its table scrolls inside itself', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await mountLedger(ledgerStore({ role: 'insurer', rows: makeHazards(40) }));
      await el.updateComplete;
      expect(document.documentElement.scrollWidth, 'no page-level horizontal scroll').to.be.at.most(320);
      const table = shadow(el).querySelector<HTMLElement>('.table')!;
      expect(table.getBoundingClientRect().right).to.be.at.most(321);
      expect(table.scrollWidth).to.be.above(table.clientWidth, 'the rows scroll sideways inside the table');
      for (const control of shadow(el).querySelectorAll<HTMLElement>('.toolbar input, .toolbar select, .toolbar button:not(.skip)')) {
        expect(control.getBoundingClientRect().right, control.outerHTML.slice(0, 60)).to.be.at.most(321);
      }
    } finally {
      await setViewport({ width: 1280, height: 900 });
    }
  });
});
