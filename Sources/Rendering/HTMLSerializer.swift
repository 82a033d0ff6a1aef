/// Writes a node tree as HTML5: void elements without end tags, other empty
/// elements with them, and inline `<svg>` subtrees in XML syntax (HTML's
/// foreign content). Every text and attribute value is escaped by the same
/// rules as the SVG serializer, so no input text can add markup.
public enum HTMLSerializer {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    /// Elements whose text is not escaped by HTML parsers: their text must never hold `</`.
    static let rawTextElements: Set<String> = ["style", "script"]

    /// A complete document: `<!DOCTYPE html>` and the `<html>` tree.
    public static func document(_ html: SVGNode) -> String {
        var out = "<!DOCTYPE html>\n"
        write(html, into: &out)
        out += "\n"
        return out
    }

    static func write(_ node: SVGNode, into out: inout String) {
        switch node {
        case .text(let t):
            out += SVGSerializer.escape(t, attribute: false)
        case .element(let name, let attributes, let children):
            if name == "svg" {
                // Inline SVG is foreign content: the XML serializer's syntax is valid there.
                out += SVGSerializer.fragment(node)
                return
            }
            out += "<" + name
            for (k, v) in attributes { out += " " + k + "=\"" + SVGSerializer.escape(v, attribute: true) + "\"" }
            out += ">"
            if voidElements.contains(name) { return }
            if rawTextElements.contains(name) {
                // CSS is ours, but keep any "</" (from --css) from closing the element early.
                for child in children {
                    if case .text(let t) = child { out += t.replacingOccurrences(of: "</", with: "<\\/") }
                }
            } else {
                let block = ["html", "head", "body", "section", "table", "thead", "tbody", "tr", "ul", "ol", "div", "header", "footer", "figure", "details"].contains(name)
                for child in children {
                    if block, case .element = child { out += "\n" }
                    write(child, into: &out)
                }
                if block { out += "\n" }
            }
            out += "</" + name + ">"
        }
    }
}
