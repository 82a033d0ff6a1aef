import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What the SVG writer promises about any text it is given: the document is well-formed XML
/// and holds only the elements and attributes the map writes, so no text becomes markup.
public enum SVGChecks {
    /// Elements the map writes.
    public static let elements: Set<String> = ["svg", "title", "desc", "metadata", "defs", "style", "clipPath", "rect", "marker",
                                               "path", "g", "circle", "text", "tspan", "line"]
    /// Attributes the map writes.
    public static let attributes: Set<String> = ["xmlns", "width", "height", "viewBox", "role", "aria-labelledby", "class", "id", "d", "x",
                                                 "y", "cx", "cy", "r", "rx", "dy", "x1", "y1", "x2", "y2", "transform", "text-anchor",
                                                 "clip-path", "marker-end", "refX", "refY", "markerWidth", "markerHeight", "orient",
                                                 "data-incident-id", "data-border-id", "data-country", "data-province", "data-box",
                                                 "data-km", "data-px", "data-count"]

    /// The elements of `xml` in document order, each with its attributes and the text directly inside it; traps when it is not well-formed.
    public static func parse(_ xml: String) -> [(name: String, attributes: [String: String], text: String)] {
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        precondition(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        return collector.elements
    }

    /// Traps unless every element and attribute of `xml` is one the map writes.
    public static func checkOnlyMapMarkup(_ xml: String) {
        for e in parse(xml) {
            precondition(elements.contains(e.name), "element <\(e.name)> appeared")
            for k in e.attributes.keys { precondition(attributes.contains(k), "attribute \(k) appeared on <\(e.name)>") }
        }
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        var stack: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes, ""))
            stack.append(elements.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let i = stack.last { elements[i].text += string }
        }
    }
}
