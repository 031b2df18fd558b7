import MonaziteCore

/// Checks extracted claims against a ``ClaimDataSource``.
///
/// A claim agrees when the data's figure lies within what the claim admits: its rounding (`3,188`
/// admits 3,187.5…3,188.5; `3.2 thousand` admits 3,150…3,250) or its qualifier (`about`: a step or
/// 5%; `nearly`: up to a step above and 10% below; `more than`, `less than`, `up to`: the bound).
/// A computed change carries the rounding of the figures it is computed from, so `+157.5%` agrees
/// with 3,188 t over 1,238.47 t (157.41%, but up to 157.46% within the rounding of 3,188). With
/// several releases or editions, the one current at the article's date decides; the notes say
/// which one agrees and which one revised it.
struct ClaimVerifier {
    let data: any ClaimDataSource
    let published: CalendarDay?
    private var seriesCache: [SeriesKey: [Observation]] = [:]
    private var salientCache: [CountryCode: [SalientStatistic]] = [:]
    private var indicatorCache: [Indicator.Measure: [Indicator]] = [:]
    private var releaseCache: [ReleaseKey: [Observation]] = [:]
    private var controlsCache: [ElementControl]?
    private var quotesCache: [PriceQuote]?

    struct ReleaseKey: Hashable {
        var key: SeriesKey
        var period: Period
    }

    init(data: any ClaimDataSource, published: CalendarDay?) {
        self.data = data
        self.published = published
    }

    mutating func verify(_ e: ExtractedClaim) async throws -> Claim {
        var c = e.claim
        if c.verdict == .outOfScope { return c }
        switch c.measure {
        case .level, .ytd, .momPct, .yoyPct, .ytdYoYPct:
            try await verifyTrade(e, &c)
        case .sharePct:
            try await verifyShare(e, &c)
        case .nirPct:
            try await verifyNIR(e, &c)
        case .production:
            try await verifyProduction(e, &c)
        case .price:
            try await verifyPrice(e, &c)
        case .count:
            try await verifyCount(e, &c)
        case .other:
            c.verdict = .unverifiable
            c.notes.append(
                c.unit == "pp"
                    ? "a change in percentage points: needs the two shares it is the difference of"
                    : "neither a level nor a change the checker knows how to compare (say month-on-month, year-on-year or a share)")
        }
        return c
    }

    // MARK: Prices

    /// A price against the cited quotes (bundled and imported) for the element, in the form and
    /// market the article names, dated in the claim's period (or the 31 days to the article's
    /// date). Agrees when a quote in the claim's currency overlaps what the claim admits (a
    /// quote per tonne is compared per kilogram and back: a change of unit, not of currency);
    /// disagrees when the article names the market and the month, there are such quotes and none
    /// does; the price a change starts from and the ends of a range are not checked; quotes
    /// in another currency only are named, not converted (that would be arithmetic, not a check).
    mutating func verifyPrice(_ e: ExtractedClaim, _ c: inout Claim) async throws {
        c.verdict = .unverifiable
        guard let item = e.priceItem, let element = Lexicon.priceElements[item] else {
            c.notes.append(
                "prices: no quotes are held\(e.priceItem.map { " for \($0)" } ?? ""); quotes are held for Dy, Tb, Nd, Pr and NdPr products")
            return
        }
        if e.priceIsBase {
            c.notes.append("the price a change starts from (\"from …\"): its date is not read, so it is not checked")
            return
        }
        if e.priceInRange {
            c.notes.append("one end of a price range: ranges are not checked")
            return
        }
        let unit = c.unit.split(separator: "/").map(String.init)
        guard unit.count == 2, unit[1] == "kg" || unit[1] == "t" else {
            c.notes.append("prices: the figure needs a unit per kilogram or per tonne to compare with a quote")
            return
        }
        let currency = unit[0]
        let perKilogram = unit[1] == "kg"
        let window: ClosedRange<Int>
        let windowText: String
        if let p = e.period, let first = CalendarDay(year: p.first.year, month: p.first.month, day: 1),
            let next = CalendarDay(year: p.last.adding(months: 1).year, month: p.last.adding(months: 1).month, day: 1)
        {
            window = first.dayNumber...(next.dayNumber - 1)
            windowText = c.period ?? p.description
        } else if let day = published {
            window = (day.dayNumber - 31)...day.dayNumber
            windowText = "the 31 days to \(day) (the article dates no price)"
        } else {
            c.notes.append("prices: the article dates neither the price nor itself")
            return
        }
        if quotesCache == nil { quotesCache = try await data.priceQuotes() }
        let product = (quotesCache ?? []).filter { q in
            q.elementKey == element && (e.priceForm.map { q.form == $0 } ?? true) && (e.priceMarket.map(q.isIn) ?? true)
        }
        let what = "\(element)\(e.priceForm.map { " " + $0 } ?? "")\(e.priceMarket.map { " (\($0.label))" } ?? "")"
        func text(_ q: PriceQuote) -> String {
            let figure = q.low == q.high ? ClaimsReport.number(q.low) : "\(ClaimsReport.number(q.low))–\(ClaimsReport.number(q.high))"
            return "\(q.source), \(q.dateText), \(q.basis), \(q.product): \(figure) \(q.currency)/\(q.perKilogram ? "kg" : "t")"
        }
        func source(_ q: PriceQuote) -> ClaimSource { ClaimSource(source: q.source, url: q.url, release: q.release ?? q.dateText) }
        let inWindow = product.filter { $0.firstDay.dayNumber <= window.upperBound && $0.lastDay.dayNumber >= window.lowerBound }
        let comparable = inWindow.filter { $0.currency == currency }
        if e.priceForm == nil { c.notes.append("no form named (oxide, metal, alloy): quotes of every form compared") }
        guard !comparable.isEmpty else {
            if let other = inWindow.first {
                c.notes.append(
                    "quotes for \(what) in \(windowText) are in another currency only (\(text(other))); converting them would be arithmetic, not a check")
            } else {
                c.notes.append("no quote held for \(what) in \(windowText)")
                let center = (window.lowerBound + window.upperBound) / 2
                let nearest = product.filter { $0.currency == currency }.min {
                    abs($0.firstDay.dayNumber - center) < abs($1.firstDay.dayNumber - center)
                }
                if let nearest { c.notes.append("nearest quote held: " + text(nearest)) }
            }
            return
        }
        let admitted = Self.admissible(value: c.value, step: e.step, qualifier: c.qualifier)
        func range(_ q: PriceQuote) -> ClosedRange<Double> {
            let factor = q.perKilogram == perKilogram ? 1 : (q.perKilogram ? 1000 : 0.001)
            return (q.low * factor)...(q.high * factor)
        }
        // The quote nearest the claim (its distance to the range, then the narrower range).
        func distance(_ q: PriceQuote) -> (Double, Double) {
            let r = range(q)
            return (r.contains(c.value) ? 0 : min(abs(r.lowerBound - c.value), abs(r.upperBound - c.value)), r.upperBound - r.lowerBound)
        }
        let match = comparable.filter { Self.overlaps(admitted, range($0)) }.min { distance($0) < distance($1) }
        let shown = match ?? comparable.min { distance($0) < distance($1) }
        guard let q = shown else { return }
        if match == nil, e.priceMarket == nil || e.priceForm == nil || e.period == nil || !e.periodIsOwn {
            // Markets differ several-fold (China domestic against Europe), and prices move week
            // to week: with no market or no date named, a quote that does not match says nothing
            // against the claim.
            c.notes.append(
                "no quote held for \(what) in \(windowText) matches, and the article names no \(e.priceMarket == nil ? "market" : e.priceForm == nil ? "form" : "date of the price's own") to hold it to:")
            for other in comparable { c.notes.append(text(other)) }
            return
        }
        let r = range(q)
        let figure = (r.lowerBound + r.upperBound) / 2
        c.verdict = match != nil ? .agrees : .disagrees
        c.dataValue = figure
        c.difference = figure - c.value
        c.sources = [source(q)]
        c.notes.append(text(q) + (r.lowerBound == r.upperBound ? "" : " (its midpoint shown as the data)"))
        if e.priceMarket == nil { c.notes.append("no market named: quotes of every market compared") }
        if match == nil {
            for other in comparable where other != q { c.notes.append("also held: " + text(other)) }
        }
    }

    // MARK: Counts of elements

    /// A number of rare-earth elements against the acts of the policy timeline that list elements.
    ///
    /// With a period ("in April", "in October 2025"), the acts announced or taking effect in it
    /// decide: agrees when one lists (or, for "five more elements", adds) that many, disagrees when
    /// none does. Without one, a claim agrees with an act before the article's date that lists that
    /// many, or with the number of elements under the acts in force on that date; otherwise the
    /// claim is unverifiable and the notes list what the timeline holds.
    mutating func verifyCount(_ e: ExtractedClaim, _ c: inout Claim) async throws {
        c.verdict = .unverifiable
        guard e.countsElements else {
            c.notes.append("a count of firms, licences or other things: the data holds no such count")
            return
        }
        if controlsCache == nil { controlsCache = try await data.elementControls(on: published) }
        let all = (controlsCache ?? []).sorted { ($0.firstDay?.dayNumber ?? Int.max) < ($1.firstDay?.dayNumber ?? Int.max) }
        // What each act lists, or adds to the acts dated before it.
        func counted(_ act: ElementControl) -> [String] {
            guard e.countsAddition else { return act.elements }
            let earlier = Set(
                all.filter { other in
                    guard let d = other.firstDay, let a = act.firstDay else { return false }
                    return d < a
                }.flatMap(\.elements))
            return act.elements.filter { !earlier.contains($0) }
        }
        func describe(_ act: ElementControl) -> String {
            let list = counted(act)
            let dates = [act.announced.map { "announced \($0)" }, act.effective.map { "effective \($0)" }].compactMap { $0 }
            let verb = e.countsAddition ? "adds" : "lists"
            let uncertain = act.verified ? "" : "; the timeline flags this act as uncertain"
            return "\(act.label) (\(dates.joined(separator: ", "))) \(verb) \(list.count) elements: \(list.joined(separator: ", "))\(uncertain)"
        }
        /// "; on 2025-11-30: in force" (nothing without a status or a day).
        func statusNote(_ act: ElementControl, on day: CalendarDay?) -> String {
            guard let status = act.status, let day else { return "" }
            return "; on \(day): " + status.replacingOccurrences(of: "_", with: " ")
        }
        func source(_ act: ElementControl) -> ClaimSource {
            // The act's date, unless the source's name already carries it ("Holland & Knight 2025-04-04").
            let day = act.firstDay?.description
            return ClaimSource(source: act.source, url: act.url, release: day.flatMap { act.source.contains($0) ? nil : $0 })
        }
        let claimed = abs(c.value)
        let what = e.countsAddition ? "adding" : "listing"
        if let p = e.period {
            let inPeriod = all.filter { act in
                [act.announced, act.effective].contains { d in d.map { p.contains($0.monthValue) } ?? false }
            }
            guard !inPeriod.isEmpty else {
                c.notes.append("no act on the policy timeline \(what) rare-earth elements was announced or took effect in \(c.period ?? p.description)")
                return
            }
            let match = inPeriod.first { Self.countAdmits(Double(counted($0).count), claimed, c.qualifier, boundIncluded: e.boundIncluded) }
            // "expanded its controls to 12 rare earth elements in October": the elements under
            // every act dated by the period's end.
            if match == nil, !e.countsAddition, let end = inPeriod.compactMap(\.firstDay).max() {
                let acts = all.filter { act in act.firstDay.map { $0 <= end } ?? false }
                let union = Set(acts.flatMap(\.elements))
                if Self.countAdmits(Double(union.count), claimed, c.qualifier, boundIncluded: e.boundIncluded) {
                    c.verdict = .agrees
                    c.dataValue = Double(union.count)
                    c.difference = Double(union.count) - claimed
                    c.sources = acts.map(source)
                    c.notes.append("\(union.count) elements under \(acts.map(\.label).joined(separator: " and ")) by \(end)")
                    for act in acts { c.notes.append(describe(act)) }
                    return
                }
            }
            if match == nil, !e.periodIsOwn {
                // The sentence's period ("initially introduced in April, adding five more
                // elements"), not the count's own: say what it holds, do not call the count wrong.
                c.notes.append("the sentence's period (\(c.period ?? p.description)) is not the count's own, and its acts do not match:")
                for act in inPeriod { c.notes.append(describe(act)) }
                if let other = all.last(where: { act in
                    (published.map { day in act.firstDay.map { $0 <= day } ?? false } ?? true)
                        && Self.countAdmits(Double(counted(act).count), claimed, c.qualifier, boundIncluded: e.boundIncluded)
                }) {
                    c.notes.append("an act that does: " + describe(other))
                }
                return
            }
            let act = match ?? inPeriod[0]
            c.verdict = match != nil ? .agrees : .disagrees
            c.dataValue = Double(counted(act).count)
            c.difference = Double(counted(act).count) - claimed
            c.sources = [source(act)]
            c.notes.append(describe(act))
            if match == nil, inPeriod.count > 1 {
                for other in inPeriod.dropFirst() { c.notes.append(describe(other)) }
            }
            return
        }
        let before = all.filter { act in published.map { day in act.firstDay.map { $0 <= day } ?? false } ?? true }
        if let act = before.last(where: { Self.countAdmits(Double(counted($0).count), claimed, c.qualifier, boundIncluded: e.boundIncluded) }) {
            c.verdict = .agrees
            c.dataValue = Double(counted(act).count)
            c.difference = Double(counted(act).count) - claimed
            c.sources = [source(act)]
            c.notes.append(describe(act))
            c.notes.append("the article dates no act: matched on the number alone")
            return
        }
        if let day = published, !e.countsAddition {
            // "now cover seven": the elements of the acts in force on the day, else of every act announced by then.
            let inForce = before.filter(\.inForce)
            for (acts, how) in [(inForce, "in force on"), (before, "announced by")] where !acts.isEmpty {
                let union = Set(acts.flatMap(\.elements))
                guard Self.countAdmits(Double(union.count), claimed, c.qualifier, boundIncluded: e.boundIncluded) else { continue }
                c.verdict = .agrees
                c.dataValue = Double(union.count)
                c.difference = Double(union.count) - claimed
                c.sources = acts.map(source)
                c.notes.append("\(how) \(day): \(union.count) elements under \(acts.map(\.label).joined(separator: " and "))")
                for act in acts { c.notes.append(describe(act) + statusNote(act, on: day)) }
                return
            }
        }
        if before.isEmpty {
            c.notes.append("no act on the policy timeline \(what) rare-earth elements\(published.map { " by \($0)" } ?? "")")
        } else {
            c.notes.append("no act on the policy timeline \(what) that many elements; it holds:")
            for act in before { c.notes.append(describe(act) + statusNote(act, on: published)) }
        }
    }

    /// Whether a whole count `n` is what a claim of `value` with `qualifier` admits ("more than
    /// seven" is eight or more, "at least seven" seven or more).
    static func countAdmits(_ n: Double, _ value: Double, _ qualifier: ClaimQualifier, boundIncluded: Bool) -> Bool {
        switch qualifier {
        case .exact: n == value
        case .about: abs(n - value) <= max(1, 0.1 * value)
        case .nearly: n <= value && n >= value - max(1, 0.1 * value)
        case .moreThan: boundIncluded ? n >= value : n > value
        case .lessThan: boundIncluded ? n <= value : n < value
        case .upTo: n <= value
        }
    }

    // MARK: Intervals

    /// What the claim admits, in its own unit (signed).
    static func admissible(value: Double, step: Double, qualifier: ClaimQualifier) -> ClosedRange<Double> {
        let a = abs(value)
        let h = step / 2 + 1e-9
        let lo: Double
        let hi: Double
        switch qualifier {
        case .exact:
            // Rounding half up: 45,500 does not round to 45,000.
            lo = a - h
            hi = a + h - 2e-9
        case .about:
            let t = max(step, 0.05 * a)
            lo = a - t
            hi = a + t
        case .nearly:
            lo = a - max(step, 0.1 * a)
            hi = a + h
        case .moreThan:
            lo = a
            hi = .infinity
        case .lessThan:
            lo = value < 0 ? 0 : -Double.infinity
            hi = a
        case .upTo:
            lo = value < 0 ? 0 : -Double.infinity
            hi = a + h
        }
        return value < 0 ? (-hi)...(-lo) : lo...hi
    }

    static func overlaps(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> Bool {
        a.lowerBound <= b.upperBound && b.lowerBound <= a.upperBound
    }

    /// Half of the last written digit of a stored figure (3188 → 0.5, 1238.47 → 0.005).
    static func halfStep(of v: Double) -> Double {
        let text = String(v)
        guard let dot = text.firstIndex(of: "."), !text.contains("e") else { return 0.5 }
        let decimals = text[text.index(after: dot)...]
        if decimals == "0" { return 0.5 }
        return Change.halfStep(ofDecimalPlaces: decimals.count)
    }

    /// A published figure and the rounding its digits show: trailing zeros of a figure of 100 or
    /// more are rounding (62,580 → 62,575…62,585).
    static func dataInterval(_ v: Double) -> ClosedRange<Double> {
        guard v == v.rounded(), v >= 100, v < 1e15 else { return v...v }
        var n = Int(v)
        var step = 1.0
        while n % 10 == 0 && n > 0 {
            n /= 10
            step *= 10
        }
        return step == 1 ? v...v : (v - step / 2)...(v + step / 2)
    }

    static func rounded(_ v: Double, _ places: Double = 100) -> Double { (v * places).rounded() / places }

    static func source(_ p: Provenance) -> ClaimSource {
        ClaimSource(source: p.source, url: p.url, release: p.release?.description)
    }

    static func tonnes(_ v: Double) -> String {
        let r = rounded(v)
        let integer = Int(r.rounded(.towardZero))
        var digits = String(abs(integer))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = (r < 0 ? "-" : "") + groups.joined(separator: ",")
        let fraction = abs(r - Double(integer))
        if fraction >= 0.005 {
            let f = String(Int((fraction * 100).rounded()))
            text += "." + (f.count == 1 ? "0" + f : f)
            while text.hasSuffix("0") { text.removeLast() }
        }
        return text
    }

    static func pct(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        let text = r == r.rounded() ? String(Int(r)) : String(r)
        return (r >= 0 ? "+" : "") + text + "%"
    }

    // MARK: Trade

    mutating func series(_ key: SeriesKey) async throws -> [Observation] {
        if let s = seriesCache[key] { return s }
        let s = try await data.tradeSeries(key, asOf: nil)
        seriesCache[key] = s
        return s
    }

    func key(_ c: Claim) -> (SeriesKey?, String?) {
        guard let r = c.reporter.flatMap(CountryCode.init) else {
            return (nil, "the article does not say which country reports the figure")
        }
        guard let p = c.partner.flatMap(CountryCode.init) else { return (nil, "the article does not say which partner") }
        guard let f = c.flow.flatMap(TradeFlow.init(parsing:)) else { return (nil, "the article does not say exports or imports") }
        guard let commodity = c.commodity else { return (nil, "the article does not say which commodity") }
        guard let code = HSCode(commodity) else {
            return (nil, "no series for \(commodity) in the store; needs \(r.name)'s \(f)s of \(commodity) by month")
        }
        return (SeriesKey(reporter: r, partner: p, flow: f, commodity: code), nil)
    }

    struct Evaluation {
        var verdict: ClaimVerdict
        var dataValue: Double?
        var sources: [ClaimSource] = []
        var notes: [String] = []
        /// The measure the figure was read as, when the article left it open.
        var measure: ClaimMeasure?
    }

    mutating func verifyTrade(_ e: ExtractedClaim, _ c: inout Claim) async throws {
        guard let period = e.period else {
            c.verdict = .unverifiable
            c.notes.append("period: \(e.periodProblem ?? "unknown"); give --published or a date in the text")
            return
        }
        let (k, problem) = key(c)
        guard var key = k else {
            c.verdict = .unverifiable
            c.notes.append(problem ?? "no series")
            return
        }
        var evaluation = try await evaluateTrade(e, key: key, period: period)
        // Mirror flows: "US imports from China" as China's exports to the US.
        if evaluation == nil, key.flow == .import, key.reporter != .china, key.partner == .china {
            let mirror = SeriesKey(reporter: .china, partner: key.reporter, flow: .export, commodity: key.commodity)
            if let m = try await evaluateTrade(e, key: mirror, period: period) {
                evaluation = m
                evaluation?.notes.insert(
                    "mirror flow: the article's \(key.reporter.name) imports from China checked as China's exports to \(key.reporter.name), as China's customs report them",
                    at: 0)
                key = mirror
                c.reporter = mirror.reporter.alpha3
                c.partner = mirror.partner.alpha3
                c.flow = mirror.flow.rawValue
            }
        }
        // Scope: the figure of the other rare-earth commodity.
        if evaluation?.verdict != .agrees, let alternative = Self.otherScope(key.commodity) {
            let other = SeriesKey(reporter: key.reporter, partner: key.partner, flow: key.flow, commodity: alternative)
            if let o = try await evaluateTrade(e, key: other, period: period), o.verdict == .agrees {
                let said = Self.scopeName(key.commodity)
                let actual = Self.scopeName(alternative)
                var note = "scope: the article says \(said), but \(Self.measureText(c)) is the figure for \(actual)"
                if let v = o.dataValue { note += " (\(c.unit == "%" ? Self.pct(v) : Self.tonnes(v) + " t"))" }
                if evaluation == nil {
                    evaluation = Evaluation(
                        verdict: .unverifiable, dataValue: nil, sources: o.sources, notes: [note + "; no figure for \(said) in \(period)"])
                } else {
                    evaluation?.notes.append(note)
                    evaluation?.sources += o.sources
                }
            }
        }
        guard let ev = evaluation else {
            c.verdict = .unverifiable
            c.notes.append(
                "no figure stored for \(key.reporter.name) \(key.flow)s of \(Self.scopeName(key.commodity)) to \(key.partner.name) for \(Self.periodNeeded(c.measure, period)); needs that release"
            )
            return
        }
        c.verdict = ev.verdict
        if let m = ev.measure { c.measure = m }
        c.dataValue = ev.dataValue.map { Self.rounded($0) }
        if let d = ev.dataValue, ev.verdict != .unverifiable { c.difference = Self.rounded(d - c.value) }
        c.sources = Self.unique(ev.sources)
        c.notes += ev.notes
        if e.ambiguousChange {
            c.notes.append(
                "change: the article does not say month-on-month or year-on-year; read as \(c.measure == .momPct ? "month-on-month" : "year-on-year"), which \(c.verdict == .agrees ? "matches" : "is the nearer")"
            )
        }
    }

    static func unique(_ s: [ClaimSource]) -> [ClaimSource] {
        var seen = Set<ClaimSource>()
        return s.filter { seen.insert($0).inserted }
    }

    static func otherScope(_ code: HSCode) -> HSCode? {
        if code.code == "850511" { return HSCode("cn-rare-earths") }
        if code.code == "cn-rare-earths" { return HSCode("8505.11") }
        return nil
    }

    static func scopeName(_ code: HSCode) -> String {
        switch code.code {
        case "850511": "rare-earth permanent magnets (HS 8505.11)"
        case "cn-rare-earths": "rare earths (China customs headline category)"
        case "cn-dysprosium": "dysprosium"
        case "cn-terbium": "terbium"
        default: "HS \(code)"
        }
    }

    static func measureText(_ c: Claim) -> String {
        c.unit == "%" ? "the change" : "the quantity"
    }

    static func periodNeeded(_ m: ClaimMeasure, _ p: Period) -> String {
        switch m {
        case .momPct: "\(p) and \(p.preceding)"
        case .yoyPct, .ytdYoYPct: "\(p) and \(p.shifted(years: -1))"
        default: "\(p)"
        }
    }

    /// Compares a trade claim with one series; nil when the series has no figure for it.
    mutating func evaluateTrade(_ e: ExtractedClaim, key: SeriesKey, period: Period) async throws -> Evaluation? {
        let observations = try await series(key)
        guard !observations.isEmpty else { return nil }
        let totals = SeriesTotals(observations)
        let c = e.claim
        let admits = Self.admissible(value: c.value, step: e.step, qualifier: c.qualifier)
        switch c.measure {
        case .level, .ytd:
            guard case .success(let total) = totals.total(over: period) else { return nil }
            let usd = c.unit == "USD"
            if usd && total.valueUSD == nil { return nil }
            var notes: [String] = []
            if total.pieces.count > 1 { notes.append("sum of \(total.pieces.map(\.period.description).joined(separator: " + "))") }
            for p in total.pieces where p.status != .reported {
                notes.append("\(p.period) is \(p.status)\(p.note.map { ": \($0)" } ?? "")")
            }
            if total.isSingleFigure, !usd {
                let cacheKey = ReleaseKey(key: key, period: period)
                let stored: [Observation]
                if let cached = releaseCache[cacheKey] {
                    stored = cached
                } else {
                    stored = try await data.tradeReleases(key, period: period)
                    releaseCache[cacheKey] = stored
                }
                let releases = stored.filter { $0.quantityTonnes != nil }
                if releases.count > 1 {
                    return Self.judgeReleases(releases, admits: admits, published: published, notes: notes)
                }
            }
            let value = usd ? (total.valueUSD ?? 0) : total.tonnes
            var agrees = admits.contains(value)
            if !agrees, !usd, total.pieces.count > 1 {
                // A sum of figures each published rounded is known only to the sum of their
                // roundings: 19,131.47 t from five monthly figures does not contradict "19,132 t".
                let slack = total.pieces.reduce(0) { $0 + Self.halfStep(of: $1.quantityTonnes ?? 0) }
                if admits.overlaps((value - slack)...(value + slack)) {
                    agrees = true
                    notes.append(
                        "agrees within the rounding of the \(total.pieces.count) figures summed, each as stored (±\(Self.rounded(slack, 1000)) t together)")
                }
            }
            return Evaluation(
                verdict: agrees ? .agrees : .disagrees, dataValue: value, sources: total.pieces.map { Self.source($0.provenance) },
                notes: notes)
        case .momPct, .yoyPct, .ytdYoYPct:
            var candidates: [ClaimMeasure] = [c.measure]
            if e.ambiguousChange { candidates = [.yoyPct, .momPct] }
            var best: (ClaimMeasure, Evaluation, Double)?
            for m in candidates {
                guard let ev = evaluateChange(m, e: e, totals: totals, period: period, admits: admits) else { continue }
                let distance = abs((ev.dataValue ?? 0) - c.value)
                if ev.verdict == .agrees {
                    best = (m, ev, -1)
                    break
                }
                if let b = best, b.2 <= distance { continue }
                best = (m, ev, distance)
            }
            guard let (m, ev, _) = best else { return nil }
            var out = ev
            out.measure = m
            return out
        default:
            return nil
        }
    }

    func evaluateChange(_ m: ClaimMeasure, e: ExtractedClaim, totals: SeriesTotals, period: Period, admits: ClosedRange<Double>)
        -> Evaluation?
    {
        let basePeriod = m == .momPct ? period.preceding : period.shifted(years: -1)
        guard case .success(let current) = totals.total(over: period) else { return nil }
        let publishedChange: Double? =
            current.isSingleFigure ? (m == .momPct ? current.pieces[0].reportedMoMPct : current.pieces[0].reportedYoYPct) : nil
        guard case .success(let base) = totals.total(over: basePeriod), base.tonnes > 0 else {
            // No stored base: the change as the source published it is the figure the data holds.
            guard let p = publishedChange else { return nil }
            let source = current.pieces[0].provenance
            return Evaluation(
                verdict: admits.contains(p) ? .agrees : .disagrees, dataValue: p, sources: [Self.source(source)],
                notes: ["no stored figure for \(basePeriod); checked against the change \(source.source) published (\(Self.pct(p)))"])
        }
        let computed = (current.tonnes / base.tonnes - 1) * 100
        let interval =
            Change.percentInterval(
                current: current.tonnes, currentHalfStep: Self.halfStep(of: current.tonnes), base: base.tonnes,
                baseHalfStep: Self.halfStep(of: base.tonnes)) ?? computed...computed
        var notes: [String] = [
            "computed: \(Self.tonnes(current.tonnes)) t in \(period) over \(Self.tonnes(base.tonnes)) t in \(basePeriod) = \(Self.pct(computed))"
        ]
        let published = publishedChange
        var agrees = Self.overlaps(admits, interval)
        var value = computed
        if let p = published {
            notes.append("\(current.pieces[0].provenance.source) published \(Self.pct(p))")
            if !agrees && admits.contains(p) {
                agrees = true
                value = p
                notes.append("agrees with the change as published; the stored levels give \(Self.pct(computed))")
            }
        }
        let derivation: Derivation.Measure = m == .momPct ? .momPct : .yoyPct
        if base.isSingleFigure, base.pieces[0].isDerived(from: derivation, of: period) {
            notes.append("\(basePeriod) was derived from this published change, so the comparison is arithmetic, not a check")
        }
        if agrees, !Self.overlaps(admits, interval), published == nil { agrees = false }
        let sources = (current.pieces + base.pieces).map { Self.source($0.provenance) }
        return Evaluation(verdict: agrees ? .agrees : .disagrees, dataValue: value, sources: sources, notes: notes)
    }

    /// Several releases of one figure: the one current at the article's date decides.
    static func judgeReleases(_ releases: [Observation], admits: ClosedRange<Double>, published: CalendarDay?, notes: [String])
        -> Evaluation
    {
        let dated = releases.compactMap { o in o.provenance.release.map { (o, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
        let undated = releases.filter { $0.provenance.release == nil }
        func day(_ o: Observation) -> CalendarDay { o.provenance.release ?? CalendarDay(dayNumber: 0) }
        let primary: Observation = {
            if let d = published, let p = dated.last(where: { day($0) <= d }) { return p }
            if published != nil, let p = dated.first { return p }
            return dated.last ?? releases[releases.count - 1]
        }()
        func describe(_ o: Observation) -> String {
            "\(tonnes(o.quantityTonnes ?? 0)) t (\(o.provenance.source)\(o.provenance.release.map { ", \($0)" } ?? ", undated"))"
        }
        var out = notes
        let value = primary.quantityTonnes ?? 0
        /// A stored figure as published, with its own rounding (TASS's 62,580 is 62,585 to the ten).
        func matches(_ o: Observation) -> Bool {
            guard let v = o.quantityTonnes else { return false }
            return overlaps(admits, dataInterval(v))
        }
        if matches(primary) {
            let later = dated.filter { o in
                (primary.provenance.release.map { day(o) > $0 } ?? false) && !matches(o)
            }
            if let l = later.last { out.append("revised after the article: \(describe(l))") }
            for u in undated where !matches(u) { out.append("another source gives \(describe(u))") }
            return Evaluation(verdict: .agrees, dataValue: value, sources: [source(primary.provenance)], notes: out)
        }
        if let match = releases.first(where: matches) {
            let matchDate = match.provenance.release
            let superseded = matchDate.map { d in primary.provenance.release.map { d < $0 } ?? false } ?? false
            if superseded {
                out.append("matches the earlier release \(describe(match)), revised by \(describe(primary))")
                return Evaluation(
                    verdict: .disagrees, dataValue: value, sources: [source(primary.provenance), source(match.provenance)], notes: out)
            }
            out.append("agrees with \(describe(match)); \(describe(primary)) differs")
            return Evaluation(
                verdict: .agrees, dataValue: match.quantityTonnes, sources: [source(match.provenance), source(primary.provenance)],
                notes: out)
        }
        return Evaluation(verdict: .disagrees, dataValue: value, sources: [source(primary.provenance)], notes: out)
    }

    // MARK: Shares

    mutating func indicators(_ m: Indicator.Measure) async throws -> [Indicator] {
        if let i = indicatorCache[m] { return i }
        let i = try await data.indicators(m)
        indicatorCache[m] = i
        return i
    }

    mutating func verifyShare(_ e: ExtractedClaim, _ c: inout Claim) async throws {
        let admits = Self.admissible(value: c.value, step: e.step, qualifier: c.qualifier)
        if let stage = e.stage, c.flow == nil {
            guard let country = c.reporter.flatMap(CountryCode.init) else {
                c.verdict = .unverifiable
                c.notes.append("share: the article does not say whose share")
                return
            }
            let all = try await indicators(.stageShare).filter { $0.country == country && $0.stage == stage && $0.value != nil }
            let year = e.period?.last.year ?? published?.year
            var candidates = all.filter { i in
                year.map { i.period.last.year <= $0 } ?? true && i.status != .estimate || i.period.last.year == year
            }
            if candidates.isEmpty { candidates = all }
            guard !candidates.isEmpty else {
                c.verdict = .unverifiable
                c.notes.append("no stage share stored for \(country.name) in \(stage.label); needs a stage-share estimate")
                return
            }
            let scored = candidates.map { i in (i, (i.value ?? 0) * 100) }
            if let hit = scored.first(where: { admits.contains($0.1) }) {
                c.verdict = .agrees
                c.dataValue = Self.rounded(hit.1)
                c.sources = [Self.source(hit.0.provenance)]
                c.notes.append(
                    "\(hit.0.dataset) \(hit.0.edition): \(country.name)'s share of \(stage.label) (\(hit.0.scope)) in \(hit.0.period) is \(Self.rounded(hit.1, 10))%"
                )
            } else if let near = scored.min(by: { abs($0.1 - c.value) < abs($1.1 - c.value) }) {
                c.verdict = .disagrees
                c.dataValue = Self.rounded(near.1)
                c.sources = [Self.source(near.0.provenance)]
                c.notes.append(
                    "nearest published estimate: \(near.0.dataset) \(near.0.edition), \(near.0.scope), \(near.0.period): \(Self.rounded(near.1, 10))%"
                )
            }
            c.difference = c.dataValue.map { Self.rounded($0 - c.value) }
            c.period = c.period ?? nil
            return
        }
        // A partner's share of a flow.
        guard let period = e.period else {
            c.verdict = .unverifiable
            c.notes.append("period: \(e.periodProblem ?? "unknown")")
            return
        }
        let (k, problem) = key(c)
        guard let key = k, key.partner != .world else {
            c.verdict = .unverifiable
            c.notes.append(problem ?? "share: the article does not say which partner's share")
            return
        }
        // USGS import sources: "China supplied 70% of US imports".
        if key.flow == .import {
            let all = try await indicators(.importSourceShare).filter { $0.country == key.partner && $0.importer == key.reporter }
            if let hit = all.first(where: { $0.period == period }) ?? all.last {
                let v = (hit.value ?? 0) * 100
                c.verdict = admits.contains(v) ? .agrees : .disagrees
                c.dataValue = Self.rounded(v)
                c.difference = Self.rounded(v - c.value)
                c.sources = [Self.source(hit.provenance)]
                c.notes.append(
                    "USGS \(hit.edition): \(key.partner.name)'s share of \(key.reporter.name) imports of \(hit.scope), \(hit.period)")
                if hit.period != period { c.notes.append("the stored share is for \(hit.period), not \(period)") }
                return
            }
        }
        let world = SeriesKey(reporter: key.reporter, partner: .world, flow: key.flow, commodity: key.commodity)
        let partSeries = SeriesTotals(try await series(key))
        let worldSeries = SeriesTotals(try await series(world))
        guard case .success(let part) = partSeries.total(over: period), case .success(let whole) = worldSeries.total(over: period),
            whole.tonnes > 0
        else {
            c.verdict = .unverifiable
            c.notes.append("needs \(key.partner.name)'s and the world figure for \(period)")
            return
        }
        let share = part.tonnes / whole.tonnes * 100
        let lo = (part.tonnes - Self.halfStep(of: part.tonnes)) / (whole.tonnes + Self.halfStep(of: whole.tonnes)) * 100
        let hi = (part.tonnes + Self.halfStep(of: part.tonnes)) / (whole.tonnes - Self.halfStep(of: whole.tonnes)) * 100
        c.verdict = Self.overlaps(admits, lo...hi) ? .agrees : .disagrees
        c.dataValue = Self.rounded(share)
        c.difference = Self.rounded(share - c.value)
        c.sources = Self.unique((part.pieces + whole.pieces).map { Self.source($0.provenance) })
        c.notes.append("computed: \(Self.tonnes(part.tonnes)) t to \(key.partner.name) of \(Self.tonnes(whole.tonnes)) t in \(period)")
    }

    // MARK: USGS

    static func editionRelease(_ edition: String) -> CalendarDay? {
        USGSEdition(parsing: edition)?.rareEarthsProvenance().release
    }

    /// Editions in order; the one current at the article's date (or the latest).
    func currentEdition<T>(_ byEdition: [(String, T)]) -> Int? {
        guard !byEdition.isEmpty else { return nil }
        if let d = published {
            if let i = byEdition.lastIndex(where: { Self.editionRelease($0.0).map { $0 <= d } ?? false }) { return i }
            return 0
        }
        return byEdition.count - 1
    }

    mutating func verifyNIR(_ e: ExtractedClaim, _ c: inout Claim) async throws {
        guard let country = c.reporter.flatMap(CountryCode.init), let period = e.period, period.kind == .year else {
            c.verdict = .unverifiable
            c.notes.append("net import reliance is published per country and year; needs both")
            return
        }
        if salientCache[country] == nil { salientCache[country] = try await data.salientStatistics(country: country) }
        let stats = salientCache[country] ?? []
        let editions = Array(Set(stats.map(\.edition))).sorted {
            (USGSEdition(parsing: $0)?.year ?? 0) < (USGSEdition(parsing: $1)?.year ?? 0)
        }
        var rows: [(String, NetImportRelianceTable.Year)] = []
        for ed in editions {
            let table = NetImportRelianceTable(stats: stats.filter { $0.edition == ed })
            if let y = table.years.first(where: { $0.year == period.first.year }), y.published != nil { rows.append((ed, y)) }
        }
        guard let current = currentEdition(rows) else {
            c.verdict = .unverifiable
            c.notes.append("no USGS net import reliance stored for \(country.name) in \(period)")
            return
        }
        let admits = Self.admissible(value: c.value, step: e.step, qualifier: c.qualifier)
        func interval(_ p: NetImportReliance.Published) -> ClosedRange<Double> {
            switch p {
            case .percent(let v): (v - 0.5)...(v + 0.5)
            case .greaterThan(let b): b...100
            case .lessThan(let b): 0...b
            case .netExporter: -Double.infinity...0
            }
        }
        func number(_ p: NetImportReliance.Published) -> Double? {
            switch p {
            case .percent(let v), .greaterThan(let v), .lessThan(let v): v
            case .netExporter: nil
            }
        }
        func label(_ r: (String, NetImportRelianceTable.Year)) -> String {
            "\(r.1.published?.description ?? "?")% in \(r.0)\(r.1.estimated ? " (estimate)" : "")\(Self.editionRelease(r.0).map { ", \($0)" } ?? "")"
        }
        let primary = rows[current]
        let agreesPrimary = primary.1.published.map { Self.overlaps(admits, interval($0)) } ?? false
        c.dataValue = primary.1.published.flatMap(number)
        c.sources = [Self.source(USGSEdition(parsing: primary.0)?.rareEarthsProvenance() ?? Provenance(source: primary.0))]
        c.notes.append("USGS net import reliance, rare-earth compounds and metals, \(period): \(label(primary))")
        if agreesPrimary {
            c.verdict = .agrees
            for later in rows[(current + 1)...] where !(later.1.published.map { Self.overlaps(admits, interval($0)) } ?? false) {
                c.notes.append("revised after the article: \(label(later))")
            }
        } else {
            c.verdict = .disagrees
            if let match = rows.first(where: { r in r.1.published.map { Self.overlaps(admits, interval($0)) } ?? false }) {
                let earlier = (rows.firstIndex { $0.0 == match.0 } ?? 0) < current
                c.notes.append(
                    earlier
                        ? "matches the superseded edition: \(label(match)); revised by \(primary.0)"
                        : "matches a later edition: \(label(match))")
                if !earlier { c.verdict = .agrees }
                c.sources.append(Self.source(USGSEdition(parsing: match.0)?.rareEarthsProvenance() ?? Provenance(source: match.0)))
            }
        }
        if let d = c.dataValue { c.difference = Self.rounded(d - c.value) }
    }

    mutating func verifyProduction(_ e: ExtractedClaim, _ c: inout Claim) async throws {
        guard let country = c.reporter.flatMap(CountryCode.init), let period = e.period, period.kind == .year else {
            c.verdict = .unverifiable
            c.notes.append("mine production is published per country and year; needs both")
            return
        }
        let all = try await indicators(.production).filter {
            $0.country == country && $0.period == period && $0.dataset.hasPrefix("USGS") && $0.value != nil
        }
        let byEdition = all.sorted { (USGSEdition(parsing: $0.edition)?.year ?? 0) < (USGSEdition(parsing: $1.edition)?.year ?? 0) }.map {
            ($0.edition, $0)
        }
        guard let current = currentEdition(byEdition) else {
            c.verdict = .unverifiable
            c.notes.append("no USGS mine production stored for \(country.name) in \(period)")
            return
        }
        let admits = Self.admissible(value: c.value, step: e.step, qualifier: c.qualifier)
        func label(_ r: (String, Indicator)) -> String {
            "\(Self.tonnes(r.1.value ?? 0)) t REO in \(r.0)\(r.1.status == .estimate ? " (estimate)" : "")\(Self.editionRelease(r.0).map { ", \($0)" } ?? "")"
        }
        let primary = byEdition[current]
        c.dataValue = primary.1.value
        c.sources = [Self.source(USGSEdition(parsing: primary.0)?.rareEarthsProvenance() ?? primary.1.provenance)]
        c.notes.append("USGS mine production, \(country.name), \(period): \(label(primary))")
        if admits.contains(primary.1.value ?? .nan) {
            c.verdict = .agrees
            for later in byEdition[(current + 1)...] where !admits.contains(later.1.value ?? .nan) {
                c.notes.append("revised after the article: \(label(later))")
            }
        } else {
            c.verdict = .disagrees
            if let match = byEdition.first(where: { admits.contains($0.1.value ?? .nan) }) {
                let earlier = (byEdition.firstIndex { $0.0 == match.0 } ?? 0) < current
                c.notes.append(
                    earlier
                        ? "matches the superseded edition: \(label(match)); revised by \(primary.0)"
                        : "matches a later edition: \(label(match))")
                if !earlier { c.verdict = .agrees }
            }
        }
        if let d = c.dataValue { c.difference = Self.rounded(d - c.value) }
    }
}
