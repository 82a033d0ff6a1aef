import Foundation
import Gazetteer
import Geometry
import Rendering

/// The rivers the map draws (`Gazetteer/data/rivers.geojson`, GSHHG's WDBII river lines, built by
/// `Gazetteer/build_rivers.sh`).
enum Rivers {
    /// The rivers, read once per process; none when the river data was not built (the map is then
    /// drawn as before, without rivers).
    static let lines: [SceneRiver] = {
        guard let url = DataDirectory.locate()?.appendingPathComponent("rivers.geojson"),
              let data = try? Data(contentsOf: url, options: .alwaysMapped),
              let features = try? GeoJSONReader.features(from: data) else { return [] }
        return features.flatMap { f -> [SceneRiver] in
            var rank = 0, intermittent = false
            if case .number(let n)? = f.properties["class"] { rank = Int(n) }
            if case .bool(let b)? = f.properties["intermittent"] { intermittent = b }
            return f.geometry.lines.map { SceneRiver(rank: rank, intermittent: intermittent, line: $0) }
        }
    }()

    /// Starts reading the rivers on another thread, so that a map's run reads its incidents meanwhile.
    static func prefetch() {
        DispatchQueue.global(qos: .userInitiated).async { _ = lines }
    }
}
