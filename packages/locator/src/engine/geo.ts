/** Great-circle distances on the WGS84 mean sphere. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

export interface Point {
  lat: number;
  lon: number;
}

export function haversineKm(a: Point, b: Point): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Lower bound of the distance from a point to anything inside a lat/lon box, used to order shards and to know
 * when no farther shard can hold a nearer place. The clamped point is the closest one up to the bulge of great
 * circles toward the poles, well under 2 % for boxes the size of a département: the 0.98 factor keeps it a bound.
 * (Boxes here never cross the antimeridian.)
 */
export function distanceToBoxKm(point: Point, [minLat, minLon, maxLat, maxLon]: [number, number, number, number]): number {
  const clamped = { lat: Math.min(Math.max(point.lat, minLat), maxLat), lon: Math.min(Math.max(point.lon, minLon), maxLon) };
  return haversineKm(point, clamped) * 0.98;
}
