/// An SVG/XML node. The map is built as a tree of these and written by one
/// serializer that escapes every attribute value and text node, so no input
/// text can add markup.
public indirect enum SVGNode: Equatable, Sendable {
    /// An element with ordered attributes and children.
    case element(String, [(String, String)], [SVGNode])
    /// A text node.
    case text(String)

    /// An element.
    public static func el(_ name: String, _ attributes: [(String, String)] = [], _ children: [SVGNode] = []) -> SVGNode {
        .element(name, attributes, children)
    }

    public static func == (a: SVGNode, b: SVGNode) -> Bool {
        switch (a, b) {
        case let (.text(x), .text(y)): return x == y
        case let (.element(n1, a1, c1), .element(n2, a2, c2)):
            return n1 == n2 && c1 == c2 && a1.count == a2.count && zip(a1, a2).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

/// Writes an `SVGNode` tree as XML.
public enum SVGSerializer {
    /// The document, with an XML declaration, children indented one per line.
    public static func document(_ root: SVGNode) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(root, depth: 0, into: &out)
        out += "\n"
        return out
    }

    /// The node alone (no declaration), e.g. for inlining into HTML.
    public static func fragment(_ root: SVGNode) -> String {
        var out = ""
        write(root, depth: 0, into: &out)
        return out
    }

    static func write(_ node: SVGNode, depth: Int, into out: inout String) {
        switch node {
        case .text(let t):
            out += escape(t, attribute: false)
        case .element(let name, let attributes, let children):
            out += "<" + name
            for (k, v) in attributes {
                out += " " + k + "=\"" + escape(v, attribute: true) + "\""
            }
            if children.isEmpty { out += "/>"; return }
            out += ">"
            // Elements whose children are all elements are indented; mixed content is written inline.
            let blocky = children.allSatisfy { if case .element = $0 { return true } else { return false } }
            for child in children {
                if blocky { out += "\n" + String(repeating: " ", count: depth + 1) }
                write(child, depth: depth + 1, into: &out)
            }
            if blocky { out += "\n" + String(repeating: " ", count: depth) }
            out += "</" + name + ">"
        }
    }

    /// Escapes XML special characters; drops characters XML 1.0 forbids
    /// (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF)
    /// and bidirectional override/isolate controls, which could reorder
    /// the text a reader sees.
    public static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += attribute ? "&#13;" : ""
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { continue }
                if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
