import MonaziteCore
import MonaziteStore
import Testing

/// The import rules both backends apply, tested without a store: what is stored under an
/// incoming row's key in, the decision (and the one message a user reads) out.
@Suite struct ImportPlannerTests {
    static let june = Period(month: Month(year: 2025, month: 6)!)
    static let july14 = CalendarDay(year: 2025, month: 7, day: 14)
    static let aug20 = CalendarDay(year: 2025, month: 8, day: 20)

    static func figure(
        tonnes: Double? = 3100, usd: Double? = nil, status: DataStatus = .reported, release: CalendarDay? = july14
    ) -> Observation {
        Observation(
            key: TestStore.magnetsWorld, period: june, quantityTonnes: tonnes, valueUSD: usd, status: status,
            provenance: Provenance(source: "GAC", release: release))
    }

    static let stored = StoredFigure(quantity: 3100, value: nil, status: "reported", sourceID: 7)

    @Test func nothingStoredIsAnInsert() {
        #expect(ImportPlanner.observation(Self.figure(), sourceID: 7, stored: nil, earliestStoredRelease: nil) == .insert)
    }

    @Test func equalFigureIsUnchanged() {
        #expect(ImportPlanner.observation(Self.figure(), sourceID: 7, stored: Self.stored, earliestStoredRelease: 20250714) == .unchanged)
    }

    @Test func equalWithinTheRelativeToleranceIsUnchanged() {
        // 1e-9 of 3,100 t is 3.1e-6 t: a float round trip's difference, not a new figure.
        let close = Self.figure(tonnes: 3100 + 3e-6)
        #expect(ImportPlanner.observation(close, sourceID: 7, stored: Self.stored, earliestStoredRelease: nil) == .unchanged)
        let beyond = Self.figure(tonnes: 3100 + 4e-6)
        #expect(ImportPlanner.observation(beyond, sourceID: 7, stored: Self.stored, earliestStoredRelease: nil) != .unchanged)
    }

    @Test func belowOneTheToleranceIsAbsolute() {
        let tiny = StoredFigure(quantity: 0.001, value: nil, status: "reported", sourceID: 7)
        #expect(ImportPlanner.same(0.001, 0.001 + 9e-10))
        #expect(!ImportPlanner.same(0.001, 0.001 + 2e-9))
        let o = Self.figure(tonnes: 0.001 + 5e-10)
        #expect(ImportPlanner.observation(o, sourceID: 7, stored: tiny, earliestStoredRelease: nil) == .unchanged)
    }

    @Test func missingFiguresAreSameOnlyAsMissing() {
        #expect(ImportPlanner.same(nil, nil))
        #expect(!ImportPlanner.same(nil, 0))
        #expect(!ImportPlanner.same(0, nil))
    }

    @Test func differentFigureSameReleaseIsAConflictWithTheMessage() {
        let decision = ImportPlanner.observation(Self.figure(tonnes: 3188), sourceID: 7, stored: Self.stored, earliestStoredRelease: 20250714)
        #expect(
            decision
                == .conflict(
                    "CHN export 8505.11 WLD 2025-06 (2025-07-14) is already stored with a different figure (3100.0 t); "
                        + "a revision needs a later release date"))
    }

    @Test func conflictMessageShowsTheStoredValueWhenThereIsNoQuantity() {
        let byValue = StoredFigure(quantity: nil, value: 1_250_000, status: "reported", sourceID: 7)
        let decision = ImportPlanner.observation(
            Self.figure(tonnes: nil, usd: 1_300_000, release: nil), sourceID: 7, stored: byValue, earliestStoredRelease: 0)
        #expect(
            decision
                == .conflict(
                    "CHN export 8505.11 WLD 2025-06 (no release date) is already stored with a different figure (USD 1250000.0); "
                        + "a revision needs a later release date"))
    }

    @Test func aQuantityWhereOnlyAValueWasStoredIsAConflict() {
        let byValue = StoredFigure(quantity: nil, value: 1_250_000, status: "reported", sourceID: 7)
        let o = Self.figure(tonnes: 3100, usd: 1_250_000)
        guard case .conflict = ImportPlanner.observation(o, sourceID: 7, stored: byValue, earliestStoredRelease: nil) else {
            Issue.record("a figure gained under the same release must be refused")
            return
        }
    }

    @Test func differentStatusOrSourceIsAConflict() {
        let estimate = ImportPlanner.observation(Self.figure(status: .estimate), sourceID: 7, stored: Self.stored, earliestStoredRelease: nil)
        let otherSource = ImportPlanner.observation(Self.figure(), sourceID: 8, stored: Self.stored, earliestStoredRelease: nil)
        for decision in [estimate, otherSource] {
            guard case .conflict(let reason) = decision else {
                Issue.record("expected a conflict, got \(decision)")
                continue
            }
            #expect(reason.hasSuffix("is already stored with a different figure (3100.0 t); a revision needs a later release date"))
        }
    }

    @Test func laterReleaseIsARevision() {
        let revised = Self.figure(tonnes: 3188, release: Self.aug20)
        #expect(ImportPlanner.observation(revised, sourceID: 7, stored: nil, earliestStoredRelease: 20250714) == .revision)
        #expect(ImportPlanner.observation(revised, sourceID: 7, stored: nil, earliestStoredRelease: 0) == .revision)
    }

    @Test func earlierOrSameReleaseThanAnyStoredIsAPlainInsert() {
        // A release older than every stored one fills in history; it revises nothing.
        let older = Self.figure(release: Self.july14)
        #expect(ImportPlanner.observation(older, sourceID: 7, stored: nil, earliestStoredRelease: 20250820) == .insert)
        #expect(ImportPlanner.observation(older, sourceID: 7, stored: nil, earliestStoredRelease: 20250714) == .insert)
        let undated = Self.figure(release: nil)
        #expect(ImportPlanner.observation(undated, sourceID: 7, stored: nil, earliestStoredRelease: 20250714) == .insert)
    }

    @Test func onlyInsertsAndRevisionsAreStored() {
        #expect(ImportDecision.insert.stores)
        #expect(ImportDecision.revision.stores)
        #expect(!ImportDecision.unchanged.stores)
        #expect(!ImportDecision.conflict("x").stores)
    }

    // MARK: Salient statistics and indicators

    static func cell(_ text: String, subsection: String? = nil) -> SalientStatistic {
        SalientStatistic(
            edition: "MCS 2025", country: .unitedStates, commodityName: "Rare earths", section: "Salient statistics",
            subsection: subsection, item: "Production, mine", unit: "t", footnote: nil, year: 2024, isEstimated: true, text: text,
            value: Double(text), provenance: Provenance(source: "USGS"))
    }

    @Test func salientCellRules() {
        let s = Self.cell("45000")
        #expect(ImportPlanner.salientStatistic(s, storedText: nil, file: "mcs.csv") == .insert)
        #expect(ImportPlanner.salientStatistic(s, storedText: "45000", file: "mcs.csv") == .unchanged)
        #expect(
            ImportPlanner.salientStatistic(s, storedText: "43000", file: "mcs.csv")
                == .conflict(
                    "mcs.csv: MCS 2025 Production, mine 2024 is already stored as 43000, not 45000; editions are revisions, "
                        + "a new edition needs its own name"))
    }

    @Test func salientCellKeyIgnoresTheValueAndReadsNoSubsectionAsEmpty() {
        #expect(ImportPlanner.SalientCell(Self.cell("1")) == ImportPlanner.SalientCell(Self.cell("2", subsection: "")))
        #expect(ImportPlanner.SalientCell(Self.cell("1")) != ImportPlanner.SalientCell(Self.cell("1", subsection: "Imports")))
    }

    @Test func anIndicatorAlreadyStoredIsKeptWhateverItsValue() {
        #expect(ImportPlanner.indicator(alreadyStored: true) == .unchanged)
        #expect(ImportPlanner.indicator(alreadyStored: false) == .insert)
    }
}
