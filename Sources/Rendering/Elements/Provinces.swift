import Geometry

/// The provinces layer: first-level boundaries and names.
enum ProvincesElement {
    static func shapes(_ areas: [(SceneArea, [Polygon])], p: String) -> AreaShapes {
        AreaShapes(areas,
                       attributes: { [("class", "\(p)province"), ("data-province", $0.id)] },
                       label: { $0.name })
    }

    /// Province names where a province has room (more than 25 px) and the name fits.
    static func labels(_ shapes: AreaShapes, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        shapes.labels(minimumRoom: 25, cls: "\(p)province-label \(p)halo-text",
                      width: { TextMetrics.width($0, size: 10.5) + Double($0.count) * 0.5 },
                      height: 13, ascent: 10, placer: &placer)
    }
}
