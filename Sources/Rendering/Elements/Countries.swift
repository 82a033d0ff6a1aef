import Geometry

/// The countries layer: land, the focus countries (those with incidents) stronger, and their names.
enum CountriesElement {
    static func shapes(_ areas: [(SceneArea, [Polygon])], options: MapOptions, p: String) -> AreaShapes {
        AreaShapes(areas,
                       attributes: { [("class", "\(p)land" + ($0.focus ? " \(p)focus" : "")), ("data-country", $0.id)] },
                       label: { NameLabel(latin: $0.name, local: $0.localName, options: options) { $0.uppercased() } })
    }

    /// Country names in capitals where a country has room (more than 30 px) and the name fits.
    static func labels(_ shapes: AreaShapes, options: MapOptions, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        shapes.labels(minimumRoom: 30, cls: "\(p)country-label \(p)halo-text",
                      width: { TextMetrics.width($0, size: 17, bold: true) + Double($0.count) * 3 },
                      height: 20, ascent: 15, options: options, p: p, placer: &placer)
    }
}
