import Foundation
import Geometry
import Projection

/// Draws a `MapScene` as a cartographic SVG map: countries, provinces,
/// international borders, towns, incident markers with labels, uncertainty
/// halos and strike arrows, a legend, a geodesic scale bar, a north arrow,
/// a title block, a numbered key of the incidents with their claims, and the
/// attribution. The output is a tree of `SVGNode`s written by one escaping
/// serializer; coordinates have one decimal, so output is deterministic.
public enum MapRenderer {
    /// The scale (px of radius per square root of one incident) the scene's markers take when
    /// drawn alone with `options`, from its largest marker and its crowding; nil without markers.
    static func markerScale(_ scene: MapScene, options: MapOptions) throws -> Double? {
        let frame = try MapFrame(scene: scene, options: options)
        let markers = try IncidentsElement(scene, options: options, frame: frame)
        return markers.groups.isEmpty ? nil : markers.layout.scale
    }

    /// Renders `scene`.
    /// - Throws: `ProjectionError` when PROJ rejects the CRS or cannot project the incidents.
    public static func render(_ scene: MapScene, options: MapOptions = MapOptions()) throws -> RenderedMap {
        var scene = scene
        let world = worldCRSName(scene, options: options)
        let local = world == nil ? nil : worldCRSName(scene, options: options, language: options.language)
        if let local {
            // The attribution names the projection actually drawn.
            let line = AttributionText.projection.text(in: options.language, ["crs": .text(local)])
            scene.attribution = scene.attribution.map { isProjectionLine($0, options.language) ? line : $0 }
        }
        if !options.panel { scene.attribution = attribution(scene.attribution, options: options) }
        var map = try MapBuilder(scene: scene, options: options).build()
        map.crsName = local ?? world
        return map
    }

    /// The attribution lines with the credit of what the options add to the map (the relief),
    /// beside the data credits, before the projection line.
    static func attribution(_ lines: [String], options: MapOptions) -> [String] {
        options.relief == nil ? lines : credit(ReliefRaster.credit(options.language), in: lines, language: options.language)
    }

    /// `lines` with `credit` inserted before the projection line.
    static func credit(_ credit: String, in lines: [String], language: MapLanguage) -> [String] {
        var lines = lines
        lines.insert(credit, at: lines.firstIndex { isProjectionLine($0, language) } ?? lines.count)
        return lines
    }

    /// The credits the names of the drawn towns and of the incidents (each in the key) ask for, once each.
    static func nameCredits(_ scene: MapScene, drawnTowns: [ScenePlace]) -> [String] {
        var lines: [String] = []
        for line in drawnTowns.compactMap(\.nameCredit) + scene.incidents.compactMap(\.nameCredit) where !lines.contains(line) {
            lines.append(line)
        }
        return lines
    }

    /// Whether `line` is the attribution's projection line ("Projection: …") in `language`: it
    /// begins as that line does before the projection's name.
    static func isProjectionLine(_ line: String, _ language: MapLanguage) -> Bool {
        let marked = AttributionText.projection.text(in: language, ["crs": "\u{1}"])
        return marked.firstIndex(of: "\u{1}").map { line.hasPrefix(marked[..<$0]) } ?? false
    }

    /// The name of the world projection the default CRS becomes for incidents spread over a
    /// hemisphere or more (see `MapFrame.worldCentre`), else nil.
    static func worldCRSName(_ fullScene: MapScene, options: MapOptions, language: MapLanguage = .en) -> String? {
        let scene = Outliers.core(fullScene, outliers: Outliers.indices(scene: fullScene, options: options))
        guard options.crs == nil,
              let lon0 = MapFrame.worldCentre(scene: scene, options: options, center: MapFrame.dataCenter(scene: scene, options: options)) else { return nil }
        let meridian = lon0 == 0 ? language.digits("0") + "°" : GeoText.degrees(lon0, decimals: 0, latitude: false, in: language)
        return AttributionText.worldCRS.text(in: language, ["meridian": .text(meridian)])
    }

    /// The CRS a map of `scene` is drawn in (see `MapFrame.crs`), for a caller that groups
    /// incidents in the map's plane before drawing it.
    public static func crs(of scene: MapScene, options: MapOptions) -> String {
        MapFrame.crs(scene: scene, options: options).crs
    }

    /// The CRS `render` would choose for markers at `locations` standing for `counts` incidents
    /// each, on a map of `scene`'s borders: as `crs(of:options:)`, without a scene of markers.
    public static func crs(locations: [LonLat], counts: [Int], of scene: MapScene, options: MapOptions) -> String {
        MapFrame.crs(locations: locations, counts: counts, borders: scene.borders, options: options).crs
    }

    /// The default map CRS for data centred on `center`: an azimuthal
    /// equidistant projection on WGS84 (distances from the centre are true).
    public static func defaultCRS(center: LonLat) -> String {
        "+proj=aeqd +lat_0=\(NumberFormat.fixed(center.lat, 2)) +lon_0=\(NumberFormat.fixed(center.lon, 2)) +datum=WGS84 +units=m +no_defs +type=crs"
    }
}

/// Composes the map from its frame and one element per layer (see `Elements/`).
struct MapBuilder {
    /// The widest frame (ground distance across its middle, metres) on which provinces are drawn.
    static let provincesUpToMetres = 4_000_000.0
    let scene: MapScene
    let options: MapOptions
    let frame: MapFrame
    /// Id and class prefix.
    let p: String

    init(scene: MapScene, options: MapOptions) throws {
        self.scene = scene
        self.options = options
        frame = try MapFrame(scene: scene, options: options)
        p = SVGDraw.sanitizePrefix(options.idPrefix)
    }

    func build() throws -> RenderedMap {
        var placer = LabelPlacer(bounds: frame.labelBounds)
        // Basemap.
        // Countries and provinces go through one pipeline, so their shared edges stay one line.
        // Provinces only while they can be told apart: on a frame wider than 4,000 km (a continent,
        // the world) their boundaries are noise over the countries, unless they carry a choropleth.
        let provinces = scene.choropleth != nil || frame.groundWidth <= MapBuilder.provincesUpToMetres ? scene.provinces : []
        // Districts (a district choropleth) in the same pipeline, so they share the provinces' edges.
        let water = scene.water?(frame.reach) ?? (lakes: scene.lakes, rivers: scene.rivers)
        let areas = try AreaShapes.clipped([scene.countries, provinces, scene.districts], frame: frame)
            // Lakes share no edge with the areas in the data: simplified on their own, so that their
            // vertices cannot split the areas' shared boundaries differently.
            + AreaShapes.clipped([water.lakes], frame: frame)
        let countries = CountriesElement.shapes(areas[0], options: options, p: p)
        let byDistrict = scene.choropleth?.unit == .district
        let provinceShapes = ProvincesElement.shapes(areas[1], choropleth: byDistrict ? nil : scene.choropleth, options: options, p: p)
        let districtShapes = DistrictsElement.shapes(areas[2], choropleth: byDistrict ? scene.choropleth : nil, options: options, p: p)
        let lakeShapes = LakesElement.shapes(areas[3], options: options, p: p)
        // The shaded provinces or districts, as boxes on the map: the legend keeps off them.
        let shaded: [BoundingBox] = scene.choropleth.map { c in
            areas[byDistrict ? 2 : 1].compactMap { area, polygons in c.counts[area.id] != nil ? Geometry.multiPolygon(polygons).bounds : nil }
        } ?? []
        let borders = BordersElement.build(scene, frame: frame, language: options.language, p: p)
        let rivers = RiversElement.build(water.rivers, frame: frame, p: p)
        let relief = try options.relief.flatMap { try ReliefElement.build($0, frame: frame, theme: options.theme, p: p) }
        // Fixed furniture first, so labels keep clear of it; the markers are laid out first, so
        // that the legend can show their sizes and keep off them. The legend keeps room for a
        // capital row when a capital lies in the frame; the row is dropped below if none could be
        // drawn (the smaller panel, in the same corner, lies inside the room kept).
        var incidents = try IncidentsElement(scene, options: options, frame: frame)
        let candidates = PlacesElement.inFrame(scene, frame: frame)
        let capitalInFrame = candidates.contains(where: \.capital)
        // A panel of small multiples shares the legend, scale and locator drawn beside the panels.
        let furnished = !options.panel
        func legendPanel(capital: Bool, corner: Int? = nil, under top: Double? = nil) -> (node: SVGNode, box: BoundingBox, corner: Int) {
            LegendElement.build(scene, options: options, frame: frame, markers: incidents, drawsBorders: (borders.plain, borders.emphasis),
                                drawsDisputed: borders.disputed,
                                drawsProvinces: !provinceShapes.nodes.isEmpty, drawsDistricts: !districtShapes.nodes.isEmpty,
                                rivers: (!rivers.nodes.isEmpty, rivers.intermittent), drawsCapital: capital, corner: corner, under: top, shaded: shaded, p: p)
        }
        var legend = legendPanel(capital: capitalInFrame)
        // The legend never hides an incident: where the panel would cover one in every corner of
        // the frame (a small map, or markers all over it), it goes below the frame, before the
        // timeline and the key, and the SVG grows by its height.
        let legendTop: Double? = furnished && MarkerGroup.incidents(under: legend.box, incidents.groups) + LegendElement.hidden(under: legend.box, shaded) > 0
            ? frame.frame.maxY + 10 : nil
        if let legendTop { legend = legendPanel(capital: capitalInFrame, under: legendTop) }
        var underFrame = legendTop == nil ? 0 : (legend.box.height + 10).rounded(.up)
        if furnished && legendTop == nil { placer.block(legend.box) }
        // The scale bar likewise: the frame's lower right, else its lower left, else below the
        // frame (beside the legend there when both fit the width, else under it).
        var scaleBar: SVGNode?
        if furnished {
            let bar = ScaleBarElement(frame: frame), (w, h) = bar.size(options: options), f = frame.frame
            let spots = [XY(x: f.maxX - w - 10, y: f.maxY - h - 10), XY(x: f.minX + 10, y: f.maxY - h - 10)]
            func clear(_ s: XY) -> Bool {
                let b = BoundingBox(minX: s.x, minY: s.y, maxX: s.x + w, maxY: s.y + h)
                return MarkerGroup.incidents(under: b, incidents.groups) == 0 && (legendTop != nil || !b.intersects(legend.box))
            }
            var origin = spots.first(where: clear) ?? spots[0]
            if !clear(origin) {
                // Beside a legend below the frame: on the side it leaves room on.
                let roomRight = legend.box.maxX + 10 <= f.maxX - w - 10, roomLeft = legend.box.minX - 10 >= f.minX + w + 10
                if legendTop != nil, roomRight || roomLeft {
                    origin = XY(x: roomRight ? f.maxX - w - 10 : f.minX + 10, y: f.maxY + 10)
                    underFrame = max(underFrame, (h + 10).rounded(.up))
                } else {
                    origin = XY(x: f.maxX - w - 10, y: f.maxY + underFrame + 10)
                    underFrame += (h + 10).rounded(.up)
                }
            }
            scaleBar = bar.build(frame: frame, options: options, p: p, placer: &placer, origin: origin)
        }
        let north = furnished ? try NorthArrowElement.build(frame: frame, options: options, p: p, placer: &placer) : nil
        // A world map needs no locator.
        let insetBox = InsetElement.box(frame: frame, markers: incidents.groups, avoiding: legend.box)
        let inset = furnished && options.inset && frame.cutMeridian == nil ? try InsetElement.build(scene, frame: frame, box: insetBox, options: options, p: p, placer: &placer) : nil
        // Incidents beyond the frame: arrows at its edge, clear of the furniture.
        let offMap = OffMapElement(scene, frame: frame, binned: options.binCellKm != nil, options: options, p: p, placer: &placer)
        // Then the incidents, their labels, the towns that still fit, and the area names.
        try incidents.draw(scene, frame: frame, p: p, placer: &placer)
        var drawnTowns: [(place: ScenePlace, at: XY)] = []
        let major = PlacesElement.build(Array(candidates.prefix(PlacesElement.majorTowns)), limit: PlacesElement.majorTowns, frame: frame,
                                        markers: incidents.groups, scene: scene, options: options, p: p, placer: &placer, drawn: &drawnTowns)
        let incidentLabels = IncidentLabelsElement.build(scene, incidents: incidents, frame: frame, p: p, placer: &placer)
        let minor = PlacesElement.build(Array(candidates.dropFirst(PlacesElement.majorTowns)), limit: PlacesElement.maximumTowns - major.shown,
                                        frame: frame, markers: incidents.groups, scene: scene, options: options, p: p, placer: &placer, drawn: &drawnTowns)
        let towns = major.nodes + minor.nodes
        if capitalInFrame && !major.drawsCapital && !minor.drawsCapital { legend = legendPanel(capital: false, corner: legend.corner, under: legendTop) }
        // On a district map the districts with incidents are named (with their counts) before the provinces.
        let areaLabels = CountriesElement.labels(countries, options: options, p: p, placer: &placer)
            + DistrictsElement.labels(districtShapes, options: options, p: p, placer: &placer)
            + (byDistrict ? [] : ProvincesElement.labels(provinceShapes, options: options, p: p, placer: &placer))
            + LakesElement.labels(lakeShapes, options: options, p: p, placer: &placer)

        let clip = [("clip-path", "url(#\(p)frame-clip)")]
        let mapLayers: [SVGNode] = [
            SVGDraw.rect("\(p)sea", frame.frame),
            .el("g", [("id", "\(p)layer-countries")] + clip, countries.nodes),
        ] + (districtShapes.nodes.isEmpty ? [] : [.el("g", [("id", "\(p)layer-districts")] + clip, districtShapes.nodes)]) + [
            .el("g", [("id", "\(p)layer-provinces")] + clip, provinceShapes.nodes),
        ] + (rivers.nodes.isEmpty ? [] : [.el("g", [("id", "\(p)layer-rivers")] + clip, rivers.nodes)])
          + (lakeShapes.nodes.isEmpty ? [] : [.el("g", [("id", "\(p)layer-lakes")] + clip, lakeShapes.nodes)])
          + (relief.map { [.el("g", [("id", "\(p)layer-relief")], [$0])] } ?? []) + [
            .el("g", [("id", "\(p)layer-border")] + clip, borders.casings + borders.borders),
            .el("g", [("id", "\(p)layer-places")], towns),
            .el("g", [("id", "\(p)layer-uncertainty")] + clip, incidents.halos),
            .el("g", [("id", "\(p)layer-strikes")], incidents.arrows),
            .el("g", [("id", "\(p)layer-incidents")], incidents.markers + offMap.nodes),
            .el("g", [("id", "\(p)layer-marker-numbers")], incidents.numbers),
            .el("g", [("id", "\(p)layer-labels")], areaLabels + incidentLabels + offMap.labels),
            SVGDraw.rect("\(p)frame", frame.frame),
        ]
        // The timeline strip goes between the frame and the key, and the SVG grows by its height.
        let strip: (any TimeStrip)? = scene.timeline.map { t in
            if let counts = t.dayCounts { return TimelineHistogram(counts, language: t.language, width: options.width) }
            return TimelineStrip(scene, timeline: t, width: options.width, numbers: incidents.keyNumbers)
        }
        let underMap = options.timelineUnderMap ? strip : nil
        // What lies between the frame and the key: the panels moved below it, then the strip.
        let belowFrame = underFrame + (underMap?.height ?? 0).rounded(.up)
        // The river data is credited where the map draws some, and a source of names where the map
        // shows one of them (the frame was sized without these lines).
        var keyScene = scene
        let nameCredits = MapRenderer.nameCredits(scene, drawnTowns: drawnTowns.map(\.place))
        if furnished {
            for line in nameCredits {
                keyScene.attribution = MapRenderer.credit(line, in: keyScene.attribution, language: options.language)
            }
        }
        if !rivers.nodes.isEmpty && furnished {
            keyScene.attribution = MapRenderer.credit(RiversElement.credit(options.language), in: keyScene.attribution, language: options.language)
        }
        let key = KeyLayout(incidents: incidents, scene: keyScene, options: options, offMap: offMap.keyTexts, events: underMap is TimelineStrip ? scene.timeline!.events : [])
        let furniture = furnished
            ? [legend.node, scaleBar!, north!, HeaderElement.build(scene, options: options, p: p),
               KeyElement.build(key, frame: frame, below: belowFrame, options: options, p: p)]
                + (inset.map { [$0] } ?? []) + (underMap.map { [$0.build(scene, top: frame.frame.maxY + underFrame, p: p)] } ?? [])
            : [HeaderElement.panel(scene, options: options, p: p)]
        let n = SVGDraw.n
        // A key longer than the frame left room for makes the SVG taller; the map keeps its size.
        let height = furnished ? max(options.height, (frame.frame.maxY + key.height).rounded(.up)) + belowFrame : options.height
        let root = SVGNode.el("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(options.width)), ("height", n(height)),
            ("viewBox", "0 0 \(n(options.width)) \(n(height))"), ("role", "img"),
            ("aria-labelledby", "\(p)title \(p)desc"), ("class", "\(p)root"),
        ], [
            .el("title", [("id", "\(p)title")], [.text(scene.title)]),
            .el("desc", [("id", "\(p)desc")], [.text(scene.summary)]),
            MetadataElement.build(scene, frame: frame, p: p),
            DefsElement.build(options: options, frame: frame, insetBox: insetBox, choropleth: scene.choropleth != nil,
                              districts: !districtShapes.nodes.isEmpty, timeline: underMap != nil, lakes: !lakeShapes.nodes.isEmpty, rivers: !rivers.nodes.isEmpty,
                              disputed: borders.disputed, p: p),
            .el("rect", [("class", "\(p)background"), ("x", "0"), ("y", "0"), ("width", n(options.width)), ("height", n(height))]),
        ] + mapLayers + furniture)
        var map = RenderedMap(svg: SVGSerializer.document(root), georeference: frame.georef, root: root, wkt: frame.projection.targetWKT())
        map.timeline = strip.map { standalone($0) }
        map.drawsRivers = !rivers.nodes.isEmpty
        map.nameCredits = nameCredits
        map.timelineCounts = strip is TimelineHistogram
        map.keyNumbers = Dictionary(incidents.keyNumbers.map { (scene.incidents[$0.key].id, $0.value) }, uniquingKeysWith: min)
        return map
    }

    /// The strip as an SVG of its own, with the rules of the map's style it uses (the font, the
    /// background, the markers), so that beside the map on one page it repeats little.
    func standalone(_ strip: any TimeStrip) -> SVGNode {
        let n = SVGDraw.n, height = strip.height.rounded(.up)
        let used = MapStyle.css(prefix: p, theme: options.theme).split(separator: "\n")
            .filter { line in ["root", "background", "marker-strike", "marker-other", "marker-explosion"].contains { line.hasPrefix(".\(p)\($0) ") } }
        let css = used.joined(separator: "\n") + "\n" + MapStyle.timelineCSS(prefix: p, theme: options.theme)
            + (options.language == .en ? "" : "\n" + MapStyle.languageCSS(prefix: p, language: options.language))
            + (options.extraCSS.map { "\n/* --css */\n" + $0 } ?? "")
        return .el("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(options.width)), ("height", n(height)),
            ("viewBox", "0 0 \(n(options.width)) \(n(height))"), ("role", "img"), ("aria-labelledby", "\(p)timeline-title"), ("class", "\(p)root"),
        ], [
            .el("title", [("id", "\(p)timeline-title")], [.text(TimelineText.title.text(in: options.language, ["title": .text(scene.title)]))]),
            .el("defs", [], [.el("style", [], [.text(css)])]),
            .el("rect", [("class", "\(p)background"), ("x", "0"), ("y", "0"), ("width", n(options.width)), ("height", n(height))]),
            strip.build(scene, top: 0, p: p),
        ])
    }
}
