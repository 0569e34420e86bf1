/** Plane geometry for the SVG map (decision 0059): the hull that approximates a commissioner's area, simplifying and clipping outlines, and SVG path text. */

export interface Point {
  x: number;
  y: number;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** The convex hull of the points (Andrew's monotone chain), anticlockwise on screen without repeating the first point; fewer than 3 distinct points give what there is. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...new Map(points.map((point) => [`${point.x},${point.y}`, point])).values()].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const half = (ordered: Point[]) => {
    const chain: Point[] = [];
    for (const point of ordered) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, point) <= 0) chain.pop();
      chain.push(point);
    }
    return chain.slice(0, -1);
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

/** Twice the signed area of a ring; zero for a line or a point, so a hull that encloses nothing can be left out. */
export function doubleArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length; index += 1) {
    const a = ring[index]!;
    const b = ring[(index + 1) % ring.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length));
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
}

/** Douglas–Peucker: drops points closer than `tolerance` to the line kept, so a coastline stays light without changing shape at the drawn scale. */
export function simplify(line: readonly Point[], tolerance: number): Point[] {
  if (line.length <= 2) return [...line];
  const keep = new Array<boolean>(line.length).fill(false);
  keep[0] = keep[line.length - 1] = true;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const candidate = distanceToSegment(line[index]!, line[first]!, line[last]!);
      if (candidate > distance) [farthest, distance] = [index, candidate];
    }
    if (farthest < 0) continue;
    keep[farthest] = true;
    stack.push([first, farthest], [farthest, last]);
  }
  return line.filter((_point, index) => keep[index]);
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Sutherland–Hodgman against each side of the box: a filled ring cut to what the map shows (empty when it lies outside). */
export function clipRing(ring: readonly Point[], box: Box): Point[] {
  const edges: { inside: (p: Point) => boolean; cut: (a: Point, b: Point) => Point }[] = [
    { inside: (p) => p.x >= box.minX, cut: (a, b) => atX(a, b, box.minX) },
    { inside: (p) => p.x <= box.maxX, cut: (a, b) => atX(a, b, box.maxX) },
    { inside: (p) => p.y >= box.minY, cut: (a, b) => atY(a, b, box.minY) },
    { inside: (p) => p.y <= box.maxY, cut: (a, b) => atY(a, b, box.maxY) },
  ];
  let output = [...ring];
  for (const edge of edges) {
    const input = output;
    output = [];
    input.forEach((current, index) => {
      const previous = input[(index + input.length - 1) % input.length]!;
      if (edge.inside(current)) {
        if (!edge.inside(previous)) output.push(edge.cut(previous, current));
        output.push(current);
      } else if (edge.inside(previous)) output.push(edge.cut(previous, current));
    });
  }
  return output;
}

const atX = (a: Point, b: Point, x: number): Point => ({ x, y: a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x) });
const atY = (a: Point, b: Point, y: number): Point => ({ x: a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y), y });

/** "M1.5 2L3 4Z" for each ring, coordinates to a tenth of a pixel: the shortest text an SVG path accepts. */
export function svgPath(rings: readonly (readonly Point[])[]): string {
  const number = (value: number) => String(Math.round(value * 10) / 10);
  return rings
    .filter((ring) => ring.length >= 3)
    .map((ring) => `M${ring.map((point) => `${number(point.x)} ${number(point.y)}`).join('L')}Z`)
    .join('');
}
