import Geometry

/// The provinces layer: first-level boundaries and names.
enum ProvincesElement {
    /// On a choropleth a province with incidents is filled by its class and carries its count,
    /// and its name says the count.
    static func shapes(_ areas: [(SceneArea, [Polygon])], choropleth: Choropleth? = nil, options: MapOptions, p: String) -> AreaShapes {
        AreaShapes(areas,
                   attributes: { area in
                       guard let c = choropleth, let count = c.counts[area.id], let k = c.classIndex(count) else {
                           return [("class", "\(p)province"), ("data-province", area.id)]
                       }
                       return [("class", "\(p)province \(p)choropleth-\(k)"), ("data-province", area.id), ("data-count", String(count))]
                   },
                   label: { area in
                       let count = choropleth?.counts[area.id].map { " " + options.language.digits(NumberFormat.grouped($0)) } ?? ""
                       return NameLabel(latin: area.name, local: area.localName, options: options) { $0 + count }
                   })
    }

    /// Province names where a province has room (more than 25 px) and the name fits.
    static func labels(_ shapes: AreaShapes, options: MapOptions, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        shapes.labels(minimumRoom: 25, cls: "\(p)province-label \(p)halo-text",
                      width: { TextMetrics.width($0, size: 10.5) + Double($0.count) * 0.5 },
                      height: 13, ascent: 10, options: options, p: p, placer: &placer)
    }
}
