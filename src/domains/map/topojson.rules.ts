/** Reads polygons out of a TopoJSON topology (the format world-atlas ships Natural Earth in), without a client library: arcs delta-decoded and joined into rings. */

export interface Topology {
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: string; geometries: TopologyGeometry[] }>;
}

export interface TopologyGeometry {
  type: string;
  arcs?: number[][] | number[][][];
  properties?: { name?: string };
}

/** A position in degrees: longitude then latitude, as GeoJSON orders them. */
export type LonLat = [number, number];

/** Every arc as absolute positions in degrees (quantized topologies store each position as the change from the one before). */
export function decodeArcs(topology: Topology): LonLat[][] {
  const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (topology.transform) [x, y] = [x + dx, y + dy];
      else [x, y] = [dx, dy];
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]] as LonLat;
    });
  });
}

/** A ring from arc indices: a negative index ~i is arc i reversed; each arc after the first repeats the point the last one ended on. */
export function ringOf(arcIndices: readonly number[], arcs: readonly LonLat[][]): LonLat[] {
  const ring: LonLat[] = [];
  arcIndices.forEach((index, position) => {
    const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
    ring.push(...(position === 0 ? arc : arc.slice(1)));
  });
  return ring;
}

/** The outer and inner rings of every polygon of the geometries in `objectName` that pass `wanted`, from arcs decoded once. */
export function polygonRings(
  topology: Topology,
  arcs: readonly LonLat[][],
  objectName: string,
  wanted: (geometry: TopologyGeometry) => boolean,
): LonLat[][] {
  const geometries = topology.objects[objectName]?.geometries ?? [];
  return geometries.filter(wanted).flatMap((geometry) => {
    if (geometry.type === 'Polygon') return (geometry.arcs as number[][]).map((ring) => ringOf(ring, arcs));
    if (geometry.type === 'MultiPolygon')
      return (geometry.arcs as number[][][]).flatMap((polygon) => polygon.map((ring) => ringOf(ring, arcs)));
    return [];
  });
}
