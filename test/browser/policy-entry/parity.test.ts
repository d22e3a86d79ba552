/**
 * The browser's pack checks give the server's verdict, in the server's words: the corpus the Go package runs
 * (backend/internal/packs/data/cases.json, copied to schemas/packs/) gives the same problems here.
 */
import { expect } from '@open-wc/testing';
import { checkPolicy, getPack, packForRegion, type PreviousPolicy, type RegistryEnterprise } from '../../../components/policy-entry/index.js';

interface Case {
  readonly name: string;
  readonly pack: string;
  readonly enterprise: RegistryEnterprise;
  readonly record: Record<string, unknown>;
  readonly previous: PreviousPolicy | null;
  readonly errors: Record<string, string>;
  /** The server's exact texts by path. */
  readonly messages?: Record<string, { zh: string; en: string }>;
}

const corpus = (await (await fetch('/schemas/packs/cases.json')).json()) as { regions: Record<string, string>; cases: Case[] };

describe('rule-pack parity with the server', () => {
  for (const c of corpus.cases) {
    it(c.name, () => {
      const got: Record<string, string> = {};
      for (const p of checkPolicy(getPack(c.pack)!, c.enterprise, c.record, c.previous)) {
        got[p.path] = p.code;
        expect({ zh: p.zh, en: p.en }, p.path).to.deep.equal(c.messages?.[p.path]);
      }
      expect(got).to.deep.equal(c.errors ?? {});
    });
  }

  it('a region picks the same pack', () => {
    for (const [region, id] of Object.entries(corpus.regions)) expect(packForRegion(region).id, region).to.equal(id);
  });
});
