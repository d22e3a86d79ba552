// azx/coverage-map: importing it defines <azx-coverage-map>.
import { AzxCoverageMap } from './coverage-map.js';

export { AzxCoverageMap } from './coverage-map.js';
export { METRICS as COVERAGE_METRICS, type MapMetric, type MapMetricKey } from './metrics.js';
export type { TileLayout } from './layout.js';
export type { GeoFeatureCollection, GeoFeature } from './geo.js';

if (!customElements.get('azx-coverage-map')) customElements.define('azx-coverage-map', AzxCoverageMap);

declare global {
  interface HTMLElementTagNameMap {
    'azx-coverage-map': AzxCoverageMap;
  }
}
