// The regulator's coverage map: its region by city or county on a tile grid (the portal ships
// no boundary data), drill-down to the enterprises behind each figure.
import '../../components/coverage-map/index.js';
import type { TileLayout } from '../../components/coverage-map/index.js';
import type { PortalSection } from './section.js';

/** Zhejiang's cities roughly as they lie, north at the top: the portal's configuration. */
const ZHEJIANG_TILES: TileLayout = {
  '330500': { row: 1, col: 2 }, '330400': { row: 1, col: 3 },
  '330100': { row: 2, col: 2 }, '330600': { row: 2, col: 3 }, '330200': { row: 2, col: 4 }, '330900': { row: 2, col: 5 },
  '330800': { row: 3, col: 1 }, '330700': { row: 3, col: 2 }, '331000': { row: 3, col: 4 },
  '331100': { row: 4, col: 2 }, '330300': { row: 4, col: 3 },
};

export const coverageMapSection: PortalSection = {
  id: 'coverage-map',
  title: { zh: '覆盖情况', en: 'Coverage' },
  intro: { zh: '应保企业参保情况，按市、县查看，点开数字看明细。', en: 'Who must insure and who has, by city and county; open a figure for its list.' },
  roles: ['regulator'],
  mount(host, { store, locale }) {
    const map = document.createElement('azx-coverage-map');
    map.id = 'coverage-map-element';
    map.lang = locale;
    map.store = store;
    map.layout = ZHEJIANG_TILES;
    host.append(map);
  },
};
