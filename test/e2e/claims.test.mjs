// Issue 17's end-to-end claims test, in the demo portal under the strict CSP, by keyboard and mouse
// only (user.mjs). ONE accident on an insured enterprise carried through every part it touches:
//   1. the city regulator of the enterprise reads its county's loss ratio (赔付率) on the coverage map;
//   2. the insurer reports the accident (a death: a serious accident) in <azx-claim> (理赔);
//   3. the insurer surveys it, pays in advance (预赔付) and settles it (结案), each step on the timeline;
//   4. the regulator signs in again: the county's loss ratio on the map is the new figure, which the
//      figures API before and after predicts (claims paid ÷ earned premium; never a number typed here);
//   5. the insurer renews the policy in <azx-policy-entry>: last year's accident coefficient carried
//      over, and a lower one than the claims give, are refused by the server beside the coefficient,
//      the message naming the coefficient the claims give (a fatal accident's); with it, the renewal
//      is stored. The browser cannot see the claims history: only the server derives it.
// Each screen passes axe, the reflow and the language checks; nothing violates the CSP. Only
// read-only look-ups (which policy, what the packs and the figures API say) go through the API.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PASSWORD, chooseEnterprise, openPortal, openTab } from './harness.mjs';
import { api, chinaDate, q, squash } from './api.mjs';
import { choose, click, expectFocus, expectFocusNotLost, fill, find, textOf, typeDate, until } from './user.mjs';
import { checkScreen, inViewport } from './checks.mjs';

const CL = 'azx-claim >>> ';
const REPORT = `${CL}azx-form >>> `;
const PE = 'azx-policy-entry >>> ';
const MAP = 'azx-coverage-map >>> ';
const INSURER = 'insurer-1@azx.demo';
/** Login e-mails show on screen as they are. */
const ALLOW = [/@azx\.demo/];

const dayAfter = (iso) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86400e3).toISOString().slice(0, 10);
/** What <azx-policy-entry> lists as problems and says in its status, for a failure's message. */
const problems = async (page) => squash(await page.evaluate(() => {
  const root = document.querySelector('azx-policy-entry').shadowRoot;
  return `${[...root.querySelectorAll('[part="problems"] li')].map((li) => `${li.dataset.path}: ${li.textContent}`).join('; ')} | ${root.querySelector('[part="status"]')?.textContent ?? ''}`;
}));
/** A rate as the map writes it in zh (metrics.ts formatValue): one decimal of a percent, — for none. */
const percent = (v) => (v === null ? '—' : `${(Math.round(v * 1000) / 10).toLocaleString('zh-CN', { minimumFractionDigits: 1 })}%`);

describe('issue 17: an accident reported, paid in advance and settled; the loss ratio and the renewal follow', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  let su;
  /** The policy the accident happens under, and what the test reads off the seeded world about it. */
  const cast = {};
  const stamp = Date.now().toString(36).toUpperCase();
  const accidentDay = chinaDate(-3);
  const ADVANCE = 100000;
  const SETTLE = 300000;
  let claimNo = '';
  let before_;

  /** The regulator's figures of the county, through the same API the map reads. */
  async function countyFigures() {
    const token = (await api(portal.pocketbaseUrl, '/api/collections/users/auth-with-password', { body: { identity: cast.regulator, password: PASSWORD } })).token;
    const fig = await api(portal.pocketbaseUrl, `/api/azx/coverage/figures?region=${cast.city}`, { token });
    const row = fig.rows.find((r) => r.code === cast.county);
    assert.ok(row, `the figures of ${cast.city} list the county ${cast.county}`);
    return row;
  }

  /** The regulator signs in, colours the map by 赔付率 with the keyboard and reads the county's tile. */
  async function mapLossRatio(where) {
    const page = await portal.signIn(cast.regulator);
    await openTab(page, 'coverage-map');
    await find(page, `${MAP}[part="tile"][data-code="${cast.county}"]`, { visible: true });
    await choose(page, `${MAP}select[name="metric"]`, '赔付率');
    await until(page, () => document.querySelector('azx-coverage-map').metric === 'lossRatio', undefined, { message: 'the map coloured by the loss ratio' });
    const tile = await textOf(page, `${MAP}[part="tile"][data-code="${cast.county}"] .value`);
    await checkScreen(page, { where, allow: ALLOW });
    await page.close();
    return tile;
  }

  before(async () => {
    portal = await openPortal();
    const pb = portal.pocketbaseUrl;
    su = (await api(pb, '/api/collections/_superusers/auth-with-password', { body: { identity: 'superuser@azx.demo', password: PASSWORD } })).token;
    const get = (path) => api(pb, path, { token: su });
    const insurer = (await get(`/api/collections/users/records?filter=${q(`email = "${INSURER}"`)}`)).items[0];
    // an active policy of the insurer's, started before the accident, the enterprise's latest, on an
    // enterprise with no claim yet and an accident coefficient below a fatal accident's
    const policies = (await get(`/api/collections/policies/records?perPage=500&sort=-period_start&filter=${q(`insurer = "${insurer.organization}" && status = "active" && period_start <= "${chinaDate(-10)} 23:59:59.999Z"`)}`)).items;
    for (const p of policies) {
      const pack = await get(`/api/azx/packs/effective?region=${p.region_code}&date=${dayAfter(p.period_end.slice(0, 10))}`);
      const factor = pack.tables.rating_factors?.value?.find((f) => f.key === 'accident_record');
      const fatal = factor?.options?.find((o) => o.code === 'fatal');
      if (!fatal || !(p.data.rating?.coefficients?.accident_record < fatal.value)) continue;
      const claims = await get(`/api/collections/claims/records?perPage=1&filter=${q(`enterprise = "${p.enterprise}"`)}`);
      const later = await get(`/api/collections/policies/records?perPage=1&filter=${q(`enterprise = "${p.enterprise}" && period_start > "${p.period_start}"`)}`);
      if (claims.totalItems > 0 || later.totalItems > 0) continue;
      const enterprise = await get(`/api/collections/enterprises/records/${p.enterprise}`);
      Object.assign(cast, {
        policy: p,
        policyNo: p.data.policy_no,
        uscc: enterprise.data.uscc,
        county: p.region_code,
        city: p.city_code,
        regulator: `regulator-${p.city_code}@azx.demo`,
        carried: p.data.rating.coefficients.accident_record,
        options: factor.options,
        fatal,
      });
      break;
    }
    assert.ok(cast.policy, 'the seed has an active policy of insurer-1 fit for the accident');
    assert.ok(accidentDay >= cast.policy.period_start.slice(0, 10), 'the accident falls inside the policy period');
  });
  after(async () => {
    await portal?.close();
  });

  it('the regulator reads the county’s loss ratio on the coverage map before the accident', async () => {
    before_ = await countyFigures();
    const tile = await mapLossRatio('regulator: loss ratio before the accident');
    assert.equal(tile, percent(before_.lossRatio), 'the tile shows the county’s loss ratio');
  });

  it('the insurer reports the accident in the claims section: the server numbers it and finds it serious', async () => {
    const page = await portal.signIn(INSURER);
    cast.page = page;
    await openTab(page, 'claim');
    await find(page, `${CL}#policy`, { visible: true });
    await choose(page, `${CL}#policy`, cast.policyNo);
    await find(page, `${REPORT}[data-pointer="/place"] input`, { visible: true });
    await checkScreen(page, { where: 'insurer: the report form of a claim', allow: ALLOW });

    await typeDate(page, `${REPORT}[data-pointer="/accident_date"] input`, accidentDay);
    await fill(page, `${REPORT}[data-pointer="/place"] input`, '二号车间反应釜区');
    await fill(page, `${REPORT}[data-pointer="/description"] textarea`, '反应釜泄漏引发闪爆，一名操作工经抢救无效死亡。');
    await click(page, `${REPORT}[data-pointer="/persons"] > button[part~="add"]`);
    await fill(page, `${REPORT}[data-pointer="/persons/0/name"] input`, '张建国');
    await choose(page, `${REPORT}[data-pointer="/persons/0/party"] select`, '从业人员');
    await choose(page, `${REPORT}[data-pointer="/persons/0/outcome"] select`, '死亡');
    await fill(page, `${REPORT}[data-pointer="/rescue"] input`, '20000');
    await click(page, `${CL}.form-actions button[type="submit"]`);
    await until(page, () => /已报案/.test(document.querySelector('azx-claim').shadowRoot.querySelector('[part="notice"][role="status"]')?.textContent ?? ''), undefined, { message: 'the report stored' })
      .catch(async (err) => {
        const why = await page.evaluate(() => {
          const root = document.querySelector('azx-claim').shadowRoot;
          const form = root.querySelector('azx-form')?.shadowRoot;
          return `${root.querySelector('[part="errors"]')?.textContent ?? ''} | ${root.querySelector('[part="notice"][role="status"]')?.textContent ?? ''} | ${[...(form?.querySelectorAll('[part="error"]') ?? [])].map((e) => `${e.closest('[data-pointer]')?.dataset.pointer}: ${e.textContent}`).join('; ')}`;
        });
        throw new Error(`not reported: ${squash(why)}`, { cause: err });
      });
    const notice = await textOf(page, `${CL}[part="notice"][role="status"]`);
    claimNo = /LP-[0-9A-Z-]+/.exec(notice)?.[0] ?? '';
    assert.match(claimNo, new RegExp(`^LP-${cast.county}-\\d{4}-\\d{6}$`), notice);
    await inViewport(page, `${CL}[part="notice"][role="status"]`, 'the claim reported');
    // the report form is gone: the claim's heading has the focus
    await expectFocus(page, `${CL}#claim-title`, { step: 'the claim reported' });
    // what the server decided: reported, one death, serious (so it may be paid in advance)
    await find(page, `${CL}[data-figure="status"]`, { visible: true });
    assert.equal(await textOf(page, `${CL}[data-figure="status"]`), '已报案');
    assert.equal(await textOf(page, `${CL}[data-figure="casualties"]`), '死亡 1 人，受伤 0 人');
    assert.match(await textOf(page, `${CL}#claim-title`), new RegExp(claimNo));
    const stored = (await api(portal.pocketbaseUrl, `/api/collections/claims/records?filter=${q(`claim_no = "${claimNo}"`)}`, { token: su })).items[0];
    assert.equal(stored.serious, true, 'a death makes the accident serious');
    assert.equal(stored.policy, cast.policy.id);
    cast.claim = stored.id;
    await checkScreen(page, { where: 'insurer: claim reported', allow: ALLOW });
  });

  it('the insurer surveys, pays in advance and settles: each step on the timeline, paid within the limits', async () => {
    const page = cast.page;
    const doc = join(mkdtempSync(join(tmpdir(), 'azx-e2e-claim-')), '查勘报告.pdf');
    writeFileSync(doc, Buffer.from('%PDF-1.4\n%%EOF\n'));
    /** Takes the next step: the action chosen, documents, a note and payments; resolves on the new status. */
    const step = async (action, status, { withDocument = false, note = '', payments = [] } = {}) => {
      await until(page, () => document.querySelector('azx-claim').shadowRoot.querySelector('.step [part="submit"]')?.getAttribute('aria-disabled') === 'false', undefined, { message: `${action}: the step form ready` });
      await choose(page, `${CL}#action`, action);
      if (withDocument) {
        await (await find(page, `${CL}#documents`)).uploadFile(doc);
        await until(page, () => document.querySelector('azx-claim').shadowRoot.querySelector('.files')?.textContent.includes('查勘报告.pdf'), undefined, { message: `${action}: the document chosen` });
      }
      if (note) await fill(page, `${CL}#note`, note);
      for (const [i, p] of payments.entries()) {
        await click(page, `${CL}.add-payment`);
        await choose(page, `${CL}[data-payment="${i}"] select.target`, p.to);
        await fill(page, `${CL}[data-payment="${i}"] input.amount`, String(p.amount));
      }
      await click(page, `${CL}.step [part="submit"]`);
      await until(page, (s) => document.querySelector('azx-claim').shadowRoot.querySelector('[data-figure="status"]')?.textContent.trim() === s, status, { message: `${action} → ${status}` })
        .catch(async (err) => {
          const why = await page.evaluate(() => document.querySelector('azx-claim').shadowRoot.querySelector('[part="errors"]')?.textContent ?? '');
          throw new Error(`${action} refused: ${squash(why)}`, { cause: err });
        });
      // the outcome is said once the claim has reloaded
      await until(page, () => /已记录「/.test(document.querySelector('azx-claim').shadowRoot.querySelector('[part="notice"][role="status"]')?.textContent ?? ''), undefined, { message: `${action}: recorded` });
      await inViewport(page, `${CL}[part="notice"][role="status"]`, `${action} recorded`);
      await expectFocusNotLost(page, `${action} recorded`);
    };

    await step('查勘', '已查勘', { withDocument: true, note: '现场查勘完毕，事故属实' });
    await step('预赔付', '已预赔付', { payments: [{ to: '张建国', amount: ADVANCE }] });
    assert.match(await textOf(page, `${CL}[data-figure="paid"]`), /^100,000\.00 元/);
    await step('结案', '已结案', { withDocument: true, payments: [{ to: '张建国', amount: SETTLE }, { to: '抢险救援', amount: 20000 }] });
    const paid = ADVANCE + SETTLE + 20000;
    assert.ok((await textOf(page, `${CL}[data-figure="paid"]`)).startsWith(`${paid.toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`), 'the claim shows what was paid in all');
    const steps = await page.$$eval(`${CL}[part="timeline"] li`, (lis) => lis.map((li) => li.dataset.step));
    assert.deepEqual(steps, ['reported', 'survey', 'advance_payment', 'settle'], 'the timeline holds the report and the three steps');
    assert.equal(await page.$(`${CL}.step`), null, 'nothing more to do on a settled claim');
    const stored = await api(portal.pocketbaseUrl, `/api/collections/claims/records/${cast.claim}`, { token: su });
    assert.equal(stored.status, 'settled');
    assert.equal(stored.paid, paid);
    assert.equal(stored.advance_paid, ADVANCE);
    cast.paid = paid;
    await checkScreen(page, { where: 'insurer: claim settled', allow: ALLOW });
  });

  it('the regulator signs in again: the county’s loss ratio on the map is the new figure', async () => {
    const after_ = await countyFigures();
    assert.equal(after_.claimsPaid, Math.round((before_.claimsPaid + cast.paid) * 100) / 100, 'what was paid reaches the county’s figures');
    const want = after_.claimsPaid / after_.earnedPremium;
    assert.ok(Math.abs(after_.lossRatio - want) < 1e-9, `loss ratio ${after_.lossRatio} = claims paid ÷ earned premium (${want})`);
    assert.ok(after_.lossRatio > (before_.lossRatio ?? 0), 'the loss ratio rose');
    const tile = await mapLossRatio('regulator: loss ratio after the settlement');
    assert.equal(tile, percent(after_.lossRatio), 'the tile shows the new loss ratio');
    assert.notEqual(tile, percent(before_.lossRatio), 'the map moved');
  });

  it('the renewal: the coefficient carried over and a lower one are refused by the server; the claims’ coefficient is stored', async () => {
    const page = cast.page;
    await openTab(page, 'policy-entry');
    await chooseEnterprise(page, cast.uscc);
    // the enterprise's history: renew the policy the accident happened under
    const rows = await page.$$(`${PE}[part="history"] tbody tr`);
    const texts = await Promise.all(rows.map((r) => r.evaluate((tr) => tr.textContent)));
    const row = rows[texts.findIndex((t) => t.includes(cast.policyNo))];
    assert.ok(row, `the history lists ${cast.policyNo}`);
    await click(page, await row.$('button'));
    await until(page, (no) => document.querySelector('azx-policy-entry').shadowRoot.querySelector('.renewing')?.textContent.includes(no), cast.policyNo, { message: 'renewing' });
    const coefficient = `${PE}select[data-coefficient="accident_record"]`;
    assert.equal(Number(await (await find(page, coefficient)).evaluate((s) => s.value)), cast.carried, 'last year’s coefficient carried over');
    const renewalNo = `E2E-CLAIM-${stamp}`;
    await fill(page, `${PE}azx-form >>> [data-pointer="/policy_no"] input`, renewalNo);

    // a first press: what the packs find in the browser is fixed as the form asks (the unit's premium
    // declaration, the service plan's frequency for its risk grade); the claims are not in the browser
    await click(page, `${PE}.form-actions button[type="submit"]`);
    await find(page, `${PE}[part="problems"] li`, { visible: true });
    const listed = async (path) => {
      const li = await page.$(`${PE}[part="problems"] li[data-path="data.${path}"]`);
      return li ? squash(await li.evaluate((e) => e.textContent)) : '';
    };
    if (await listed('premium_borne_by_unit')) await click(page, `${PE}azx-form >>> [data-pointer="/premium_borne_by_unit"] input`);
    const frequency = /至少 (\d+) 次/.exec(await listed('service_frequency'))?.[1];
    if (frequency) await fill(page, `${PE}azx-form >>> [data-pointer="/service_frequency"] input`, frequency);

    const refusal = `${PE}[part="problems"] li[data-path="data.rating.coefficients.accident_record"]`;
    const fatal = cast.fatal;
    const lower = cast.options.filter((o) => o.value < fatal.value).sort((a, b) => b.value - a.value);
    // the coefficient carried over, then the highest one below the claims': each refused by the server
    for (const value of [cast.carried, lower.find((o) => o.value !== cast.carried)?.value].filter((v) => v !== undefined)) {
      if (Number(await page.$eval('azx-policy-entry', (el) => el.shadowRoot.querySelector('select[data-coefficient="accident_record"]').value)) !== value) {
        await choose(page, coefficient, `×${value}`);
      }
      await click(page, `${PE}.form-actions button[type="submit"]`);
      await find(page, refusal, { visible: true }).catch(async (err) => {
        throw new Error(`×${value} not refused at the coefficient: ${await problems(page)}`, { cause: err });
      });
      const message = await textOf(page, refusal);
      assert.equal(await (await find(page, refusal)).evaluate((li) => li.dataset.code), 'accident_record_not_experience');
      // the server names the coefficient the claims give: a fatal accident's
      assert.ok(message.includes(`应为 ${fatal.value}`) && message.includes(fatal.zh), `the refusal names ×${fatal.value} (${fatal.zh}): ${message}`);
      const beside = await textOf(page, `${PE}select[data-coefficient="accident_record"] ~ [part="error"]`);
      assert.equal(beside, message, 'the refusal shows beside the coefficient');
      // announced (role="alert"), and the focus goes to the refused coefficient, its reason beside it in view
      await expectFocus(page, coefficient, { step: `×${value} refused` });
      await inViewport(page, `${PE}select[data-coefficient="accident_record"] ~ [part="error"]`, `×${value} refused`);
      assert.equal(await (await find(page, `${PE}[part="problems"]`)).evaluate((e) => e.getAttribute('role')), 'alert');
      assert.equal((await api(portal.pocketbaseUrl, `/api/collections/policies/records?filter=${q(`policy_no = "${renewalNo}"`)}`, { token: su })).totalItems, 0, `×${value} stored nothing`);
    }
    await checkScreen(page, { where: 'insurer: renewal refused below the claims’ coefficient', allow: ALLOW });

    // the claims' coefficient: stored
    await choose(page, coefficient, `×${fatal.value}`);
    await click(page, `${PE}.form-actions button[type="submit"]`);
    await until(page, (no) => document.querySelector('azx-policy-entry').shadowRoot.querySelector('.saved')?.textContent.includes(no), renewalNo, { message: 'the renewal stored' })
      .catch(async (err) => {
        throw new Error(`renewal not stored: ${await problems(page)}`, { cause: err });
      });
    await expectFocus(page, `${PE}.form-actions button[type="submit"]`, { step: 'the renewal saved' });
    await inViewport(page, `${PE}.saved`, 'the renewal saved');
    const renewal = (await api(portal.pocketbaseUrl, `/api/collections/policies/records?filter=${q(`policy_no = "${renewalNo}"`)}`, { token: su })).items[0];
    assert.equal(renewal.data.rating.coefficients.accident_record, fatal.value);
    assert.ok(fatal.value > cast.carried, 'the renewal’s accident coefficient is higher than last year’s');
    assert.equal(renewal.data.renewal_of, cast.policyNo);
    await checkScreen(page, { where: 'insurer: renewal stored', allow: ALLOW });
    await page.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
