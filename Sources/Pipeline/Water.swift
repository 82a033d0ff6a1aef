import Gazetteer
import Geometry
import Rendering

/// The lakes (Natural Earth 10m) and rivers (GSHHG's WDBII) a map draws, read from the compiled
/// gazetteer once the map knows its frame: only those its bounds reach are decoded.
enum Water {
    /// What `MapScene.water` asks for a frame's longitude/latitude bounds.
    static func near(_ gazetteer: Gazetteer) -> @Sendable (BoundingBox) -> (lakes: [SceneArea], rivers: [SceneRiver]) {
        { box in
            let lakes = gazetteer.lakes(near: box).map { SceneArea(id: "lake-\($0.number)", name: $0.name, geometry: $0.geometry) }
            let rivers = gazetteer.rivers(near: box).flatMap { r in
                r.lines.map { SceneRiver(rank: r.rank, intermittent: r.intermittent, line: $0) }
            }
            return (lakes, rivers)
        }
    }
}
