/** What the SVG map is drawn on (decision 0059): the coastline, and each commissioner's approximate area as a translucent shape. */
import { coastline, type Coastline } from './coastline.ts';
import type { ApproximateArea } from './map-areas.rules.ts';
import { clipRing, doubleArea, svgPath } from './map-geometry.rules.ts';
import { bandFor, MAP_HEIGHT, MAP_WIDTH, projectAnywhere } from './map-projection.presenter.ts';
import { type MapCommissioner, servicesOfferedBy } from './map.rules.ts';

export interface AreaShape {
  path: string;
  fill: string;
  stroke: string;
  title: string;
}

/** "Approximate area of Calderdale, drawn around its 24 GP practices", or "around 23 of its 24 GP practices" when one lies far from the rest. */
export function areaTitle(name: string, area: Pick<ApproximateArea, 'practices' | 'located'>): string {
  const around = area.practices === area.located ? `its ${area.practices}` : `${area.practices} of its ${area.located}`;
  return `Approximate area of ${name}, drawn around ${around} GP practices`;
}

/** The shapes to draw, largest first so smaller areas stay visible on top, each in its commissioner's key colour. */
export function areaShapes(commissioners: readonly MapCommissioner[], areas: ReadonlyMap<string, ApproximateArea>): AreaShape[] {
  const view = { minX: 0, minY: 0, maxX: MAP_WIDTH, maxY: MAP_HEIGHT };
  const shapes = commissioners.flatMap((commissioner) => {
    const area = areas.get(commissioner.id);
    if (!area) return [];
    const ring = clipRing(
      area.outline.map((corner) => projectAnywhere(corner.latitude, corner.longitude)),
      view,
    );
    const size = Math.abs(doubleArea(ring));
    if (size === 0) return [];
    const band = bandFor(servicesOfferedBy(commissioner).length);
    return [{ size, path: svgPath([ring]), fill: band.fill, stroke: band.stroke, title: areaTitle(commissioner.name, area) }];
  });
  return shapes.sort((a, b) => b.size - a.size).map(({ size: _size, ...shape }) => shape);
}

/** The land and the areas for the map page. */
export function mapLand(
  commissioners: readonly MapCommissioner[],
  areas: ReadonlyMap<string, ApproximateArea>,
): { coastline: Coastline; areas: AreaShape[] } {
  return { coastline: coastline(), areas: areaShapes(commissioners, areas) };
}
