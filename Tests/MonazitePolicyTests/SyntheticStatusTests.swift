import MonaziteCore
import MonazitePolicy
import Testing

/// Status rules on synthetic events (labelled "synthetic": not real acts).
@Suite struct SyntheticStatusTests {
    static func day(_ text: String) -> CalendarDay {
        CalendarDay(parsing: text) ?? CalendarDay(dayNumber: 0)
    }

    static func measure(_ id: String, effective: String, expires: String? = nil, revoked: String? = nil) -> PolicyEvent {
        PolicyEvent(
            id: id, kind: .exportLicensing, actor: "synthetic", instrument: "synthetic act", title: "synthetic \(id)",
            scope: PolicyScope(elements: .some([.dysprosium]), forms: [.oxide, .magnet]),
            dates: PolicyDates(announced: day(effective), effective: day(effective), revoked: revoked.map(day), expires: expires.map(day)),
            direction: .tightening, source: "synthetic", url: nil)
    }

    static func suspension(_ id: String, of targets: [String], from: String, until: String?) -> PolicyEvent {
        PolicyEvent(
            id: id, kind: .suspension, actor: "synthetic", instrument: "synthetic suspension", title: "synthetic",
            dates: PolicyDates(announced: day(from), effective: day(from), suspendedUntil: until.map(day)), suspends: targets,
            direction: .easing, source: "synthetic", url: nil)
    }

    @Test func expiredAfterItsLastDay() {
        let m = Self.measure("synthetic-expiring", effective: "2024-01-01", expires: "2024-06-30")
        let t = PolicyTimeline([m])
        #expect(t.status(of: m, on: Self.day("2024-06-30")).status == .inForce)
        let after = t.status(of: m, on: Self.day("2024-07-01"))
        #expect(after.status == .expired)
        #expect(after.explanation.contains("2024-06-30"))
    }

    @Test func revokedFromItsRevocationDay() {
        let m = Self.measure("synthetic-revoked", effective: "2024-01-01", revoked: "2024-03-01")
        let t = PolicyTimeline([m])
        #expect(t.status(of: m, on: Self.day("2024-02-29")).status == .inForce)
        #expect(t.status(of: m, on: Self.day("2024-03-01")).status == .revoked)
    }

    @Test func renewedSuspensionIsNotLapsed() {
        let m = Self.measure("synthetic-m", effective: "2024-01-01")
        let first = Self.suspension("synthetic-s1", of: ["synthetic-m"], from: "2024-02-01", until: "2024-05-31")
        let renewal = Self.suspension("synthetic-s2", of: ["synthetic-m"], from: "2024-06-01", until: "2024-12-31")
        let once = PolicyTimeline([m, first])
        let lapsed = once.status(of: m, on: Self.day("2024-07-01"))
        #expect(lapsed.status == .suspensionLapsed)
        #expect(lapsed.explanation.contains("2024-05-31"))
        let twice = PolicyTimeline([m, first, renewal])
        let renewed = twice.status(of: m, on: Self.day("2024-07-01"))
        #expect(renewed.status == .suspended)
        #expect(renewed.explanation.contains("2024-12-31"))
        #expect(twice.status(of: m, on: Self.day("2025-01-01")).status == .suspensionLapsed)
    }

    @Test func openEndedSuspensionSaysNoEndDate() {
        let m = Self.measure("synthetic-m", effective: "2024-01-01")
        let s = Self.suspension("synthetic-s", of: ["synthetic-m"], from: "2024-02-01", until: nil)
        let a = PolicyTimeline([m, s]).status(of: m, on: Self.day("2030-01-01"))
        #expect(a.status == .suspended)
        #expect(a.explanation.contains("no end date recorded"))
    }

    @Test func destinationAndCommodityFilters() {
        var m = Self.measure("synthetic-usa-only", effective: "2024-01-01")
        m.scope.destinations = .only([.unitedStates])
        let d = Self.day("2024-05-01")
        #expect(Applicability.evaluate(events: [m], on: d, destination: .unitedStates).count == 1)
        #expect(Applicability.evaluate(events: [m], on: d, destination: CountryCode("DEU")).isEmpty)
        // Dy oxide → 2846.90, Dy magnets → 8505.11; no metal form listed, so 2805.30 does not match.
        #expect(Applicability.evaluate(events: [m], on: d, commodity: "2846.90").count == 1)
        #expect(Applicability.evaluate(events: [m], on: d, commodity: "8505.11").count == 1)
        #expect(Applicability.evaluate(events: [m], on: d, commodity: "2805.30").isEmpty)
        #expect(Applicability.evaluate(events: [m], on: d, element: .holmium).isEmpty)
    }

    @Test func magnetCodeCarriesMagnetElementsOnly() {
        #expect(CommodityMapping.elements(carriedBy: "850511").contains(.dysprosium))
        #expect(!CommodityMapping.elements(carriedBy: "850511").contains(.holmium))
        #expect(CommodityMapping.elements(carriedBy: "2846").count == RareEarthElement.allCases.count)
        #expect(CommodityMapping.codes(form: .compound, element: .cerium).first?.hsPrefix == "284610")
    }

    @Test func licenceStanding() {
        let l = Licence(
            holder: "synthetic holder", item: .element(.dysprosium), destination: .unitedStates, granted: Self.day("2025-06-02"),
            expires: Self.day("2025-12-01"), kind: .general, reference: "synthetic-1")
        #expect(LicenceStanding.of(l, on: Self.day("2025-07-01")).state == .valid)
        #expect(LicenceStanding.of(l, on: Self.day("2025-11-15")).state == .expiresSoon)
        #expect(LicenceStanding.of(l, on: Self.day("2025-11-15"), warnDays: 10).state == .valid)
        #expect(LicenceStanding.of(l, on: Self.day("2025-12-02")).state == .expired)
        #expect(LicenceStanding.of(l, on: Self.day("2025-06-01")).state == .notYetValid)
    }
}
