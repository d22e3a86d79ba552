/**
 * The portal's GeoJSON as SVG paths. AZX ships no boundary data (public maps in China need
 * approved data, 审图号): a portal that has approved boundaries passes them in, and the map
 * draws them itself, with an equirectangular projection scaled by cos(latitude) — plenty for a
 * province or a city, and no map library.
 */

type Position = readonly number[];
type Polygon = readonly (readonly Position[])[];

export interface GeoFeature {
  readonly type: 'Feature';
  readonly properties?: Readonly<Record<string, unknown>> | null;
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: Polygon }
    | { readonly type: 'MultiPolygon'; readonly coordinates: readonly Polygon[] }
    | { readonly type: string; readonly coordinates?: unknown }
    | null;
}

export interface GeoFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: readonly GeoFeature[];
}

export interface ShapePath {
  readonly code: string;
  readonly d: string;
  /** Where a label or the tooltip anchors (the centre of the shape's bounding box). */
  readonly cx: number;
  readonly cy: number;
}

/** The GB/T 2260 code a feature names (`code`, `adcode` or `region_code`, number or string). */
export function featureCode(f: GeoFeature): string {
  const p = f.properties ?? {};
  for (const k of ['code', 'adcode', 'region_code']) {
    const v = p[k];
    if (typeof v === 'string' && /^\d{6}$/.test(v)) return v;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 100000 && v <= 999999) return String(v);
  }
  return '';
}

function polygons(f: GeoFeature): readonly Polygon[] {
  const g = f.geometry;
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return [g.coordinates as Polygon];
  if (g.type === 'MultiPolygon') return g.coordinates as readonly Polygon[];
  return [];
}

function finite(p: Position): boolean {
  return p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/**
 * Paths of the features whose code is in `codes`, fitted into a width × height box. Features
 * without a known code, or with malformed coordinates, are left out rather than drawn wrong.
 */
export function project(geo: GeoFeatureCollection | undefined, codes: ReadonlySet<string>, width: number, height: number): ShapePath[] {
  if (!geo || !Array.isArray(geo.features)) return [];
  const chosen = geo.features.filter((f) => codes.has(featureCode(f)));
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const f of chosen)
    for (const poly of polygons(f))
      for (const ring of poly)
        for (const p of ring) {
          if (!finite(p)) continue;
          minX = Math.min(minX, p[0]!);
          maxX = Math.max(maxX, p[0]!);
          minY = Math.min(minY, p[1]!);
          maxY = Math.max(maxY, p[1]!);
        }
  if (!Number.isFinite(minX)) return [];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min(width / spanX, height / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  const x = (lon: number) => offX + (lon - minX) * k * scale;
  const y = (lat: number) => offY + (maxY - lat) * scale;
  const r = (n: number) => Math.round(n * 10) / 10;
  const out: ShapePath[] = [];
  for (const f of chosen) {
    let d = '';
    let bx0 = Infinity;
    let bx1 = -Infinity;
    let by0 = Infinity;
    let by1 = -Infinity;
    for (const poly of polygons(f))
      for (const ring of poly) {
        const pts = ring.filter(finite);
        if (pts.length < 3) continue;
        d += pts.map((p, i) => `${i ? 'L' : 'M'}${r(x(p[0]!))} ${r(y(p[1]!))}`).join('') + 'Z';
        for (const p of pts) {
          bx0 = Math.min(bx0, x(p[0]!));
          bx1 = Math.max(bx1, x(p[0]!));
          by0 = Math.min(by0, y(p[1]!));
          by1 = Math.max(by1, y(p[1]!));
        }
      }
    if (d) out.push({ code: featureCode(f), d, cx: r((bx0 + bx1) / 2), cy: r((by0 + by1) / 2) });
  }
  return out;
}
