import MonaziteService
import Foundation
import MonaziteCore
import MonaziteDashboard
import MonaziteDataset
import MonaziteStore

/// A dashboard over a temporary store with the bundled dataset, shared by the tests.
enum DashboardFixture {
    /// One bundled store for every test (they only read it): building one takes most of a test's time.
    static let shared = Task { try await makeBundledStore() }

    static func bundledStore() async throws -> SQLiteStore { try await shared.value }

    static func makeBundledStore() async throws -> SQLiteStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-dashboard-tests-\(UUID().uuidString)")
        let store = try SQLiteStore(path: dir.appendingPathComponent("store.sqlite").path)
        _ = try await BundledDataset.install(into: store)
        return store
    }

    /// Synthetic markers and timeline (labelled so): the tests check drawing, not policy facts.
    static let markers: [ChartEventMarker] = [
        ChartEventMarker(day: day(2025, 4, 4), label: "synthetic: licensing of seven elements", url: "https://example.org/a", kind: "export_licensing"),
        ChartEventMarker(day: day(2025, 10, 9), label: "synthetic: expansion", url: nil, kind: "export_licensing"),
        ChartEventMarker(day: day(2019, 1, 1), label: "synthetic: out of range", url: nil, kind: "other"),
    ]

    static let timeline: [TimelineEntry] = [
        TimelineEntry(
            id: "synthetic-1", kind: "export_licensing", title: "Synthetic licensing event", instrument: "Synthetic No. 1",
            announced: day(2025, 4, 4), effective: day(2025, 4, 4), status: "in force", elements: ["Dy", "Tb"], destinations: "all",
            url: "https://example.org/event-1", verified: true),
        TimelineEntry(
            id: "synthetic-2", kind: "tariff", title: "Synthetic tariff on the US", announced: day(2025, 5, 1), effective: nil,
            status: "not yet effective", elements: [], destinations: "USA", url: "javascript:alert(1)", verified: false),
    ]

    static func dashboard(
        _ store: any TradeStore, markers: [ChartEventMarker] = markers, timeline: [TimelineEntry] = timeline,
        applicability: Dashboard.Applicability? = nil, basePath: String = ""
    ) -> Dashboard {
        Dashboard(service: QueryService(store: store), markers: markers, timeline: { _ in timeline }, applicability: applicability, basePath: basePath)
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay {
        CalendarDay(year: y, month: m, day: d) ?? CalendarDay(dayNumber: 0)
    }
}

extension DashboardResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A small RFC 4180 reader for checking the CSV the dashboard writes.
enum CSVParse {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r" {
                continue
            } else if c == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
