/**
 * The shared test world of the browser run, as web-test-runner.config.mjs serves it: the
 * backend URL, ids of the known organizations and records, and each world user's login.
 */
import type { Role, ScopeLevel } from '../../../components/data/index.js';

export type WorldUserKey =
  | 'insurerA' | 'insurerB' | 'providerP' | 'providerQ' | 'enterpriseE1' | 'enterpriseE2'
  | 'regulatorShaoxing' | 'regulatorHangzhou' | 'regulatorZhejiang' | 'admin'
  | 'authorityConstruction' | 'authorityChemicals' | 'financialZhejiang';

export interface WorldUser {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly role: Role;
  readonly scopeLevel?: ScopeLevel;
  readonly regionScope?: string;
  /** The key of the user's organization in `ids.orgs`. */
  readonly org: string;
}

type Ids = Readonly<Record<string, string>>;
type Json = Record<string, unknown>;

export interface TestWorld {
  readonly url: string;
  /** Published version of each business collection's definition. */
  readonly versions: Readonly<Record<'enterprises' | 'policies' | 'service_reports' | 'hazards', number>>;
  readonly uscc: Ids;
  readonly policyNo: Readonly<Record<'A' | 'B', string>>;
  readonly ids: {
    readonly orgs: Ids;
    readonly users: Ids;
    readonly enterprises: Readonly<Record<'E1' | 'E2', string>>;
    readonly policies: Readonly<Record<'A' | 'B', string>>;
    readonly serviceReports: Ids;
    readonly hazards: Ids;
    readonly hazardEvents: Ids;
  };
  readonly users: Readonly<Record<WorldUserKey, WorldUser>>;
  /** Organizations by key (as in `ids.orgs`): name, kind, uscc, region_code. */
  readonly organizations: Readonly<Record<string, { name: string; kind: string; uscc?: string; region_code: string }>>;
  /** Valid `data` payloads, following the built-in definitions. */
  readonly payloads: {
    readonly enterprises: Readonly<Record<'E1' | 'E2', Json>>;
    readonly policy: Readonly<Record<'E1' | 'E2', Json>>;
    readonly serviceReport: Readonly<Record<'A' | 'B', Json>>;
    readonly hazard: Json;
  };
}

let cached: Promise<TestWorld> | undefined;

/** The world of this run (fetched once per test file). */
export function world(): Promise<TestWorld> {
  cached ??= fetch('/__azx/world.json').then(async (res) => {
    if (!res.ok) throw new Error(`no test world (${res.status}): is web-test-runner.config.mjs in use?`);
    const body = (await res.json()) as TestWorld | { error: string };
    if ('error' in body) throw new Error(`no test world: ${body.error}`);
    return body;
  });
  return cached;
}

let offline: Promise<TestWorld> | undefined;

/**
 * A world without a backend, for the MemoryStore: the same users and payloads, with made-up
 * ids of the same shape (15 characters of [a-z0-9]) and every definition at version 1.
 */
export function offlineWorld(): Promise<TestWorld> {
  offline ??= fetch('/__azx/fixtures.json').then(async (res) => {
    const fixtures = (await res.json()) as Pick<TestWorld, 'uscc' | 'policyNo' | 'users' | 'payloads' | 'organizations'>;
    const id = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '').padEnd(15, '0').slice(0, 15);
    const idsOf = (keys: readonly string[], prefix: string) => Object.fromEntries(keys.map((k) => [k, id(`${prefix}${k}`)]));
    const userKeys = Object.keys(fixtures.users);
    const orgKeys = Object.keys(fixtures.organizations);
    return {
      ...fixtures,
      url: '',
      versions: { enterprises: 1, policies: 1, service_reports: 1, hazards: 1 },
      ids: {
        orgs: idsOf(orgKeys, 'o'),
        users: idsOf(userKeys, 'u'),
        enterprises: { E1: id('ee1'), E2: id('ee2') },
        policies: { A: id('pa'), B: id('pb') },
        serviceReports: { A: id('sra'), B: id('srb') },
        hazards: { A: id('ha'), B: id('hb') },
        hazardEvents: { A: id('hea'), B: id('heb') },
      },
    };
  });
  return offline;
}
