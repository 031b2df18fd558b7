import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MonaziteCore
import MonaziteServer
import MonaziteStore
import Testing

@Suite struct RouteTests {
    @Test func tradeSeriesFollowsTheContractWithTheJune2025Figures() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/trade?from=2025-04&to=2025-06", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let rows = try #require(try response.json() as? [[String: Any]])
                #expect(rows.map { $0["period"] as? String } == ["2025-04", "2025-05", "2025-06"])
                #expect(rows[2]["quantity_t"] as? Double == 3188)
                #expect(rows[1]["quantity_t"] as? Double == 1238.47)
                #expect(rows[2]["mom_pct"] as? Double == 157.414)
                #expect(rows[2]["reported_mom_pct"] as? Double == 157.5)
                #expect((rows[2]["sources"] as? [[String: Any]])?.first?["url"] is String)
                #expect(response.headers[HTTPField.Name("X-Total-Count")!] == "3")
            }
            // Paging: one row per page, with a Link to the next.
            try await client.execute(uri: "/api/v1/trade?from=2025-04&to=2025-06&limit=1&offset=1", method: .get) { response in
                let rows = try #require(try response.json() as? [[String: Any]])
                #expect(rows.count == 1)
                #expect(rows.first?["period"] as? String == "2025-05")
                #expect(response.headers[HTTPField.Name("Link")!]?.contains("offset=2") == true)
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/trade?reporter=XXX", "reporter", "invalid_parameter"),
        ("/api/v1/trade?from=2025-13", "from", "invalid_parameter"),
        ("/api/v1/trade?commodity=85051", "commodity", "invalid_parameter"),
        ("/api/v1/trade?as_of=yesterday", "as_of", "invalid_parameter"),
        ("/api/v1/trade?from=1025-01&to=2025-12", "from", "too_large"),
        ("/api/v1/trade?from=2025-06&to=2025-01", "from", "invalid_parameter"),
        ("/api/v1/trade?form=2025-01", "form", "invalid_parameter"),
        ("/api/v1/trade?limit=0", "limit", "invalid_parameter"),
        ("/api/v1/trade?limit=ten", "limit", "invalid_parameter"),
        ("/api/v1/trade?flow=sideways", "flow", "invalid_parameter"),
        ("/api/v1/trade?frequency=weekly", "frequency", "invalid_parameter"),
        ("/api/v1/partners", "period", "invalid_parameter"),
        ("/api/v1/reliance?country=ZZZ", "country", "invalid_parameter"),
        ("/api/v1/sources?offset=-1", "offset", "invalid_parameter"),
    ])
    func badQueriesAreA400WithTheParameterNamed(_ uri: String, _ parameter: String, _ code: String) async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                let error = try response.apiError()
                #expect(error["parameter"] as? String == parameter)
                #expect(error["code"] as? String == code)
            }
        }
    }

    @Test func unknownThingsAreA404WithTheErrorBody() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            for uri in ["/api/v1/nothing", "/api/v1/trade?reporter=USA&partner=CHN&commodity=2846.90", "/api/v1/simulations/nope", "/api/v1/reliance?edition=MCS%201999"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    _ = try response.apiError()
                }
            }
        }
    }

    @Test func partnersSummaryRelianceAndSourcesAnswer() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/partners?period=2025-06", method: .get) { response in
                #expect(response.status == .ok)
                let o = try response.object()
                #expect(o["total_t"] as? Double == 3188)
                #expect((o["partners"] as? [[String: Any]])?.contains { $0["partner"] as? String == "USA" } == true)
                #expect(o["hhi"] is Double)
            }
            try await client.execute(uri: "/api/v1/trade/summary?period=2025-06", method: .get) { response in
                let o = try response.object()
                #expect((o["headline"] as? String)?.hasPrefix("China exported 3,188 t") == true)
                #expect(o["ytd_t"] as? Double == 22319)
            }
            // March 2026: the US-bound MoM cannot be ours (February 2026 is held only inside the
            // combined January–February figure); the published -9.5% implies 406 / 0.905 ≈ 448.6 t.
            // The world's MoM likewise: the headline gives the published +10.5% as published, and
            // the note the base it implies, 5,238 / 1.105 ≈ 4,740.3 t (Reuters, 2026-04-20).
            try await client.execute(uri: "/api/v1/trade/summary?period=2026-03", method: .get) { response in
                let o = try response.object()
                let notes = o["notes"] as? [String] ?? []
                let headline = o["headline"] as? String ?? ""
                #expect(headline.contains("in 2026-03, +10.5% on 2026-02 as published (no 2026-02 figure of its own stored to check it) and "), "\(headline)")
                #expect(headline.contains("on 2025-03 (published -1.6%"), "\(headline)")
                #expect(
                    notes.contains(
                        "World: no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02; "
                            + "the published +10.5% MoM implies about 4,740.3 t for 2026-02 (derived)"), "\(notes)")
                #expect(!notes.contains { $0.hasPrefix("world mom_pct") }, "said once, in the note above")
                #expect(
                    notes.contains(
                        "United States: no figure for 2026-02 on its own: held only inside longer spans, the shortest 2026-01..2026-02; "
                            + "the published -9.5% MoM implies about 448.6 t for 2026-02 (derived)"), "\(notes)")
            }
            // No month: the latest with a world figure released by as_of, and a first note saying so
            // (a figure without a release date is not known before its period ends: the undated
            // 2026-01..02 restatement does not count on 2025-08-01).
            try await client.execute(uri: "/api/v1/trade/summary?as_of=2025-08-01", method: .get) { response in
                #expect(response.status == .ok)
                let o = try response.object()
                #expect(o["period"] as? String == "2025-06")
                let first = (o["notes"] as? [String])?.first ?? ""
                #expect(first.hasPrefix("month: none was asked, so the latest with a world figure released by 2025-08-01; on 2025-08-01: latest month 2025-06"))
                #expect(!first.contains("2026"))
            }
            let dayBefore = CalendarDay.todayUTC()
            try await client.execute(uri: "/api/v1/trade/summary", method: .get) { response in
                #expect(response.status == .ok)
                let first = (try response.object()["notes"] as? [String])?.first ?? ""
                let days = Set([dayBefore, CalendarDay.todayUTC()])  // a run across midnight UTC
                #expect(days.contains { first.hasPrefix("month: none was asked, so the latest with a world figure stored; on \($0)") }, "\(first)")
            }
            try await client.execute(uri: "/api/v1/reliance", method: .get) { response in
                let o = try response.object()
                let years = try #require(o["years"] as? [[String: Any]])
                #expect(years.contains { $0["year"] as? Int == 2024 && $0["nir_published"] as? String == "80" })
            }
            try await client.execute(uri: "/api/v1/sources", method: .get) { response in
                let o = try response.object()
                #expect(((o["data"] as? [Any])?.count ?? 0) > 3)
                #expect((o["paging"] as? [String: Any])?["total"] as? Int == (o["data"] as? [Any])?.count)
            }
        }
    }

    @Test func healthAndMetricsCountRequests() async throws {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, answerCacheSeconds: 60))
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                let health = try response.object()
                #expect(health["status"] as? String == "ok")
                // Public: no path, host, port, database or schema.
                #expect(health["store"] == nil)
                #expect(!response.text.contains(h.store.location))
            }
            _ = try await client.execute(uri: "/api/v1/trade?from=2025-06&to=2025-06", method: .get)
            _ = try await client.execute(uri: "/api/v1/trade?reporter=XXX", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = response.text
                #expect(text.contains(#"monazite_http_requests_total{method="GET",route="/api/v1/trade",status="200"} 1"#), "\(text)")
                #expect(text.contains(#"monazite_http_requests_total{method="GET",route="/api/v1/trade",status="400"} 1"#))
                #expect(text.contains(#"monazite_http_request_duration_seconds_count{route="/api/v1/trade"} 2"#))
                #expect(text.contains("# TYPE monazite_http_request_duration_seconds histogram"))
                // The one answer kept (the 400 is not), and its bytes.
                #expect(text.contains(#"monazite_cache_entries{cache="answers"} 1"#), "\(text)")
                let bytes = text.split(separator: "\n").first { $0.hasPrefix(#"monazite_cache_bytes{cache="answers"} "#) }
                #expect((bytes?.split(separator: " ").last.flatMap { Double($0) } ?? 0) > 100)
            }
        }
    }

    @Test func privateServersRefuseReadsWithoutAToken() async throws {
        let h = try await ServerHarness.bundled(options: ServerOptions(port: 0, publicReads: false))
        let (_, secret) = try await AccessTokens.create(name: "reader", in: h.store)
        try await h.application().test(.router) { client in
            try await client.execute(uri: "/api/v1/sources", method: .get) { response in
                #expect(response.status == .unauthorized)
                let checked6 = try response.apiError()["code"] as? String
                #expect(checked6 == "missing_token")
            }
            try await client.execute(uri: "/api/v1/sources", method: .get, headers: [.authorization: "Bearer \(secret)"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}

@Suite struct PolicyRouteTests {
    @Test func controlsOnRealDatesGiveTheStatusesOfTheBundledTimeline() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            func status(_ on: String, _ id: String, element: String = "Dy") async throws -> String? {
                try await client.execute(uri: "/api/v1/policy/controls?on=\(on)&element=\(element)&destination=USA", method: .get) { response in
                    #expect(response.status == .ok)
                    let measures = try #require(try response.object()["measures"] as? [[String: Any]])
                    return measures.first { $0["event_id"] as? String == id }?["status"] as? String
                }
            }
            #expect(try await status("2025-04-03", "mofcom-2025-18") == "not_yet_effective")
            #expect(try await status("2025-06-15", "mofcom-2025-18") == "in_force")
            #expect(try await status("2026-01-15", "mofcom-2025-62", element: "Ho") == "suspended")
            #expect(try await status("2026-11-24", "mofcom-2025-62", element: "Ho") == "suspension_lapsed")
            try await client.execute(uri: "/api/v1/policy/controls?element=Kryptonite", method: .get) { response in
                #expect(response.status == .badRequest)
                _ = try response.apiError()
            }
            try await client.execute(uri: "/api/v1/policy/events?kind=suspension", method: .get) { response in
                let events = try #require(try response.object()["data"] as? [[String: Any]])
                #expect(!events.isEmpty)
                #expect(events.allSatisfy { $0["kind"] as? String == "suspension" && $0["url"] is String })
            }
            try await client.execute(uri: "/api/v1/anomalies", method: .get) { response in
                let anomalies = try #require(try response.object()["anomalies"] as? [[String: Any]])
                let april = try #require(anomalies.first { $0["month"] as? String == "2025-04" })
                #expect((april["events"] as? [[String: Any]])?.first?["id"] as? String == "mofcom-2025-18")
            }
        }
    }
}
