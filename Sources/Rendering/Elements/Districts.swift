import Geometry

/// The districts layer of a district choropleth (`--aggregate admin2`): thin boundaries, each
/// district with incidents filled by its class and named with its count.
enum DistrictsElement {
    /// A district with incidents carries its class, `data-district` and `data-count`; the others
    /// only their boundary.
    static func shapes(_ areas: [(SceneArea, [Polygon])], choropleth: Choropleth?, options: MapOptions, p: String) -> AreaShapes {
        AreaShapes(areas,
                   attributes: { area in
                       guard let c = choropleth, let count = c.counts[area.id], let k = c.classIndex(count) else {
                           return [("class", "\(p)district"), ("data-district", area.id)]
                       }
                       return [("class", "\(p)district \(p)choropleth-\(k)"), ("data-district", area.id), ("data-count", String(count))]
                   },
                   label: { area in
                       guard let count = choropleth?.counts[area.id] else { return NameLabel(latin: "", local: nil, options: options) }
                       let n = options.language.digits(NumberFormat.grouped(count))
                       return NameLabel(latin: area.name, local: area.localName, options: options) { "\($0) \(n)" }
                   })
    }

    /// Names of the districts with incidents, where one has room (more than 20 px) and the name fits.
    static func labels(_ shapes: AreaShapes, options: MapOptions, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        var named = shapes
        named.labelCandidates = shapes.labelCandidates.filter { !$0.name.lines.joined().isEmpty }
        return named.labels(minimumRoom: 20, cls: "\(p)district-label \(p)halo-text",
                            width: { TextMetrics.width($0, size: 9.5) + Double($0.count) * 0.3 },
                            height: 12, ascent: 9, options: options, p: p, placer: &placer)
    }
}
