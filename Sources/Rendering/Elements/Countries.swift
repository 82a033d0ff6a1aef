import Geometry

/// The countries layer: land, the focus countries (those with incidents) stronger, and their names.
enum CountriesElement {
    static func shapes(_ areas: [(SceneArea, [Polygon])], p: String) -> AreaShapes {
        AreaShapes(areas,
                       attributes: { [("class", "\(p)land" + ($0.focus ? " \(p)focus" : "")), ("data-country", $0.id)] },
                       label: { $0.name.uppercased() })
    }

    /// Country names in capitals where a country has room (more than 30 px) and the name fits.
    static func labels(_ shapes: AreaShapes, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        shapes.labels(minimumRoom: 30, cls: "\(p)country-label \(p)halo-text",
                      width: { TextMetrics.width($0, size: 17, bold: true) + Double($0.count) * 3 },
                      height: 20, ascent: 15, placer: &placer)
    }
}
