/// Class breaks for a choropleth: Jenks' natural breaks (Fisher's exact optimisation), which
/// put the breaks where they minimise the spread of the values within each class. This is what
/// QGIS calls "Natural Breaks (Jenks)", so a layer classed there and our map agree.
public enum ClassBreaks {
    /// The upper bounds of at most `classes` classes of `values` (ascending; the last is the
    /// largest value). Fewer classes when there are fewer distinct values.
    public static func jenks(_ values: [Int], classes: Int) -> [Int] {
        let v = values.sorted()
        guard let largest = v.last else { return [] }
        let distinct = Set(v).count
        let k = max(1, min(classes, distinct))
        guard k > 1 else { return [largest] }
        let n = v.count
        let x = v.map(Double.init)
        // Prefix sums give the squared deviation of any run v[i...j] in constant time.
        var s1 = [0.0], s2 = [0.0]
        for value in x { s1.append(s1.last! + value); s2.append(s2.last! + value * value) }
        func cost(_ i: Int, _ j: Int) -> Double {
            let m = Double(j - i + 1), sum = s1[j + 1] - s1[i]
            return (s2[j + 1] - s2[i]) - sum * sum / m
        }
        // best[c][j]: least cost of v[0...j] in c + 1 classes; start[c][j]: where the last class begins.
        var best = [[Double]](repeating: [Double](repeating: .infinity, count: n), count: k)
        var start = [[Int]](repeating: [Int](repeating: 0, count: n), count: k)
        for j in 0..<n { best[0][j] = cost(0, j) }
        for c in 1..<k {
            for j in c..<n {
                for i in c...j where best[c - 1][i - 1] + cost(i, j) < best[c][j] {
                    best[c][j] = best[c - 1][i - 1] + cost(i, j)
                    start[c][j] = i
                }
            }
        }
        var bounds: [Int] = [largest]
        var j = n - 1
        for c in stride(from: k - 1, to: 0, by: -1) {
            j = start[c][j] - 1
            bounds.append(v[j])
        }
        // Equal values never straddle a break: a bound is the last of its run of values.
        return Array(Set(bounds)).sorted()
    }
}
