/// A colour scheme of the map.
public enum MapTheme: String, CaseIterable, Sendable {
    /// Light land and sea, for screens and reports.
    case light
    /// Dark background, for dark pages and slides.
    case dark
    /// White sea and grey land, for black-and-white print.
    case print
}

/// The map's CSS: one `<style>` block, classes only, a colour-blind-safe
/// palette (Okabe–Ito vermillion and blue for the incident kinds, which
/// stay apart in every common colour-vision deficiency and in greyscale by
/// their shapes) and a generic font stack with no web font.
enum MapStyle {
    static let fontStack = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"

    struct Palette {
        var sea, land, focusLand, coast, province, border, borderOther, casing: String
        var text, textMuted, areaLabel, provinceLabel, halo, panel, panelStroke: String
        var strike, other, explosion, arrow, insetExtent: String
    }

    static func palette(_ theme: MapTheme) -> Palette {
        switch theme {
        case .light:
            return Palette(sea: "#d7e6f0", land: "#e6e3dc", focusLand: "#f5f1e6", coast: "#a8a39a", province: "#b9b2a4",
                           border: "#26221d", borderOther: "#555049", casing: "#ffffff", text: "#1f1b16", textMuted: "#4a453d",
                           areaLabel: "#6b6458", provinceLabel: "#8a8173", halo: "#ffffff", panel: "#ffffff", panelStroke: "#b9b2a4",
                           strike: "#D55E00", other: "#0072B2", explosion: "#CC79A7", arrow: "#1f1b16", insetExtent: "#D55E00")
        case .dark:
            return Palette(sea: "#1b2631", land: "#3a3a38", focusLand: "#4a4843", coast: "#6d6a63", province: "#77736a",
                           border: "#f2efe8", borderOther: "#c9c4b8", casing: "#1b2631", text: "#f2efe8", textMuted: "#d6d1c6",
                           areaLabel: "#d6d1c6", provinceLabel: "#b3ad9f", halo: "#1b2631", panel: "#262b30", panelStroke: "#77736a",
                           strike: "#E69F00", other: "#56B4E9", explosion: "#CC79A7", arrow: "#f2efe8", insetExtent: "#E69F00")
        case .print:
            return Palette(sea: "#ffffff", land: "#ebebeb", focusLand: "#f7f7f7", coast: "#8c8c8c", province: "#a6a6a6",
                           border: "#000000", borderOther: "#404040", casing: "#ffffff", text: "#000000", textMuted: "#333333",
                           areaLabel: "#595959", provinceLabel: "#737373", halo: "#ffffff", panel: "#ffffff", panelStroke: "#8c8c8c",
                           strike: "#D55E00", other: "#0072B2", explosion: "#CC79A7", arrow: "#000000", insetExtent: "#000000")
        }
    }

    /// The fills of a choropleth's five classes, light to dark (ColorBrewer's Reds, 5 classes), in
    /// every theme: they are drawn on the land, whose colour the themes keep light or mid-toned.
    static let choroplethFills = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]

    /// The districts' rules, written only on a map that draws them: boundaries thinner and
    /// fainter than the provinces' (solid, so that the dashed province lines stay apart).
    static func districtCSS(prefix p: String, theme: MapTheme) -> String {
        let c = palette(theme)
        return """
        .\(p)district { fill: none; stroke: \(c.province); stroke-width: 0.3; stroke-opacity: 0.8; }
        .\(p)district-label { fill: \(c.provinceLabel); font-size: 9.5px; letter-spacing: 0.3px; }
        """
    }

    /// The disputed boundaries' rule, written only on a map that draws one: short even dashes,
    /// emphasised or not, unlike the international border's dash-dot.
    static func disputedCSS(prefix p: String, theme: MapTheme) -> String {
        let c = palette(theme)
        return ".\(p)border.\(p)disputed { stroke: \(c.border); stroke-width: 1.6; stroke-dasharray: 3 2.5; }"
    }

    /// The lakes' rules, written only on a map that draws one: the sea's fill and the coast's line.
    static func lakeCSS(prefix p: String, theme: MapTheme) -> String {
        let c = palette(theme)
        let label = theme == .dark ? "#8fb3cf" : theme == .print ? "#595959" : "#4f7897"
        return """
        .\(p)lake { fill: \(c.sea); stroke: \(c.coast); stroke-width: 0.5; }
        .\(p)lake-label { fill: \(label); font-size: 10.5px; font-style: italic; }
        """
    }

    /// The rivers' rules, written only on a map that draws one: blue lines, thinner for the lesser
    /// classes, dashed where intermittent (the print theme's in grey, as its coast).
    static func riverCSS(prefix p: String, theme: MapTheme) -> String {
        let colour = theme == .dark ? "#5d8fb8" : theme == .print ? "#8c8c8c" : "#6d9fc7"
        return """
        .\(p)river { fill: none; stroke: \(colour); stroke-linecap: round; stroke-linejoin: round; }
        .\(p)river-major { stroke-width: 1.2; }
        .\(p)river-medium { stroke-width: 0.8; }
        .\(p)river-minor { stroke-width: 0.55; }
        .\(p)river.\(p)intermittent { stroke-dasharray: 3 1.8; }
        """
    }

    /// The rules of right-to-left text (class `rtl`): the language's font stack (one that covers
    /// the script, Latin after it) and no letter spacing, which would break the joined letters;
    /// and of the Latin runs inside it (class `latin`): the map's own font.
    static func languageCSS(prefix p: String, language: MapLanguage) -> String {
        ".\(p)rtl { font-family: \(language.isRightToLeft ? language.fontStack : MapLanguage.fa.fontStack); letter-spacing: 0; }\n"
            + ".\(p)latin { font-family: \(fontStack); }"
    }

    /// The choropleth classes' rules, written only on a map that has one.
    static func choroplethCSS(prefix p: String) -> String {
        choroplethFills.enumerated().map { ".\(p)choropleth-\($0.offset) { fill: \($0.element); }" }.joined(separator: "\n")
    }

    static func css(prefix p: String, theme: MapTheme) -> String {
        let c = palette(theme)
        return """
        .\(p)root { font-family: \(fontStack); }
        .\(p)sea { fill: \(c.sea); }
        .\(p)land { fill: \(c.land); stroke: \(c.coast); stroke-width: 0.6; }
        .\(p)land.\(p)focus { fill: \(c.focusLand); }
        .\(p)province { fill: none; stroke: \(c.province); stroke-width: 0.7; stroke-dasharray: 3 2; }
        .\(p)border-casing { fill: none; stroke: \(c.casing); stroke-width: 5; stroke-linejoin: round; stroke-linecap: round; opacity: 0.9; }
        .\(p)border { fill: none; stroke: \(c.borderOther); stroke-width: 1.4; stroke-dasharray: 7 2 1.5 2; stroke-linejoin: round; }
        .\(p)border.\(p)emphasis { stroke: \(c.border); stroke-width: 2.2; stroke-dasharray: none; }
        .\(p)country-label { fill: \(c.areaLabel); font-size: 17px; font-weight: bold; letter-spacing: 3px; }
        .\(p)province-label { fill: \(c.provinceLabel); font-size: 10.5px; font-style: italic; letter-spacing: 0.5px; }
        .\(p)town { fill: \(c.textMuted); }
        .\(p)town-label { fill: \(c.textMuted); font-size: 11px; }
        .\(p)capital-ring { fill: \(c.halo); stroke: \(c.text); stroke-width: 1.3; }
        .\(p)town.\(p)capital { fill: \(c.text); }
        .\(p)town-label.\(p)capital { fill: \(c.text); font-weight: bold; }
        .\(p)halo-text { paint-order: stroke; stroke: \(c.halo); stroke-width: 3px; stroke-linejoin: round; }
        .\(p)uncertainty { fill: \(c.strike); fill-opacity: 0.12; stroke: \(c.strike); stroke-opacity: 0.6; stroke-width: 1; stroke-dasharray: 3 2; }
        .\(p)uncertainty.\(p)other { fill: \(c.other); stroke: \(c.other); }
        .\(p)uncertainty.\(p)explosion { fill: \(c.explosion); stroke: \(c.explosion); }
        .\(p)marker-strike { fill: \(c.strike); stroke: #ffffff; stroke-width: 1.6; }
        .\(p)marker-other { fill: \(c.other); stroke: #ffffff; stroke-width: 1.6; }
        .\(p)marker-explosion { fill: \(c.explosion); stroke: #ffffff; stroke-width: 1.6; }
        .\(p)marker-number { fill: #ffffff; font-size: 10px; font-weight: bold; }
        .\(p)leader { stroke: \(c.textMuted); stroke-width: 0.8; fill: none; }
        .\(p)anchor-dot { fill: \(c.text); }
        .\(p)incident-title { fill: \(c.text); font-size: 12.5px; font-weight: bold; }
        .\(p)incident-detail { fill: \(c.textMuted); font-size: 11px; }
        .\(p)arrow { fill: none; stroke: \(c.arrow); stroke-width: 1.8; }
        .\(p)arrowhead { fill: \(c.arrow); }
        .\(p)panel { fill: \(c.panel); fill-opacity: 0.92; stroke: \(c.panelStroke); stroke-width: 0.8; }
        .\(p)legend-title { fill: \(c.text); font-size: 11.5px; font-weight: bold; }
        .\(p)legend-size { fill: \(c.textMuted); fill-opacity: 0.12; stroke: \(c.textMuted); stroke-width: 1; }
        .\(p)legend-text { fill: \(c.text); font-size: 11px; }
        .\(p)scale-bar { fill: \(c.text); stroke: \(c.text); stroke-width: 1; }
        .\(p)scale-bar-alt { fill: \(c.panel); stroke: \(c.text); stroke-width: 1; }
        .\(p)scale-text { fill: \(c.text); font-size: 10.5px; }
        .\(p)north { fill: \(c.text); font-size: 12px; font-weight: bold; }
        .\(p)background { fill: \(c.panel); }
        .\(p)title { fill: \(c.text); font-size: 21px; font-weight: bold; }
        .\(p)subtitle { fill: \(c.textMuted); font-size: 13px; }
        .\(p)key-number { fill: #ffffff; font-size: 10px; font-weight: bold; }
        .\(p)key-text { fill: \(c.text); font-size: 11px; }
        .\(p)attribution { fill: \(c.textMuted); font-size: 9.5px; }
        .\(p)frame { fill: none; stroke: \(c.provinceLabel); stroke-width: 1; }
        .\(p)inset-land { fill: \(c.land); stroke: \(c.coast); stroke-width: 0.4; }
        .\(p)inset-land.\(p)focus { fill: \(c.focusLand); stroke: \(c.border); stroke-width: 0.6; }
        .\(p)inset-extent { fill: \(c.insetExtent); fill-opacity: 0.15; stroke: \(c.insetExtent); stroke-width: 1.5; }
        .\(p)inset-label { fill: \(c.areaLabel); font-size: 8.5px; letter-spacing: 1px; }
        """
    }

    /// The rules of the timeline strip; written only on a map that has one.
    static func timelineCSS(prefix p: String, theme: MapTheme) -> String {
        let c = palette(theme)
        return """
        .\(p)timeline-axis, .\(p)timeline-tick { stroke: \(c.text); stroke-width: 1; fill: none; }
        .\(p)timeline-label { fill: \(c.text); font-size: 10px; }
        .\(p)timeline-context { fill: \(c.text); font-size: 10px; font-weight: bold; }
        .\(p)timeline-caption { fill: \(c.textMuted); font-size: 10.5px; }
        .\(p)timeline-number { fill: #ffffff; font-size: 8px; font-weight: bold; }
        .\(p)timeline-count-text { fill: #ffffff; font-size: 9px; font-weight: bold; }
        .\(p)timeline-event-line { stroke: \(c.textMuted); stroke-width: 1; stroke-dasharray: 2 2; }
        .\(p)timeline-event-flag { fill: \(c.text); }
        .\(p)timeline-event-letter { fill: \(c.panel); font-size: 9px; font-weight: bold; }
        .\(p)timeline-event-text { fill: \(c.text); font-size: 9.5px; }
        """
    }

    /// The rules of the arrows towards incidents off the map; written only on a map that has some.
    static func offMapCSS(prefix p: String, theme: MapTheme) -> String {
        let c = palette(theme)
        return """
        .\(p)offmap-casing { fill: none; stroke: \(c.halo); stroke-width: 6; stroke-linecap: round; }
        .\(p)offmap-arrow { fill: none; stroke: \(c.arrow); stroke-width: 2.2; }
        .\(p)offmap-label { fill: \(c.text); font-size: 11.5px; font-weight: bold; }
        """
    }
}
