/// The map's CSS: one `<style>` block, classes only, a colour-blind-safe
/// palette (Okabe–Ito for the incident kinds) and a generic font stack.
enum MapStyle {
    static let fontStack = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"
    static let strike = "#D55E00"
    static let other = "#0072B2"

    static func css(prefix p: String) -> String {
        """
        .\(p)root { font-family: \(fontStack); }
        .\(p)sea { fill: #d7e6f0; }
        .\(p)land { fill: #e6e3dc; stroke: #a8a39a; stroke-width: 0.6; }
        .\(p)land.\(p)focus { fill: #f5f1e6; }
        .\(p)province { fill: none; stroke: #b9b2a4; stroke-width: 0.7; stroke-dasharray: 3 2; }
        .\(p)border-casing { fill: none; stroke: #ffffff; stroke-width: 5; stroke-linejoin: round; stroke-linecap: round; opacity: 0.9; }
        .\(p)border { fill: none; stroke: #555049; stroke-width: 1.4; stroke-dasharray: 7 2 1.5 2; stroke-linejoin: round; }
        .\(p)border.\(p)emphasis { stroke: #26221d; stroke-width: 2.2; stroke-dasharray: none; }
        .\(p)country-label { fill: #6b6458; font-size: 17px; font-weight: bold; letter-spacing: 3px; }
        .\(p)province-label { fill: #8a8173; font-size: 10.5px; font-style: italic; letter-spacing: 0.5px; }
        .\(p)town { fill: #3d3934; }
        .\(p)town-label { fill: #3d3934; font-size: 11px; }
        .\(p)halo-text { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
        .\(p)uncertainty { fill: \(strike); fill-opacity: 0.12; stroke: \(strike); stroke-opacity: 0.6; stroke-width: 1; stroke-dasharray: 3 2; }
        .\(p)uncertainty.\(p)other { fill: \(other); stroke: \(other); }
        .\(p)marker-strike { fill: \(strike); stroke: #ffffff; stroke-width: 1.6; }
        .\(p)marker-other { fill: \(other); stroke: #ffffff; stroke-width: 1.6; }
        .\(p)marker-number { fill: #ffffff; font-size: 10px; font-weight: bold; }
        .\(p)leader { stroke: #3d3934; stroke-width: 0.8; fill: none; }
        .\(p)anchor-dot { fill: #1f1b16; }
        .\(p)incident-title { fill: #1f1b16; font-size: 12.5px; font-weight: bold; }
        .\(p)incident-detail { fill: #3d3934; font-size: 11px; }
        .\(p)arrow { fill: none; stroke: #1f1b16; stroke-width: 1.8; }
        .\(p)arrowhead { fill: #1f1b16; }
        .\(p)panel { fill: #ffffff; fill-opacity: 0.92; stroke: #b9b2a4; stroke-width: 0.8; }
        .\(p)legend-title { fill: #1f1b16; font-size: 11.5px; font-weight: bold; }
        .\(p)legend-text { fill: #1f1b16; font-size: 11px; }
        .\(p)scale-bar { fill: #1f1b16; stroke: #1f1b16; stroke-width: 1; }
        .\(p)scale-bar-alt { fill: #ffffff; stroke: #1f1b16; stroke-width: 1; }
        .\(p)scale-text { fill: #1f1b16; font-size: 10.5px; }
        .\(p)north { fill: #1f1b16; font-size: 12px; font-weight: bold; }
        .\(p)title { fill: #1f1b16; font-size: 21px; font-weight: bold; }
        .\(p)subtitle { fill: #4a453d; font-size: 13px; }
        .\(p)key-number { fill: #ffffff; font-size: 10px; font-weight: bold; }
        .\(p)key-text { fill: #1f1b16; font-size: 11px; }
        .\(p)attribution { fill: #5f594f; font-size: 9.5px; }
        .\(p)frame { fill: none; stroke: #8a8173; stroke-width: 1; }
        """
    }
}
