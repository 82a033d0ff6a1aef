import Geometry

/// Lakes over the land (Natural Earth 10m), in the sea's colour, with their names where they have
/// room; only on a map whose frame reaches one. The data has their names in Latin script only.
enum LakesElement {
    static func shapes(_ areas: [(SceneArea, [Polygon])], options: MapOptions, p: String) -> AreaShapes {
        AreaShapes(areas, attributes: { [("class", "\(p)lake"), ("data-lake", $0.name)] },
                   label: { NameLabel(latin: $0.name, local: nil, options: options) })
    }

    /// Lake names, in italics, where a lake has more room than 22 px and the name fits; unnamed
    /// lakes get none.
    static func labels(_ shapes: AreaShapes, options: MapOptions, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        var named = shapes
        named.labelCandidates.removeAll { $0.name.lines.allSatisfy(\.isEmpty) }
        return named.labels(minimumRoom: 22, cls: "\(p)lake-label \(p)halo-text",
                            width: { TextMetrics.width($0, size: 10.5, bold: false) + 2 }, height: 13, ascent: 10,
                            options: options, p: p, placer: &placer)
    }
}
