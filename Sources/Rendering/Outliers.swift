import Foundation
import Geometry
import Projection

/// Which incidents are the map's core and which few lie so far from it that fitting the frame to
/// them would make a continent of a province (200 incidents in Balochistan and one in London).
///
/// The rule, from the data only: around a robust centre (the count-weighted median longitude,
/// taken the short way across the antimeridian, and median latitude), `d90` is the geodesic
/// distance within which 90% of the incidents lie. An incident is an outlier when it lies
/// farther than `max(3 × d90, 300 km)`, provided the outliers together are few: at most 5% of
/// the incidents and at most 8 markers. Otherwise, or when the user chose the CRS or the extent,
/// there are none. So a map of fewer than 20 incidents never has any, nor has a map of incidents
/// spread over the world (d90 is then a continent, and nothing lies three times as far).
public enum Outliers {
    static let factor = 3.0, floorMetres = 300_000.0
    static let maximumShare = 0.05, maximumMarkers = 8

    /// Indices into `scene.incidents` of the outliers, ascending; empty when there are none.
    static func indices(scene: MapScene, options: MapOptions) -> [Int] {
        indices(locations: scene.incidents.map(\.location), counts: scene.incidents.map(\.count), options: options)
    }

    /// Indices of the outliers among markers at `locations` standing for `counts` incidents each
    /// (a count below 1 counts as 1), ascending; empty when there are none.
    public static func indices(locations: [LonLat], counts: [Int], options: MapOptions) -> [Int] {
        guard options.crs == nil, options.bbox == nil, locations.count > 1 else { return [] }
        let weights = counts.map { Double(max(1, $0)) }
        let total = weights.reduce(0, +)
        // Too few incidents for even one to be 5% of them or less: nothing can be an outlier.
        guard weights.min()! <= maximumShare * total else { return [] }
        let centre = robustCentre(locations, weights: weights)
        let distances = locations.map {
            Geodesic.wgs84.distance(lon1: centre.lon, lat1: centre.lat, lon2: $0.lon, lat2: $0.lat)
        }
        let d90 = weightedQuantile(distances, weights: weights, 0.9)
        let limit = max(factor * d90, floorMetres)
        let far = locations.indices.filter { distances[$0] > limit }
        guard !far.isEmpty, far.count <= maximumMarkers, far.map({ weights[$0] }).reduce(0, +) <= maximumShare * total else { return [] }
        return far
    }

    /// `scene` with its outliers left out: what the frame, the CRS centre and the world-map
    /// decision are made of.
    static func core(_ scene: MapScene, outliers: [Int]) -> MapScene {
        guard !outliers.isEmpty else { return scene }
        let out = Set(outliers)
        var core = scene
        core.incidents = scene.incidents.indices.filter { !out.contains($0) }.map { scene.incidents[$0] }
        return core
    }

    /// The count-weighted median latitude and longitude; longitudes are unwrapped at the widest
    /// gap between them, so that incidents on both sides of the antimeridian have their median
    /// near it, not on the far side of the globe.
    static func robustCentre(_ points: [LonLat], weights: [Double]) -> LonLat {
        let order = points.indices.sorted { points[$0].lon < points[$1].lon }
        var cut = order[0], widest = points[order[0]].lon + 360 - points[order.last!].lon
        for k in 1..<order.count where points[order[k]].lon - points[order[k - 1]].lon > widest {
            widest = points[order[k]].lon - points[order[k - 1]].lon
            cut = order[k]
        }
        // East of the gap's western side, longitudes run on past 180°.
        let start = points[cut].lon
        let lons = points.map { $0.lon < start ? $0.lon + 360 : $0.lon }
        var lon = weightedQuantile(lons, weights: weights, 0.5)
        if lon >= 180 { lon -= 360 }
        return LonLat(lon: lon, lat: weightedQuantile(points.map(\.lat), weights: weights, 0.5))
    }

    /// The smallest value below or at which at least `q` of the weight lies.
    static func weightedQuantile(_ values: [Double], weights: [Double], _ q: Double) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] }
        let target = q * weights.reduce(0, +)
        var sum = 0.0
        for i in order {
            sum += weights[i]
            if sum >= target { return values[i] }
        }
        return values[order.last!]
    }
}
