import MonaziteIngest
import Testing

/// The order both stores write a bulk import's new rows in: by series, then months, stable.
@Suite struct BulkRowOrderTests {
    static func row(_ series: Int32, _ first: Int32, _ last: Int32? = nil, line: Int32) -> BulkRow {
        BulkRow(series: series, firstMonth: first, lastMonth: last ?? first, line: line, tonnes: 1, valueUSD: nil)
    }

    @Test func aFileInMonthsOrderComesOutBySeriesThenMonths() {
        // Month after month over three series, as a Comtrade file comes.
        var rows: [BulkRow] = []
        for (m, month) in [202401, 202402, 202403].enumerated() {
            for s in [2, 0, 1] as [Int32] { rows.append(Self.row(s, Int32(month), line: Int32(m * 3 + rows.count % 3 + 2))) }
        }
        let order = BulkRow.orderedBySeriesAndMonths(Array(0..<Int32(rows.count)), seriesCount: 3) { rows[Int($0)] }
        let keys = order.map { (rows[Int($0)].series, rows[Int($0)].firstMonth) }
        #expect(keys.map(\.0) == [0, 0, 0, 1, 1, 1, 2, 2, 2])
        #expect(keys.map(\.1) == [202401, 202402, 202403, 202401, 202402, 202403, 202401, 202402, 202403])
    }

    @Test func monthsOutOfOrderAreSortedAndASubsetKeepsOnlyItsIndexes() {
        let rows = [
            Self.row(1, 202405, line: 2), Self.row(0, 202403, line: 3), Self.row(1, 202401, line: 4),
            Self.row(1, 202401, 202412, line: 5), Self.row(0, 202402, line: 6), Self.row(1, 202403, line: 7),
        ]
        let all = BulkRow.orderedBySeriesAndMonths(Array(0..<Int32(rows.count)), seriesCount: 2) { rows[Int($0)] }
        #expect(all == [4, 1, 2, 3, 5, 0])
        // Only some rows (those of series 1 here): the others are not listed.
        let some = BulkRow.orderedBySeriesAndMonths([0, 3, 5], seriesCount: 2) { rows[Int($0)] }
        #expect(some == [3, 5, 0])
        #expect(BulkRow.orderedBySeriesAndMonths([], seriesCount: 2) { rows[Int($0)] } == [])
    }
}
