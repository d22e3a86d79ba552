import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/coverage-map/index.js';
import type { AzxCoverageMap } from '../components/coverage-map/index.js';
import { COVERAGE_METRICS } from '../components/coverage-map/index.js';
import { StoreError, provideStore } from '../components/data/index.js';
import { FixtureRegulatorStore, TOY_GEOJSON, ZHEJIANG_TILES, type FixtureOptions } from '../test/browser/coverage-map/fixture.js';

interface Args {
  lang: 'zh-CN' | 'en';
  region: string;
  metric: string;
  view: 'map' | 'table';
}

/** The element under a fixed regulator's store (Zhejiang's cities, Hangzhou's counties). */
function mount(args: Args, set: Partial<AzxCoverageMap> = {}, opts: FixtureOptions = {}): HTMLElement {
  const host = document.createElement('div');
  provideStore(host, new FixtureRegulatorStore(opts));
  const el = document.createElement('azx-coverage-map');
  Object.assign(el, { lang: args.lang, region: args.region, metric: args.metric, view: args.view, layout: ZHEJIANG_TILES, ...set });
  host.append(el);
  return host;
}

const meta: Meta<Args> = {
  title: 'Elements/azx-coverage-map',
  component: 'azx-coverage-map',
  args: { lang: 'zh-CN', region: '', metric: 'coverageRate', view: 'map' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    metric: { control: 'select', options: COVERAGE_METRICS.map((m) => m.key) },
    view: { control: 'inline-radio', options: ['map', 'table'] },
    region: { control: 'select', options: ['', '330100', '330106'] },
  },
  render: (args) => mount(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The province by city on the tile grid (no borders drawn), coloured by coverage rate. */
export const ProvinceTiles: Story = {};

/** Coloured by a count where more is worse: lapsed renewals. */
export const LapsedRenewals: Story = { args: { metric: 'lapsed' } };

/** A city by county; one county has nobody who must insure (no data). */
export const CityCounties: Story = { args: { region: '330100' } };

/** The portal supplied GeoJSON (here toy squares, not real boundaries): a choropleth. */
export const Choropleth: Story = { render: (args) => mount({ ...args, region: '330100' }, { geojson: TOY_GEOJSON }) };

/** The same figures as a table, for screen readers and CSV export. */
export const TableView: Story = { args: { view: 'table', region: '330100' } };

/** A county: Enter (or the button) lists the enterprises behind the figure. */
export const CountyRecords: Story = {
  args: { region: '330106', metric: 'uninsured' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('azx-coverage-map')!;
    for (let i = 0; i < 50 && !el.figures; i++) await new Promise((r) => setTimeout(r, 50));
    await el.openRecords('330106');
  },
};

/** Waiting for the server. */
export const Loading: Story = { render: (args) => mount(args, {}, { delay: 1e9 }) };

/** A region outside the regulator's scope: the server's reason, in the UI language. */
export const Refused: Story = {
  render: (args) =>
    mount({ ...args, region: '330200' }, {}, {
      refuse: new StoreError({ code: 'forbidden', status: 403, message_zh: '所请求的地区不在本账户辖区内', message_en: "The requested region is outside this account's scope" }),
    }),
};

/** English UI. */
export const English: Story = { args: { lang: 'en' } };
