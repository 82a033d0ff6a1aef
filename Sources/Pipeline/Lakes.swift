import Foundation
import Gazetteer
import Geometry
import Rendering

/// The lakes the map draws (`Gazetteer/data/lakes.geojson`, Natural Earth 10m, built by
/// `Gazetteer/build_terrain.sh`).
enum Lakes {
    /// The lakes, read once per process; none when the terrain data was not built (the map is
    /// then drawn as before, without lakes).
    static let areas: [SceneArea] = {
        guard let url = DataDirectory.locate()?.appendingPathComponent("lakes.geojson"),
              let data = try? Data(contentsOf: url, options: .alwaysMapped),
              let features = try? GeoJSONReader.features(from: data) else { return [] }
        return features.enumerated().map { i, f in
            var name = ""
            if case .string(let s)? = f.properties["name"] { name = s }
            return SceneArea(id: "lake-\(i + 1)", name: name, geometry: f.geometry)
        }
    }()

    /// Starts reading the lakes on another thread, so that a map's run reads its incidents meanwhile.
    static func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { _ = areas }
    }
}
