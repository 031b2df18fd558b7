import MonaziteCore
import Testing

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2025-06", "2025-06", Period.Kind.month, 1), ("2025-Q2", "2025-Q2", .quarter, 3), ("2025-H1", "2025-H1", .half, 6),
        ("2025", "2025", .year, 12), ("2025-01..07", "2025-01..2025-07", .span, 7), ("2025-01..2025-06", "2025-H1", .half, 6),
        ("2020..2023", "2020..2023", .years, 48), ("202506", "2025-06", .month, 1), ("2024-11..2025-02", "2024-11..2025-02", .span, 4),
    ])
    func parsesAndPrintsCanonically(_ text: String, _ canonical: String, _ kind: Period.Kind, _ months: Int) throws {
        let p = try #require(Period(parsing: text))
        #expect(p.description == canonical)
        #expect(p.kind == kind)
        #expect(p.monthCount == months)
    }

    @Test(arguments: ["2025-13", "2025-00", "25-06", "2025-Q5", "2025-H3", "2025-07..03", "", "June 2025", "2025-6"])
    func rejectsNonPeriods(_ text: String) {
        #expect(Period(parsing: text) == nil)
    }

    @Test func calendarArithmeticAcrossYearEnds() throws {
        let jan = try #require(Period(parsing: "2025-01"))
        #expect(jan.preceding.description == "2024-12")
        #expect(jan.shifted(years: -1).description == "2024-01")
        let q1 = try #require(Period(parsing: "2025-Q1"))
        #expect(q1.preceding.description == "2024-Q4")
        let h2 = try #require(Period(parsing: "2025-H2"))
        #expect(h2.yearToDate.description == "2025")
        #expect(try #require(Period(parsing: "2025-07")).yearToDate.description == "2025-01..2025-07")
    }

    @Test func calendarDaysValidateMonthLengthsAndCountDays() throws {
        #expect(CalendarDay(parsing: "2024-02-29") != nil)
        #expect(CalendarDay(parsing: "2025-02-29") == nil)
        #expect(CalendarDay(parsing: "1900-02-29") == nil)
        #expect(CalendarDay(parsing: "2000-02-29") != nil)
        let start = try #require(CalendarDay(parsing: "2025-11-10"))
        let end = try #require(CalendarDay(parsing: "2026-11-10"))
        #expect(start.days(until: end) == 365)
        #expect(start.adding(days: 365) == end)
        #expect(CalendarDay(dayNumber: start.dayNumber) == start)
    }
}

@Suite struct CodeTests {
    @Test func hsCodesNormaliseToSubheadings() {
        #expect(HSCode("8505111000")?.description == "8505.11")
        #expect(HSCode("850511")?.description == "8505.11")
        #expect(HSCode("2805.30")?.code == "280530")
        // Chapters and headings are commodities of their own, never summed from subheadings.
        #expect(HSCode("8505")?.level == .heading)
        #expect(HSCode("2846")?.description == "2846")
        #expect(HSCode("28")?.level == .chapter)
        #expect(HSCode("cn-rare-earths")?.level == .aggregate)
        #expect(HSCode("cn-rare-earths")?.hsPrefixes == ["280530", "2846"])
        #expect(HSCode("850") == nil)
        #expect(HSCode("85051") == nil)
        #expect(HSCode("85051a") == nil)
    }

    @Test func countriesAreISOCodesOrKnownAggregates() {
        #expect(CountryCode("usa")?.alpha3 == "USA")
        #expect(CountryCode("XXX") == nil)
        #expect(CountryCode("WLD")?.isCountry == false)
        #expect(CountryCatalog.resolve("Burma")?.alpha3 == "MMR")
        #expect(CountryCatalog.resolve("South Korea")?.alpha3 == "KOR")
        #expect(CountryCatalog.entries.values.filter { $0.kind == .country }.count == 249)
    }

    @Test func seventeenElementsInTwoGroups() {
        #expect(RareEarthElement.allCases.count == 17)
        #expect(RareEarthElement.dysprosium.group == .heavy)
        #expect(RareEarthElement.neodymium.group == .light)
        #expect(RareEarthElement(parsing: "terbium") == .terbium)
        #expect(RareEarthElement(parsing: "Tb") == .terbium)
    }
}
