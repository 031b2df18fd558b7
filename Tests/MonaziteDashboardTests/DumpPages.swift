import Foundation
import MonaziteDashboard
import Testing

/// Writes every page to a folder for a look in a browser or a validator; runs only when
/// `MONAZITE_DASHBOARD_DUMP` names the folder.
@Test("Dump pages (only with MONAZITE_DASHBOARD_DUMP)")
func dumpPages() async throws {
    guard let folder = ProcessInfo.processInfo.environment["MONAZITE_DASHBOARD_DUMP"] else { return }
    let store = try await DashboardFixture.bundledStore()
    let d = DashboardFixture.dashboard(store)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let pages: [(String, String, [String: String])] = [
        ("home.html", "/", [:]), ("trade.html", "/trade/8505.11/CHN", ["from": "2024-01", "to": "2025-12"]),
        ("trade-usa.html", "/trade/8505.11/CHN", ["partner": "USA"]), ("dependence.html", "/dependence", [:]),
        ("policy.html", "/policy", ["date": "2025-06-01"]), ("sources.html", "/sources", [:]), ("index.html", "/trade", [:]),
        ("404.html", "/nope", [:]), ("400.html", "/trade/8505.11/CHN", ["from": "x"]),
    ]
    for (name, path, query) in pages {
        let r = await d.respond(path: path, query: query)
        try Data(r.body).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }
}
