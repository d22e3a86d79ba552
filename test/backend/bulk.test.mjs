// Bulk upload (POST /api/azx/bulk/policies by insurers, /api/azx/bulk/enterprises by regulators):
// valid rows are stored, invalid rows come back with their row number and field errors in both
// languages, a repeated upload stores nothing, and nobody uploads outside their role or scope.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { breakUscc, makeUscc } from '../fixtures/uscc.mjs';
import { ENTERPRISES, ORGANIZATIONS, REGIONS, ratingOf } from '../fixtures/records.mjs';
import { assertBilingual, total } from './helpers.mjs';

/** When this file started: the server stamps every upload after it. */
const RUN_START = Date.now();

let server;
let world;
let su;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
});
after(() => server?.stop());

/** One CSV line; cells with a comma, quote or line break are quoted. */
const csvLine = (cells) =>
  cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replaceAll('"', '""')}"` : String(c))).join(',');
const csv = (header, rows) => [header, ...rows].map(csvLine).join('\n') + '\n';

/**
 * POSTs an upload as a world user (null = anonymous): `file` (string or bytes, sent as multipart
 * with filename) or `rows` (sent as the JSON body {rows}).
 */
async function upload(actor, kind, { file, filename = 'upload.csv', rows, lang } = {}) {
  const api = world.api(actor ? await world.login(actor) : undefined, { lang });
  let body;
  if (file !== undefined) {
    body = new FormData();
    body.append('file', new Blob([file]), filename);
  } else {
    body = { rows };
  }
  return api.request('POST', `/api/azx/bulk/${kind}`, body);
}

/** The failed rows of a result as {row: [columns with errors]}, checking each error is bilingual. */
function failures(r, lang) {
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 500));
  const out = {};
  for (const f of r.body.failed) {
    for (const [column, e] of Object.entries(f.errors)) {
      assertBilingual(e, `row ${f.row} ${column}`);
      assert.equal(e.message, lang === 'en' ? e.message_en : e.message_zh, `row ${f.row} ${column}: message follows the language`);
    }
    out[f.row] = Object.keys(f.errors).sort();
  }
  return out;
}

/** A request-level refusal: status, and a message in both languages. */
function assertRefused(r, status) {
  assert.equal(r.status, status, JSON.stringify(r.body).slice(0, 500));
  if (status !== 401) assertBilingual(r.body, 'the refusal');
}

// ---- policies ------------------------------------------------------------------------------

const POLICY_HEADER = [
  'policy_no', 'legal_basis', 'status', 'insured.uscc', 'insured.name', 'period.start', 'period.end', 'headcount',
  'insured_persons', 'cover_per_person', 'premium', 'prevention_clause', 'prevention_budget', 'prevention_items', 'provider_uscc',
  'rating.base_rate', 'rating.coefficients.accident_record', 'rating.coefficients.standardization', 'rating.coefficients.safety_credit',
  'rating.coefficients.dual_prevention', 'rating.coefficients.headcount_band', 'rating.premium_by_rate',
];
/** The rating columns of a row: the national rule pack's premium for the enterprise, all coefficients 1. */
function ratingColumns(premium, persons) {
  const r = ratingOf(premium, persons);
  return {
    'rating.base_rate': r.base_rate, 'rating.premium_by_rate': r.premium_by_rate,
    ...Object.fromEntries(Object.entries(r.coefficients).map(([k, v]) => [`rating.coefficients.${k}`, v])),
  };
}
const RATED_PREMIUM = { [ENTERPRISES.E1.uscc]: 20000, [ENTERPRISES.E2.uscc]: 30000 };
function policyRow(no, enterprise = ENTERPRISES.E1, overrides = {}) {
  const row = {
    policy_no: no, legal_basis: '2025', status: 'active', 'insured.uscc': enterprise.uscc, 'insured.name': enterprise.name,
    'period.start': '2026-02-01', 'period.end': '2027-01-31', headcount: enterprise.headcount, insured_persons: enterprise.headcount,
    cover_per_person: '500,000', premium: String(RATED_PREMIUM[enterprise.uscc] ?? 20000), prevention_clause: '是', prevention_budget: '3600.10', prevention_items: '01;03',
    provider_uscc: '', ...ratingColumns(RATED_PREMIUM[enterprise.uscc] ?? 20000, enterprise.headcount), ...overrides,
  };
  return POLICY_HEADER.map((h) => row[h]);
}

describe('policies by an insurer', () => {
  const PREFIX = 'AZX-BULK-A-';
  const file = () =>
    csv(POLICY_HEADER, [
      policyRow(`${PREFIX}0001`, ENTERPRISES.E1, { provider_uscc: ORGANIZATIONS.providerP.uscc }),
      policyRow(`${PREFIX}0002`, ENTERPRISES.E2),
      policyRow(`${PREFIX}0003`, ENTERPRISES.E1, { premium: '-5' }),
      policyRow(`${PREFIX}0004`, ENTERPRISES.E1, { 'period.start': '2026-03-01', 'period.end': '2027-02-28' }),
      policyRow(`${PREFIX}0005`, { ...ENTERPRISES.E1, uscc: breakUscc(ENTERPRISES.E1.uscc) }),
      policyRow(`${PREFIX}0006`, ENTERPRISES.E1, { headcount: '五十' }),
      policyRow(`${PREFIX}0007`, ENTERPRISES.E1, { legal_basis: '2030', provider_uscc: '91330600MA2ZZZZZZ0' }),
    ]);

  test('a CSV stores the valid rows and returns the invalid ones with row numbers and field errors', async () => {
    const r = await upload('insurerA', 'policies', { file: file() });
    assert.equal(r.body.created, 3, JSON.stringify(r.body));
    assert.equal(r.body.unchanged, 0);
    assert.deepEqual(failures(r), {
      3: ['premium'],
      5: ['enterprise_uscc'],
      6: ['headcount'],
      7: ['provider_uscc'],
    });
    const keys = Object.fromEntries(r.body.failed.map((f) => [f.row, f.key]));
    assert.equal(keys[3], `${PREFIX}0003`);
  });

  test('the stored rows are insurer A’s, with relations and columns from the server', async () => {
    const stored = (await su.list('policies', { filter: `policy_no ~ "${PREFIX}"`, sort: 'policy_no' })).items;
    assert.deepEqual(stored.map((p) => p.policy_no), [`${PREFIX}0001`, `${PREFIX}0002`, `${PREFIX}0004`]);
    // the upload time is the server's, stamped as the rows arrived (within this run)
    assert.ok(stored.every((p) => p.uploaded_at && Date.parse(p.uploaded_at.replace(' ', 'T')) >= RUN_START - 1000), JSON.stringify(stored.map((p) => p.uploaded_at)));
    const [p1, p2] = stored;
    assert.equal(p1.insurer, world.ids.orgs.insurerA);
    assert.equal(p1.enterprise, world.ids.enterprises.E1);
    assert.equal(p1.provider, world.ids.orgs.providerP);
    assert.equal(p1.city_code, REGIONS.shaoxing);
    assert.equal(p1.cover_per_person, 500000);
    assert.equal(p1.premium, 20000);
    assert.equal(p1.prevention_clause, true);
    assert.deepEqual(p1.data.prevention_items, ['01', '03']);
    assert.equal(p2.enterprise, world.ids.enterprises.E2);
    assert.equal(p2.city_code, REGIONS.hangzhou);
    const visible = (await world.api(await world.login('insurerA')).list('policies', { filter: `policy_no ~ "${PREFIX}"` })).items;
    assert.equal(visible.length, stored.length, 'insurer A sees its uploaded policies');
  });

  test('each stored row is audited with the uploader as actor', async () => {
    const stored = (await su.list('policies', { filter: `policy_no ~ "${PREFIX}"` })).items;
    for (const p of stored) {
      const entries = (await su.list('audit_log', { filter: `record_id = "${p.id}"` })).items;
      assert.deepEqual(entries.map((e) => [e.action, e.actor]), [['create', world.ids.users.insurerA]], p.policy_no);
    }
  });

  test('uploading the same file again stores nothing (created 0, unchanged N)', async () => {
    const before = await total(su, 'policies');
    const r = await upload('insurerA', 'policies', { file: file() });
    assert.equal(r.body.created, 0, JSON.stringify(r.body));
    assert.equal(r.body.unchanged, 3);
    assert.deepEqual(Object.keys(failures(r)), ['3', '5', '6', '7']);
    assert.equal(await total(su, 'policies'), before);
  });

  test('a changed row for an existing policy is refused: corrections need a reason', async () => {
    const before = (await su.list('policies', { filter: `policy_no = "${PREFIX}0001"` })).items[0];
    const r = await upload('insurerA', 'policies', {
      file: csv(POLICY_HEADER, [policyRow(`${PREFIX}0001`, ENTERPRISES.E1, { premium: '1.00', provider_uscc: ORGANIZATIONS.providerP.uscc })]),
    });
    assert.deepEqual(failures(r), { 1: ['policy_no'] });
    assert.deepEqual((await su.view('policies', before.id)).body, before);
  });

  test("another insurer's policy number is refused and left alone", async () => {
    const before = (await su.view('policies', world.ids.policies.B)).body;
    const r = await upload('insurerA', 'policies', { file: csv(POLICY_HEADER, [policyRow(world.policyNo.B, ENTERPRISES.E2)]) });
    assert.equal(r.body.created, 0);
    assert.deepEqual(failures(r), { 1: ['policy_no'] });
    assert.deepEqual((await su.view('policies', world.ids.policies.B)).body, before);
  });

  test('JSON rows (body {rows}) with English messages', async () => {
    const rows = [
      {
        policy_no: 'AZX-BULK-B-0001', legal_basis: '2025', status: 'active',
        insured: { uscc: ENTERPRISES.E2.uscc, name: ENTERPRISES.E2.name },
        period: { start: '2026-02-01', end: '2027-01-31' }, headcount: 120, insured_persons: 120,
        cover_per_person: 500000, premium: 30000, prevention_clause: true, prevention_budget: 6000,
        rating: ratingOf(30000, 120), provider_uscc: ORGANIZATIONS.providerQ.uscc,
      },
    ];
    rows.push({ ...rows[0], policy_no: 'AZX-BULK-B-0002', cover_per_person: -1 });
    const { period, ...flat } = rows[0];
    rows.push({ ...flat, policy_no: 'AZX-BULK-B-0003', 'period.start': '2026-01-01', 'period.end': '2026-12-31' }); // dotted keys work in JSON too
    const r = await upload('insurerB', 'policies', { rows, lang: 'en' });
    assert.equal(r.body.created, 2, JSON.stringify(r.body));
    assert.deepEqual(failures(r, 'en'), { 2: ['cover_per_person'] });
    const stored = (await su.list('policies', { filter: `policy_no = "AZX-BULK-B-0003"` })).items[0];
    assert.equal(stored.data.period.end, '2026-12-31');
    assert.equal(stored.insurer, world.ids.orgs.insurerB);
    assert.equal(stored.provider, world.ids.orgs.providerQ);
    const again = await upload('insurerB', 'policies', { rows, lang: 'en' });
    assert.deepEqual([again.body.created, again.body.unchanged], [0, 2]);
  });

  test('a JSON file (array of rows) works like the body', async () => {
    const row = {
      policy_no: 'AZX-BULK-B-0004', legal_basis: '2025', status: 'active',
      insured: { uscc: ENTERPRISES.E2.uscc, name: ENTERPRISES.E2.name },
      period: { start: '2026-02-01', end: '2027-01-31' }, headcount: 120, insured_persons: 120,
      cover_per_person: 500000, premium: 30000, prevention_clause: true, prevention_budget: 6000,
      rating: ratingOf(30000, 120),
    };
    const r = await upload('insurerB', 'policies', { file: JSON.stringify([row]), filename: 'policies.json' });
    assert.deepEqual([r.status, r.body.created, r.body.failed.length], [200, 1, 0], JSON.stringify(r.body));
  });
});

// ---- enterprises -----------------------------------------------------------------------------

const ENTERPRISE_HEADER = [
  'uscc', 'name', 'region_code', 'address', 'industry', 'headcount', 'must_insure', 'risk_grade',
  'principal.name', 'principal.mobile', 'safety_contact.name', 'safety_contact.mobile',
];
function enterpriseRow(n, region, overrides = {}) {
  const row = {
    uscc: makeUscc(region, `MA2B${String(n).padStart(5, '0')}`), name: `批量导入企业${n}号`, region_code: region,
    address: `浙江省某路 ${n} 号`, industry: 'fireworks', headcount: '80', must_insure: '是', risk_grade: 'high',
    'principal.name': '赵厂长', 'principal.mobile': '13700000001', 'safety_contact.name': '钱安全', 'safety_contact.mobile': '13600000002',
    ...overrides,
  };
  return ENTERPRISE_HEADER.map((h) => row[h]);
}

describe('enterprises by a regulator', () => {
  const rows = [
    enterpriseRow(1, REGIONS.yuecheng),
    enterpriseRow(2, '330603'),
    enterpriseRow(3, REGIONS.xihu), // Hangzhou: outside Shaoxing
    enterpriseRow(4, REGIONS.yuecheng, { uscc: breakUscc(makeUscc(REGIONS.yuecheng, 'MA2B00004')) }),
    enterpriseRow(5, REGIONS.yuecheng, { 'principal.mobile': '1380000' }),
    enterpriseRow(6, '330604', { risk_grade: '极高' }),
    enterpriseRow(7, '330604'),
  ];

  test('a CSV stores the rows in scope and returns the others with row numbers and field errors', async () => {
    const r = await upload('regulatorShaoxing', 'enterprises', { file: csv(ENTERPRISE_HEADER, rows) });
    assert.equal(r.body.created, 3, JSON.stringify(r.body));
    assert.deepEqual(failures(r), { 3: ['region_code'], 4: ['uscc'], 5: ['principal.mobile'], 6: ['risk_grade'] });
    const stored = (await su.list('enterprises', { filter: `name ~ "批量导入企业"`, sort: 'name' })).items;
    assert.deepEqual(stored.map((e) => e.name), ['批量导入企业1号', '批量导入企业2号', '批量导入企业7号']);
    assert.ok(stored.every((e) => e.city_code === REGIONS.shaoxing && e.headcount === 80 && e.must_insure === true));
  });

  test('the same upload again stores nothing', async () => {
    const before = await total(su, 'enterprises');
    const r = await upload('regulatorShaoxing', 'enterprises', { file: csv(ENTERPRISE_HEADER, rows) });
    assert.deepEqual([r.body.created, r.body.unchanged], [0, 3], JSON.stringify(r.body));
    assert.equal(await total(su, 'enterprises'), before);
  });

  test('an enterprise registered in another city cannot be re-uploaded into one’s own', async () => {
    const before = (await su.view('enterprises', world.ids.enterprises.E2)).body;
    const e2 = enterpriseRow(8, REGIONS.yuecheng, { uscc: ENTERPRISES.E2.uscc, name: ENTERPRISES.E2.name });
    const r = await upload('regulatorShaoxing', 'enterprises', { file: csv(ENTERPRISE_HEADER, [e2]), lang: 'en' });
    assert.deepEqual(failures(r, 'en'), { 1: ['uscc'] });
    assert.deepEqual((await su.view('enterprises', world.ids.enterprises.E2)).body, before);
  });

  test('the province regulator uploads for every city of its province', async () => {
    const r = await upload('regulatorZhejiang', 'enterprises', {
      file: csv(ENTERPRISE_HEADER, [enterpriseRow(9, REGIONS.xihu), enterpriseRow(10, '330108'), enterpriseRow(11, '320506')]),
    });
    assert.equal(r.body.created, 2, JSON.stringify(r.body));
    assert.deepEqual(failures(r), { 3: ['region_code'] });
  });
});

// ---- who may upload --------------------------------------------------------------------------

describe('roles', () => {
  for (const [actor, kind, status] of [
    ['regulatorShaoxing', 'policies', 403],
    ['enterpriseE1', 'policies', 403],
    ['providerP', 'policies', 403],
    ['admin', 'policies', 403],
    ['insurerA', 'enterprises', 403],
    ['enterpriseE1', 'enterprises', 403],
    [null, 'policies', 401],
    [null, 'enterprises', 401],
  ]) {
    test(`${actor ?? 'anonymous'} uploading ${kind} → ${status}, nothing stored`, async () => {
      const collection = kind;
      const before = await total(su, collection);
      const file =
        kind === 'policies'
          ? csv(POLICY_HEADER, [policyRow(`AZX-BULK-ROLE-${status}-${actor}`.toUpperCase().slice(0, 40), ENTERPRISES.E1)])
          : csv(ENTERPRISE_HEADER, [enterpriseRow(90, REGIONS.yuecheng)]);
      assertRefused(await upload(actor, kind, { file }), status);
      assert.equal(await total(su, collection), before);
    });
  }
});

// ---- malformed input -------------------------------------------------------------------------

describe('malformed uploads get a clear error and never crash the server', () => {
  let n = 0;
  const good = () => policyRow(`AZX-BULK-M-${String(++n).padStart(4, '0')}`, ENTERPRISES.E1);
  const cases = [
    ['an empty file', ''],
    ['only blank lines', '\n\n\n'],
    ['a duplicate header column', csv([...POLICY_HEADER, 'premium'], [[...good(), '1']])],
    ['an empty header column', csv([...POLICY_HEADER, ''], [[...good(), '']])],
    ['an unterminated quote in the header', `policy_no,"legal_basis,status\nAZX-BULK-M-H001,2025,active\n`],
    ['text that is neither UTF-8 nor GB18030', Buffer.from([0x70, 0x6f, 0x6c, 0x69, 0x63, 0x79, 0x5f, 0x6e, 0x6f, 0x0a, 0x81, 0x20, 0x0a])],
    ['binary garbage', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00])],
    ['JSON that does not parse', '[{"policy_no": "AZX-BAD-JSON",'],
    ['JSON that is not a list of rows', '{"policy_no": "AZX-BAD-JSON"}'],
  ];
  for (const [what, file] of cases) {
    test(`${what} → 400 with a message in both languages`, async () => {
      const before = await total(su, 'policies');
      const filename = typeof file === 'string' && /^[[{]/.test(file) ? 'upload.json' : 'upload.csv';
      assertRefused(await upload('insurerA', 'policies', { file, filename }), 400);
      assert.equal(await total(su, 'policies'), before);
    });
  }

  test('GBK text from Excel is read as GB18030, not refused: its rows are judged like any other', async () => {
    // 苏州 in GBK; the row lacks its enterprise, so it fails alone, under its own policy number
    const file = Buffer.concat([Buffer.from('policy_no,insured.name\nAZX-GBK-0001,'), Buffer.from([0xcb, 0xd5, 0xd6, 0xdd]), Buffer.from('\n')]);
    const r = await upload('insurerA', 'policies', { file, filename: 'gbk.csv' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.encoding, 'gb18030');
    assert.deepEqual(r.body.failed.map((f) => f.key), ['AZX-GBK-0001']);
  });

  test('a JSON body without rows → 400', async () => {
    const api = world.api(await world.login('insurerA'));
    assertRefused(await api.request('POST', '/api/azx/bulk/policies', { policies: [] }), 400);
    assertRefused(await api.request('POST', '/api/azx/bulk/policies', { rows: 'AZX' }), 400);
  });

  test('a row with the wrong number of cells fails alone; the other rows are stored', async () => {
    const short = policyRow('AZX-BULK-M-SHORT', ENTERPRISES.E1).slice(0, 5);
    const ok = policyRow('AZX-BULK-M-OK01', ENTERPRISES.E1);
    const r = await upload('insurerA', 'policies', { file: csv(POLICY_HEADER, [short, ok]) });
    assert.equal(r.body.created, 1, JSON.stringify(r.body));
    assert.deepEqual(failures(r), { 1: ['_row'] });
  });

  test('a stray quote in a data row: every row is still accounted for (stored, unchanged or failed)', async () => {
    // no other quote follows, so a lenient reader would run on to the end of the file
    const line = (no) => csvLine(policyRow(no, ENTERPRISES.E1, { cover_per_person: '500000' }));
    const file = `${csvLine(POLICY_HEADER)}\n${line('AZX-BULK-M-Q000')}\n${line('AZX-BULK-M-Q001').replace('AZX-BULK-M-Q001', '"AZX-BULK-M-Q001')}\n${line('AZX-BULK-M-Q002')}\n`;
    const before = await total(su, 'policies');
    const r = await upload('insurerA', 'policies', { file });
    if (r.status === 400) {
      assertRefused(r, 400);
      assert.equal(await total(su, 'policies'), before, 'a refused file stores nothing');
    } else {
      const failed = failures(r);
      assert.ok(failed[2], 'the broken row is reported');
      assert.equal(r.body.created + r.body.unchanged + r.body.failed.length, 3, `3 data rows, result: ${JSON.stringify(r.body).slice(0, 400)}`);
    }
  });

  test('the server still answers after every malformed upload', async () => {
    const r = await world.api().request('GET', '/api/health');
    assert.equal(r.status, 200);
  });
});
