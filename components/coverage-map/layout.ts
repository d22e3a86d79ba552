/**
 * The tile grid: one square per region at a row and column the portal configures (a
 * cartogram-like arrangement, no borders drawn). Regions the layout does not place follow in
 * rows below, in code order, so a partial layout still shows every region.
 */

/** Tile positions by region code; rows and columns count from 1. */
export type TileLayout = Readonly<Record<string, { readonly row: number; readonly col: number }>>;

export interface PlacedTile {
  readonly code: string;
  readonly row: number;
  readonly col: number;
}

export function placeTiles(codes: readonly string[], layout: TileLayout = {}): PlacedTile[] {
  const placed: PlacedTile[] = [];
  const taken = new Set<string>();
  let maxRow = 0;
  let maxCol = 0;
  const rest: string[] = [];
  for (const code of codes) {
    const p = layout[code];
    const ok = p && Number.isInteger(p.row) && Number.isInteger(p.col) && p.row > 0 && p.col > 0 && !taken.has(`${p.row}:${p.col}`);
    if (ok) {
      placed.push({ code, row: p.row, col: p.col });
      taken.add(`${p.row}:${p.col}`);
      maxRow = Math.max(maxRow, p.row);
      maxCol = Math.max(maxCol, p.col);
    } else rest.push(code);
  }
  const width = maxCol || Math.max(1, Math.ceil(Math.sqrt(rest.length * 1.5)));
  rest.forEach((code, i) => placed.push({ code, row: maxRow + 1 + Math.floor(i / width), col: 1 + (i % width) }));
  return placed;
}

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/**
 * The tile an arrow key moves to: the nearest tile in that direction (distance along the
 * direction first, then across it), or the same tile at an edge.
 */
export function neighbour(tiles: readonly PlacedTile[], from: string, dir: Direction): string {
  const a = tiles.find((t) => t.code === from);
  if (!a) return tiles[0]?.code ?? from;
  const [dr, dc] = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[dir];
  let best: PlacedTile | undefined;
  let bestScore = Infinity;
  for (const t of tiles) {
    const along = (t.row - a.row) * dr + (t.col - a.col) * dc;
    if (along <= 0) continue;
    const across = Math.abs(dr ? t.col - a.col : t.row - a.row);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = t;
    }
  }
  return best?.code ?? from;
}

/** Geometric neighbour for shapes (choropleth): by their anchor points. */
export function neighbourByPoint(points: readonly { code: string; cx: number; cy: number }[], from: string, dir: Direction): string {
  const a = points.find((p) => p.code === from);
  if (!a) return points[0]?.code ?? from;
  const [dx, dy] = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] }[dir];
  let best: string = from;
  let bestScore = Infinity;
  for (const p of points) {
    const along = (p.cx - a.cx) * dx + (p.cy - a.cy) * dy;
    if (along <= 0) continue;
    const across = Math.abs(dx ? p.cy - a.cy : p.cx - a.cx);
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = p.code;
    }
  }
  return best;
}
