import MonaziteCore
import MonazitePolicy
import MonazitePolicyFile
import Testing

/// Statuses on real dates of the bundled timeline (the 2025 episode).
@Suite struct BundledTimelineTests {
    static let events: [PolicyEvent] = (try? BundledPolicyTimeline.load()) ?? []
    static let timeline = PolicyTimeline(events)

    static func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text) ?? CalendarDay(dayNumber: 0) }

    static func status(_ id: String, _ date: String) -> StatusAssessment? {
        guard let e = timeline.event(id: id) else { return nil }
        return timeline.status(of: e, on: day(date))
    }

    static func dyToUSA(_ date: String) -> [ApplicabilityResult] {
        Applicability.evaluate(events: events, on: day(date), element: .dysprosium, destination: .unitedStates)
    }

    @Test func loadsAndValidates() throws {
        let events = try BundledPolicyTimeline.load()
        #expect(events.count >= 25)
        #expect(Set(events.map(\.id)).count == events.count)
        for e in events { #expect(!e.source.isEmpty, "\(e.id) has no source") }
        #expect(events.allSatisfy { $0.url != nil })
    }

    @Test func no18HasTheSevenElementsAndDates() throws {
        let e = try #require(Self.timeline.event(id: "mofcom-2025-18"))
        #expect(e.scope.elements == .some([.samarium, .gadolinium, .terbium, .dysprosium, .lutetium, .scandium, .yttrium]))
        #expect(e.scope.destinations == .all)
        #expect(e.dates.effective == Self.day("2025-04-04"))
        #expect(e.number == "MOFCOM Announcement No. 18 [2025]")
    }

    @Test func no18NotYetEffectiveOnApril3() {
        #expect(Self.status("mofcom-2025-18", "2025-04-03")?.status == .notYetEffective)
        let dy = Self.dyToUSA("2025-04-03").first { $0.eventID == "mofcom-2025-18" }
        #expect(dy?.status == .notYetEffective)
    }

    @Test(arguments: ["2025-04-04", "2025-06-15", "2025-11-10", "2026-11-24"])
    func no18InForceForDysprosiumToUSA(date: String) throws {
        let r = try #require(Self.dyToUSA(date).first { $0.eventID == "mofcom-2025-18" })
        #expect(r.status == .inForce)
        #expect(r.matched.contains { $0.contains("dysprosium") })
    }

    @Test func juneLicencesAndLondonFrameworkReachDysprosiumThroughMagnets() {
        let ids = Set(Self.dyToUSA("2025-06-30").map(\.eventID))
        #expect(ids.contains("mofcom-2025-06-licences"))
        #expect(ids.contains("us-china-2025-london"))
        // Gallium/germanium context does not touch a dysprosium question.
        #expect(!ids.contains("mofcom-2023-23"))
    }

    @Test func october9MeasuresOnOctober20() {
        // No. 62 took effect on publication; Nos. 55–58 from 2025-11-08; No. 61 items 1(1),1(2) from 2025-12-01.
        #expect(Self.status("mofcom-2025-62", "2025-10-20")?.status == .inForce)
        #expect(Self.status("mofcom-2025-57", "2025-10-20")?.status == .notYetEffective)
        #expect(Self.status("mofcom-2025-56", "2025-10-20")?.status == .notYetEffective)
        #expect(Self.status("mofcom-2025-61", "2025-10-20")?.status == .notYetEffective)
        let ho = Applicability.evaluate(events: Self.events, on: Self.day("2025-10-20"), element: .holmium)
        #expect(ho.contains { $0.eventID == "mofcom-2025-57" })
        #expect(!ho.contains { $0.eventID == "mofcom-2025-18" })
    }

    @Test(arguments: ["2025-11-09", "2025-11-10", "2026-04-09", "2026-11-10"])
    func october9MeasuresSuspended(date: String) throws {
        for id in ["mofcom-2025-55", "mofcom-2025-56", "mofcom-2025-57", "mofcom-2025-58", "mofcom-2025-61", "mofcom-2025-62"] {
            let a = try #require(Self.status(id, date))
            #expect(a.status == .suspended, "\(id) on \(date)")
            #expect(a.explanation.contains("No. 70 [2025]"))
            #expect(a.explanation.contains("2026-11-10"))
        }
    }

    @Test func suspensionLapsedAfterNovember10_2026() throws {
        let a = try #require(Self.status("mofcom-2025-57", "2026-11-24"))
        #expect(a.status == .suspensionLapsed)
        #expect(a.explanation.contains("2026-11-10"))
        #expect(a.explanation.contains("no renewal or extension is recorded"))
        #expect(Self.status("mofcom-2025-57", "2026-11-11")?.status == .suspensionLapsed)
        // The suspension act itself has run its course.
        #expect(Self.status("mofcom-2025-70", "2026-11-24")?.status == .expired)
    }

    @Test func usBanArticle2SuspendedToNovember27AndArticle1Remains() {
        #expect(Self.status("mofcom-2024-46-art2", "2025-11-08")?.status == .inForce)
        #expect(Self.status("mofcom-2024-46-art2", "2026-11-24")?.status == .suspended)
        #expect(Self.status("mofcom-2024-46-art2", "2026-11-28")?.status == .suspensionLapsed)
        #expect(Self.status("mofcom-2024-46-art1", "2026-11-24")?.status == .inForce)
    }

    @Test func withdrawnTariffThreatIsRevoked() {
        #expect(Self.status("us-2025-100pct-tariff-threat", "2025-10-20")?.status == .notYetEffective)
        #expect(Self.status("us-2025-100pct-tariff-threat", "2025-11-01")?.status == .revoked)
    }

    @Test func entityListingsEndAsMOFCOMSaid() throws {
        // MOFCOM stopped the measures on the 15 entities of No. 13 from 2025-11-10, and suspended
        // those on the 16 entities of No. 21 for one year: lapsed after 2026-11-09.
        #expect(Self.status("mofcom-2025-13", "2026-12-01")?.status == .revoked)
        #expect(Self.status("mofcom-2025-21", "2026-11-09")?.status == .suspended)
        let lapsed = try #require(Self.status("mofcom-2025-21", "2026-11-30"))
        #expect(lapsed.status == .suspensionLapsed)
        #expect(lapsed.explanation.contains("2026-11-09"))
        // Destination filter: US-only listings do not apply to Germany.
        let deu = Applicability.evaluate(events: Self.events, on: Self.day("2025-06-01"), destination: CountryCode("DEU"))
        #expect(!deu.contains { $0.eventID == "mofcom-2025-21" })
        #expect(deu.contains { $0.eventID == "mofcom-2025-18" })
    }

    @Test(arguments: [
        ("us-china-2025-geneva", "2025-06-01", MeasureStatus.inForce), ("us-china-2025-geneva", "2026-11-30", .expired),
        ("mofcom-2025-06-licences", "2025-07-01", .inForce), ("mofcom-2025-06-licences", "2026-11-30", .expired),
        ("us-china-2025-busan", "2026-11-10", .inForce), ("us-china-2025-busan", "2026-11-30", .expired),
        ("us-eo-14272", "2025-06-01", .open), ("us-eo-14272", "2026-11-30", .expired),
    ])
    func termsEndAgreementsLicencesAndInvestigations(_ id: String, _ date: String, _ expected: MeasureStatus) throws {
        let a = try #require(Self.status(id, date))
        #expect(a.status == expected, "\(id) on \(date): \(a.explanation)")
        if expected == .expired {
            #expect(a.explanation.contains("term as stated by"), "the term's source is named: \(a.explanation)")
        }
    }

    @Test func nothingIsInForcePastItsTermOnTheDayAsked() {
        let today = Self.day("2026-11-30")
        for r in Applicability.evaluate(events: Self.events, on: today, destination: .unitedStates) {
            if let expires = r.dates.expires, expires < today { #expect(r.status != .inForce, "\(r.eventID)") }
            #expect(r.kind != .investigation || r.status != .inForce, "an investigation is open or concluded, never in force")
        }
    }

    @Test func aMagnetQueryAndItsElementsFindTheSameMeasures() {
        let day = Self.day("2026-11-30")
        let deu = CountryCode("DEU")
        let magnets = Set(Applicability.evaluate(events: Self.events, on: day, commodity: "8505.11", destination: deu).map(\.eventID))
        // The measures on all rare earths (Nos. 56, 61, 62) reach magnets, as they reach Nd.
        for id in ["mofcom-2025-56", "mofcom-2025-61", "mofcom-2025-62", "mofcom-2025-18"] { #expect(magnets.contains(id), "\(id)") }
        for element in [RareEarthElement.neodymium, .praseodymium, .dysprosium, .terbium] {
            let ids = Set(Applicability.evaluate(events: Self.events, on: day, element: element, destination: deu).map(\.eventID))
            #expect(ids.isSubset(of: magnets), "\(element): \(ids.subtracting(magnets).sorted())")
        }
        // Measures on other materials (tungsten, batteries, gallium) reach neither.
        #expect(!magnets.contains("mofcom-2025-10"))
        #expect(!magnets.contains("mofcom-2025-58"))
    }

    @Test func magnetCodeFindsNo18ButNotNo57() {
        let r = Applicability.evaluate(events: Self.events, on: Self.day("2025-12-01"), commodity: "8505.11")
        let ids = Set(r.map(\.eventID))
        #expect(ids.contains("mofcom-2025-18"))
        #expect(!ids.contains("mofcom-2025-57"))
        let oxides = Set(Applicability.evaluate(events: Self.events, on: Self.day("2025-12-01"), commodity: "2846.90").map(\.eventID))
        #expect(oxides.contains("mofcom-2025-57"))
        #expect(oxides.contains("mofcom-2025-18"))
    }

    @Test func dysprosiumQueryShowsMagnetCode() throws {
        let r = try #require(Self.dyToUSA("2025-06-15").first { $0.eventID == "mofcom-2025-18" })
        #expect(r.matched.contains { $0.contains("8505.11") })
        let magnets = Applicability.evaluate(
            events: Self.events, on: Self.day("2025-06-15"), element: .dysprosium, commodity: "8505.11", destination: .unitedStates)
        #expect(magnets.contains { $0.eventID == "mofcom-2025-18" })
    }

    @Test func unverifiedItemsAreFlagged() throws {
        // Reported by Reuters from unnamed sources only.
        #expect(Self.timeline.event(id: "mofcom-2025-06-licences")?.verified == false)
        #expect(Self.timeline.event(id: "mofcom-2025-11-09-us-ban-suspension")?.verified == false)
        #expect(Self.timeline.event(id: "mofcom-2025-18")?.verified == true)
    }

    @Test func applicabilityJSONIsSnakeCase() throws {
        let r = try #require(Self.dyToUSA("2025-06-15").first { $0.eventID == "mofcom-2025-18" })
        let text = String(decoding: try JSONEncoderProvider.make().encode(r), as: UTF8.self)
        #expect(text.contains("\"event_id\":\"mofcom-2025-18\""))
        #expect(text.contains("\"status\":\"in_force\""))
        #expect(text.contains("\"suspended_until\":null"))
    }
}
