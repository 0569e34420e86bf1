/** Converts Ordnance Survey National Grid eastings/northings to WGS84 latitude/longitude (OS "A guide to coordinate systems in Great Britain"), for Code-Point Open files. */

const AIRY_1830 = { a: 6377563.396, b: 6356256.909 };
const WGS84 = { a: 6378137.0, b: 6356752.3142 };
const F0 = 0.9996012717;
const LAT0 = (49 * Math.PI) / 180;
const LON0 = (-2 * Math.PI) / 180;
const N0 = -100000;
const E0 = 400000;
/** OSGB36 → WGS84 Helmert parameters: metres, parts per million, arc-seconds. */
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, s: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** Inverse Transverse Mercator on the Airy 1830 ellipsoid: grid → OSGB36 latitude/longitude in radians. */
export function gridToOsgb36(easting: number, northing: number): { phi: number; lambda: number } {
  const { a, b } = AIRY_1830;
  const e2 = 1 - (b * b) / (a * a);
  const n = (a - b) / (a + b);
  const meridionalArc = (phi: number) =>
    b *
    F0 *
    ((1 + n + (5 / 4) * n ** 2 + (5 / 4) * n ** 3) * (phi - LAT0) -
      (3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(phi - LAT0) * Math.cos(phi + LAT0) +
      ((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * (phi - LAT0)) * Math.cos(2 * (phi + LAT0)) -
      (35 / 24) * n ** 3 * Math.sin(3 * (phi - LAT0)) * Math.cos(3 * (phi + LAT0)));
  let phi = LAT0;
  let M = 0;
  do {
    phi = (northing - N0 - M) / (a * F0) + phi;
    M = meridionalArc(phi);
  } while (Math.abs(northing - N0 - M) >= 0.00001);
  const sinPhi = Math.sin(phi);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sinPhi ** 2);
  const rho = (a * F0 * (1 - e2)) / (1 - e2 * sinPhi ** 2) ** 1.5;
  const eta2 = nu / rho - 1;
  const tan = Math.tan(phi);
  const sec = 1 / Math.cos(phi);
  const dE = easting - E0;
  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * tan ** 2 + eta2 - 9 * tan ** 2 * eta2);
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * tan ** 2 + 45 * tan ** 4);
  const X = sec / nu;
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * tan ** 2);
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * tan ** 2 + 24 * tan ** 4);
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * tan ** 2 + 1320 * tan ** 4 + 720 * tan ** 6);
  return {
    phi: phi - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6,
    lambda: LON0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7,
  };
}

function toCartesian(phi: number, lambda: number, { a, b }: { a: number; b: number }) {
  const e2 = 1 - (b * b) / (a * a);
  const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return { x: nu * Math.cos(phi) * Math.cos(lambda), y: nu * Math.cos(phi) * Math.sin(lambda), z: (1 - e2) * nu * Math.sin(phi) };
}

function fromCartesian({ x, y, z }: { x: number; y: number; z: number }, { a, b }: { a: number; b: number }) {
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.sqrt(x * x + y * y);
  let phi = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i += 1) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    phi = Math.atan2(z + e2 * nu * Math.sin(phi), p);
  }
  return { phi, lambda: Math.atan2(y, x) };
}

/** Grid eastings/northings (EPSG:27700) → WGS84 degrees, accurate to a few metres (Helmert, not OSTN15). */
export function gridToWgs84(easting: number, northing: number): LatLon {
  const { phi, lambda } = gridToOsgb36(easting, northing);
  const { x, y, z } = toCartesian(phi, lambda, AIRY_1830);
  const { tx, ty, tz, s, rx, ry, rz } = HELMERT;
  const scale = 1 + s / 1e6;
  const [rX, rY, rZ] = [rx, ry, rz].map((seconds) => ((seconds / 3600) * Math.PI) / 180) as [number, number, number];
  const wgs = {
    x: tx + scale * x - rZ * y + rY * z,
    y: ty + rZ * x + scale * y - rX * z,
    z: tz - rY * x + rX * y + scale * z,
  };
  const result = fromCartesian(wgs, WGS84);
  return { latitude: (result.phi * 180) / Math.PI, longitude: (result.lambda * 180) / Math.PI };
}
