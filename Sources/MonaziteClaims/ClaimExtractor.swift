import MonaziteCore

/// Finds the quantitative claims of an article and resolves what each is about: the measure, the
/// period (relative dates against the article's date), the series (reporter, partner, flow,
/// commodity) and the qualifier. Pure and deterministic; the grammar is in docs/claims.md.
struct ClaimExtractor {
    let article: ArticleText
    let anchor: CalendarDay?
    init(article: ArticleText, anchor: CalendarDay?) {
        self.article = article
        self.anchor = anchor
    }

    /// What the article is talking about: carried from claim to claim.
    struct Frame: Sendable {
        var reporter: String?
        var partner: String?
        var flow: TradeFlow?
        var commodity: String?
        var period: Period?
        /// The last net-import-reliance or production figure: a bare figure after it continues it.
        var lastLevelMeasure: ClaimMeasure?
        var lastLevelReporter: String?
        var lastLevelPeriod: Period?
        /// A partner share was stated earlier in this sentence ("10% …, down from about 13% in 2024").
        var sentenceShare = false
    }

    struct Clause {
        var range: Range<Int>
        var subordinate: Bool
    }

    struct PlaceMention {
        var start: Int
        var end: Int
        var code: String
        enum Role { case reporter, partner, unknown, source }
        var role: Role
    }

    /// What a clause says whatever figure of it is read: found once per clause, not once per figure
    /// (a clause of many figures cost time in the square of its length).
    struct ClauseFacts {
        /// The clause as written.
        var quote: String
        /// The first out-of-domain word (a tariff, a stake, another metal).
        var outTerm: Int?
        /// The first flow word, else the first commodity.
        var domainTerm: Int?
        /// A rate word ("tariff", "stake") that makes every percentage of the clause out of scope.
        var hasRateWord: Bool
        /// The stage a share is of: the first of magnet, separation and mining the clause names.
        var stage: SupplyStage?
        var shareCue: Bool
        var hasImportWord: Bool
        /// "net import reliance", "dependence", "consumption" …
        var relianceCue: Bool
        /// A production word in a clause with no flow word.
        var productionCue: Bool
        var priceCue: Bool
        var hasFlowWord: Bool
        /// "between", "ranged" …: every price of the clause is one end of a range.
        var hasRangeWord: Bool
        /// The last currency sign of the clause: a percentage before one is a change in value.
        var lastCurrencySign: Int?
        /// "in value", "by value" in the clause or before the sentence's first figure.
        var saysValue: Bool

        static let relianceWords: Set<String> = [
            "reliance", "reliant", "relied", "relies", "rely", "dependence", "dependent", "dependency", "depended", "depends",
            "consumption", "needs",
        ]
        static let importPhrases = PhraseIndex([Phrase("import"), Phrase("imports"), Phrase("imported")])
        static let stagesInOrder: [SupplyStage] = [.magnet, .separation, .mining]
        /// Every word that can start a cue read here: a clause is scanned once for these, and each
        /// cue is then looked for only where one stands.
        static let cueWords: Set<String> = Lexicon.outOfScopeIndex.firstWords.union(Lexicon.stageIndex.firstWords)
            .union(Lexicon.shareIndex.firstWords).union(importPhrases.firstWords).union(Lexicon.nirIndex.firstWords)
            .union(Lexicon.productionIndex.firstWords).union(Lexicon.priceIndex.firstWords).union(Lexicon.rateWords)
            .union(Lexicon.rangeWords).union(relianceWords).union(Lexicon.exportWords).union(Lexicon.importWords)
            .union(currencySigns).union(["value"])
        static let currencySigns: Set<String> = ["$", "€", "£", "¥"]

        init(_ s: [Token], _ r: Range<Int>, commodities: [(start: Int, end: Int, id: String)], quote: String) {
            self.quote = quote
            let hits = r.filter { Self.cueWords.contains(s[$0].lower) }
            func first<V>(_ index: PhraseIndex<V>) -> Int? { hits.first { index.match(s, at: $0, limit: r.upperBound) != nil } }
            func has(_ words: Set<String>) -> Bool { hits.contains { words.contains(s[$0].lower) } }
            func isFlowWord(_ i: Int) -> Bool { Lexicon.exportWords.contains(s[i].lower) || Lexicon.importWords.contains(s[i].lower) }
            let flowWord = hits.first(where: isFlowWord)
            outTerm = first(Lexicon.outOfScopeIndex)
            domainTerm = flowWord ?? commodities.first?.start
            hasRateWord = has(Lexicon.rateWords)
            // Phrases of the stage index that share a first word share a stage: the longest match says it.
            let stages = Set(hits.compactMap { Lexicon.stageIndex.match(s, at: $0, limit: r.upperBound)?.value })
            stage = Self.stagesInOrder.first(where: stages.contains)
            shareCue = first(Lexicon.shareIndex) != nil
            hasImportWord = first(Self.importPhrases) != nil
            relianceCue = first(Lexicon.nirIndex) != nil || has(Self.relianceWords)
            hasFlowWord = flowWord != nil
            productionCue = first(Lexicon.productionIndex) != nil && !hasFlowWord
            priceCue = first(Lexicon.priceIndex) != nil
            hasRangeWord = has(Lexicon.rangeWords)
            lastCurrencySign = hits.last { s[$0].kind == .symbol && Self.currencySigns.contains(s[$0].text) }
            func valueWord(_ positions: some Sequence<Int>) -> Bool {
                positions.contains { k in k > 0 && s[k].lower == "value" && ["in", "by"].contains(s[k - 1].lower) }
            }
            let firstNumber = s.firstIndex { $0.kind == .number } ?? s.count
            saysValue = valueWord(hits) || valueWord(0..<min(firstNumber, s.count))
        }

        /// "fell 15.9% to $68.6 mln", "in value terms, supplies fell 15.9%": a change in value, not
        /// in tonnes (a currency amount after it in its clause, or "in value"/"by value" in the
        /// clause or before the sentence's first figure).
        func isValueChange(_ n: NumberMention) -> Bool { saysValue || (lastCurrencySign.map { $0 >= n.end } ?? false) }
    }

    func extract() -> [ExtractedClaim] {
        var frame = Frame()
        var claims: [ExtractedClaim] = []
        for sentence in sentences() {
            claims += extract(sentence: sentence, frame: &frame)
        }
        return claims
    }

    // MARK: Sentences and clauses

    static let abbreviations: Set<String> = [
        "mr", "ms", "mrs", "dr", "no", "st", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "vs", "approx", "est", "gov", "dept", "fig",
    ]

    /// The article's tokens split into sentences.
    func sentences() -> [[Token]] {
        var all: [Token] = []
        for (n, line) in article.lines.enumerated() {
            all += Tokenizer.tokenize(line: line, number: n)
            if article.paragraphEnds.contains(n) {
                all.append(
                    Token(
                        text: "", lower: "", kind: .boundary, line: n, start: line.count, end: line.count,
                        range: line.endIndex..<line.endIndex, spaceBefore: true))
            }
        }
        var out: [[Token]] = []
        var current: [Token] = []
        for (i, t) in all.enumerated() {
            if t.kind == .boundary {
                if !current.isEmpty { out.append(current) }
                current = []
                continue
            }
            current.append(t)
            if t.kind == .punct, t.text == "." || t.text == "!" || t.text == "?" {
                let previous = current.count >= 2 ? current[current.count - 2] : nil
                if let previous, previous.kind == .word, Self.abbreviations.contains(previous.lower), t.text == "." {
                    // "Jan. 5", "No. 18": only a sentence end before a capitalised word that is not a number.
                    if i + 1 < all.count, all[i + 1].kind == .number || !all[i + 1].startsUppercase { continue }
                }
                let next = i + 1 < all.count ? all[i + 1] : nil
                if next == nil || next?.kind == .boundary || next?.startsUppercase == true || next?.kind == .number
                    || next?.text == "\"" || next?.text == "“"
                {
                    out.append(current)
                    current = []
                }
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    static let clauseWords: Set<String> = [
        "while", "whereas", "but", "although", "though", "after", "amid", "following", "despite", "because", "when", "which", "who",
        "since", "before", "as",
    ]
    static let subordinators: Set<String> = [
        "after", "amid", "following", "despite", "because", "when", "which", "who", "since", "before", "as", "although", "though",
    ]

    static func clauses(_ s: [Token]) -> [Clause] {
        var out: [Clause] = []
        var start = 0
        var subordinate = false
        func close(_ end: Int) {
            if end > start { out.append(Clause(range: start..<end, subordinate: subordinate)) }
        }
        var i = 0
        while i < s.count {
            let t = s[i]
            var split = false
            var keep = false  // the splitting token starts the new clause
            if t.kind == .punct, [",", ";", ":", "(", ")", "—", "–", "-", "\"", "“", "”"].contains(t.text) {
                split = true
            } else if t.kind == .word, clauseWords.contains(t.lower) {
                // "as much as", "such as", "as well": not a clause.
                if t.lower == "as", i + 1 < s.count, ["much", "many", "high", "well", "of", "a", "an", "the"].contains(s[i + 1].lower) {
                    split = false
                } else if t.lower == "since", i + 1 < s.count, Lexicon.monthNumber(s[i + 1].lower) != nil || s[i + 1].isNumber {
                    split = false
                } else if (t.lower == "after" || t.lower == "before"), i + 1 < s.count, Lexicon.monthNumber(s[i + 1].lower) != nil {
                    split = false
                } else {
                    split = true
                    keep = true
                }
            } else if t.kind == .word, t.lower == "and" || t.lower == "or", i + 1 < s.count,
                !(i >= 2 && s[i - 2].lower == "between" && s[i - 1].kind == .number)  // "between 2020 and 2023"
            {
                let n = s[i + 1]
                if n.kind == .number || n.kind == .symbol || Lexicon.upWords.contains(n.lower) || Lexicon.downWords.contains(n.lower)
                    || Lexicon.qualifiers.contains(where: { $0.0.match(s, at: i + 1, limit: s.count) != nil })
                {
                    split = true
                }
            }
            if split {
                close(i)
                start = keep ? i : i + 1
                subordinate = keep && subordinators.contains(t.lower)
            }
            i += 1
        }
        close(s.count)
        return out
    }

    // MARK: Mentions

    static func places(_ s: [Token], _ range: Range<Int>, flowIsImport: Bool) -> [PlaceMention] {
        var out: [PlaceMention] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let t = s[i]
            guard t.kind == .word else {
                i += 1
                continue
            }
            var found: (Int, String, Bool)?
            var candidates: [(Int, String, Bool)] = []
            if let (e, code) = Lexicon.placeIndex.match(s, at: i, limit: range.upperBound) { candidates.append((e, code, false)) }
            let w = t.lower
            if w.hasSuffix("'s") || w.hasSuffix("’s"), let code = Lexicon.placeNames[String(w.dropLast(2))] {
                // "China's", "America’s".
                candidates.append((i + 1, code, true))
            }
            for (e, code, possessive) in candidates {
                let phraseFirst = possessive ? String(w.dropLast(2)) : w
                // Case: "US", "EU", "UK" only in capitals; names capitalised; "world"/"global" any case.
                let first = s[i].text
                if ["us", "eu", "uk", "prc", "usa"].contains(phraseFirst), first != first.uppercased() { continue }
                if code != "WLD", !(first.first?.isUppercase ?? false) { continue }
                found = (e, code, possessive)
                break
            }
            guard let (end, code, possessive) = found else {
                i += 1
                continue
            }
            var role = PlaceMention.Role.unknown
            // The word before the place, over an article: "to the United States", "from the EU".
            let before = i > range.lowerBound && s[i - 1].lower == "the" ? i - 1 : i
            let prev = before > range.lowerBound ? s[before - 1].lower : ""
            let prev2 = before - 1 > range.lowerBound ? s[before - 2].lower : ""
            let next = end < range.upperBound ? s[end] : nil
            let nextWord = next?.lower ?? ""
            let afterHyphen = end + 1 < range.upperBound && next?.kind == .hyphen ? s[end + 1].lower : ""
            let lexeme = s[i..<end].map(\.lower).joined(separator: " ")
            if code == "WLD" {
                role = .partner
            } else if nextWord == "customs" || (nextWord == "'s" && end + 1 < range.upperBound && s[end + 1].lower == "customs") {
                role = .source
            } else if afterHyphen == "bound" || ["to", "for", "into", "towards", "toward"].contains(prev)
                || (prev2 == "destined" && prev == "for")
            {
                role = .partner
            } else if prev == "from" {
                role = flowIsImport ? .partner : .reporter
            } else if prev == "by" {
                role = .reporter
            } else if possessive {
                role = .reporter
            } else if Lexicon.demonyms.contains(lexeme) {
                // "Chinese exports": reporter; "Chinese magnets" bought by someone else: partner (decided later).
                var k = end
                var isReporter = false
                while k < min(end + 4, range.upperBound) {
                    if Lexicon.exportWords.contains(s[k].lower) || Lexicon.importWords.contains(s[k].lower) {
                        isReporter = true
                        break
                    }
                    k += 1
                }
                role = isReporter ? .reporter : .unknown
            } else if ["took", "received", "got", "absorbed", "bought", "imported", "purchased"].contains(nextWord), !flowIsImport {
                role = .partner
            } else if Lexicon.exportWords.contains(nextWord) || Lexicon.importWords.contains(nextWord)
                || (next?.kind == .word && ["'s", "’s"].contains(nextWord))
            {
                role = .reporter
            } else if ["was", "were", "is", "remained", "ranked", "became"].contains(nextWord) {
                role = .partner
            }
            out.append(PlaceMention(start: i, end: end, code: code, role: role))
            i = end
        }
        return out
    }

    static func commodities(_ s: [Token], _ range: Range<Int>) -> [(start: Int, end: Int, id: String)] {
        var out: [(Int, Int, String)] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (e, id) = Lexicon.commodityIndex.match(s, at: i, limit: range.upperBound) {
                out.append((i, e, id))
                i = e
            } else {
                i += 1
            }
        }
        return out
    }

    static func contains<V>(_ index: PhraseIndex<V>, _ s: [Token], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return index.first(in: s, range)
    }

    static func contains(_ phrases: [Phrase], _ s: [Token], _ range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        for i in range {
            for p in phrases where p.match(s, at: i, limit: range.upperBound) != nil { return i }
        }
        return nil
    }

    // MARK: Per sentence

    func extract(sentence s: [Token], frame: inout Frame) -> [ExtractedClaim] {
        let clauses = Self.clauses(s)
        let whole = 0..<s.count
        let (readPeriods, dates) = PeriodReader.read(s, whole)
        let allPeriods = readPeriods.filter { !$0.isIgnored }
        // Tokens read as periods, dates and commodity names: never figures.
        var consumed = [Bool](repeating: false, count: s.count)
        for p in allPeriods { consumed[p.start..<p.end] = ArraySlice(repeating: true, count: p.end - p.start) }
        for d in dates { consumed[d.start..<d.end] = ArraySlice(repeating: true, count: d.end - d.start) }
        for c in Self.commodities(s, whole) { consumed[c.start..<c.end] = ArraySlice(repeating: true, count: c.end - c.start) }
        let numbersByClause = clauses.map { NumberReader.read(s, $0.range, consumed: consumed) }
        // The sentence's period: the first one that no figure before it in its clause owns ("In June, …").
        let defaults = allPeriods.filter { p in
            guard !p.isBase, let k = clauses.firstIndex(where: { $0.range.contains(p.start) }), !clauses[k].subordinate else {
                return false
            }
            return !numbersByClause[k].contains { $0.end <= p.start }
        }
        let sentenceFlowImport =
            s.contains { Lexicon.importWords.contains($0.lower) } && !s.contains { Lexicon.exportWords.contains($0.lower) }
        var sentenceFrame = frame
        sentenceFrame.sentenceShare = false
        var out: [ExtractedClaim] = []
        var sentenceHasSubject = false
        for (ci, clause) in clauses.enumerated() {
            let r = clause.range
            let numbers = numbersByClause[ci]
            if clause.subordinate && numbers.isEmpty { continue }
            let flowImport =
                r.contains { Lexicon.importWords.contains(s[$0].lower) }
                || (sentenceFlowImport && !r.contains { Lexicon.exportWords.contains(s[$0].lower) })
            let places = Self.places(s, r, flowIsImport: flowImport)
            let commodities = Self.commodities(s, r)
            let flowWord = r.first { Lexicon.exportWords.contains(s[$0].lower) || Lexicon.importWords.contains(s[$0].lower) }
            let tradePlaces = places.filter { $0.role == .reporter || $0.role == .partner }
            let hasSubject = (!clause.subordinate || !numbers.isEmpty) && (flowWord != nil || !commodities.isEmpty || !tradePlaces.isEmpty)
            // A subordinate clause ("of which the US received 6 tonnes") has its own subject for its figures only.
            let savedFrame = sentenceFrame
            let savedHasSubject = sentenceHasSubject
            if hasSubject {
                var f = sentenceHasSubject ? sentenceFrame : frame
                let flow: TradeFlow = flowWord.map { Lexicon.importWords.contains(s[$0].lower) ? .import : .export } ?? f.flow ?? .export
                if let c = Self.preferredCommodity(commodities, near: numbers.first?.index ?? r.lowerBound) { f.commodity = c }
                var reporter = places.first { $0.role == .reporter }?.code
                var partner = places.first { $0.role == .partner }?.code
                let sources = places.filter { $0.role == .source }.map(\.code)
                for p in places where p.role == .unknown {
                    if flow == .import, reporter == nil, let w = flowWord, p.end <= w {
                        // "US buyers imported …": the importer comes before the verb.
                        reporter = p.code
                    } else if reporter == nil, flow != .import, p.code == (f.reporter ?? "CHN") {
                        reporter = p.code
                    } else if partner == nil, p.code != reporter {
                        partner = p.code
                    } else if reporter == nil {
                        reporter = p.code
                    }
                }
                if flow == .import, reporter == nil, let src = sources.first, partner != src { reporter = src }
                if let reporter {
                    f.reporter = reporter
                } else if flow != f.flow {
                    f.reporter = flow == .export ? "CHN" : nil
                }
                if f.reporter == nil, flow == .export { f.reporter = "CHN" }
                if flowWord != nil || !commodities.isEmpty || partner != nil {
                    f.partner = partner ?? "WLD"
                }
                f.flow = flow
                sentenceFrame = f
                sentenceHasSubject = true
            }
            guard !numbers.isEmpty else { continue }
            let facts = ClauseFacts(s, r, commodities: commodities, quote: quote(s, r))
            let periods = allPeriods.filter { r.contains($0.start) }
            func ownPeriod(_ k: Int) -> PeriodMention? {
                let n = numbers[k]
                let prevEnd = k > 0 ? numbers[k - 1].end : r.lowerBound
                let nextStart = k + 1 < numbers.count ? numbers[k + 1].start : r.upperBound
                let after = n.end..<max(n.end, nextStart)
                let before = prevEnd..<max(prevEnd, n.start)
                if let possessive = periods.last(where: {
                    before.contains($0.start) && $0.end >= n.start - 3 && $0.end < s.count
                        && (s[$0.end].text == "'" || s[$0.end].text == "’")
                }) {
                    return PeriodMention(start: possessive.start, end: possessive.end, expression: possessive.expression, isBase: false)
                }
                return periods.first { after.contains($0.start) && !$0.isBase } ?? periods.last { before.contains($0.start) && !$0.isBase }
            }
            let owns = numbers.indices.map(ownPeriod)
            let firstOwn = owns.lazy.compactMap { $0 }.first
            let isBaseLevel = numbers.map { Self.isComparisonBase($0, s, r) }
            for (k, n) in numbers.enumerated() {
                let nextStart = k + 1 < numbers.count ? numbers[k + 1].start : r.upperBound
                let after = n.end..<max(n.end, nextStart)
                let sentenceDefault = defaults.last { $0.start < n.start }
                // No period of its own: the sentence's, else that of another figure of the clause
                // ("jumped 660% from May to 353 tonnes last month").
                let own = owns[k]
                var fallback = sentenceDefault ?? firstOwn
                var baseMention =
                    periods.first { after.contains($0.start) && $0.isBase }
                    ?? (numbers.count == 1 ? periods.first { $0.isBase } : nil)
                // "up 157.5% from 1,238 tons in May": the period of the base level after a change
                // is the change's base, not the change's own period.
                if own == nil, baseMention == nil, n.unit == .percent,
                    let j = numbers.indices.first(where: { $0 > k && isBaseLevel[$0] }), let levelPeriod = owns[j]
                {
                    baseMention = PeriodMention(start: levelPeriod.start, end: levelPeriod.end, expression: levelPeriod.expression, isBase: true)
                    fallback = sentenceDefault ?? owns.indices.lazy.filter { $0 != j }.compactMap { owns[$0] }.first
                }
                let cueRange = numbers.count == 1 ? r : after
                // "up 15.8% from 4,725 tonnes in the same month of 2024": a change compared with that year.
                let samePeriodLater = periods.contains { p in
                    if case .samePeriodIn = p.expression { return p.start >= n.end }
                    return false
                }
                let yoyCue = Self.contains(Lexicon.yoyIndex, s, cueRange) != nil || samePeriodLater
                let momCue = Self.contains(Lexicon.momIndex, s, cueRange) != nil
                if let c = extractOne(
                    n, s: s, clause: r, own: own ?? fallback, ownIsExplicit: own != nil, base: baseMention, yoyCue: yoyCue,
                    momCue: momCue, places: places, commodities: commodities, facts: facts, isBaseLevel: isBaseLevel[k],
                    frame: &sentenceFrame)
                {
                    out.append(c)
                }
            }
            if clause.subordinate {
                sentenceFrame = savedFrame
                sentenceHasSubject = savedHasSubject
            }
        }
        frame = sentenceFrame
        return out
    }

    /// The commodity nearest the figure; magnets win a tie with "rare earth".
    static func preferredCommodity(_ list: [(start: Int, end: Int, id: String)], near index: Int) -> String? {
        list.min { a, b in
            let da = a.start > index ? a.start - index : index - a.end
            let db = b.start > index ? b.start - index : index - b.end
            return da < db
        }?.id
    }

    // MARK: One figure

    func extractOne(
        _ n: NumberMention, s: [Token], clause r: Range<Int>, own: PeriodMention?, ownIsExplicit: Bool, base: PeriodMention?, yoyCue: Bool,
        momCue: Bool,
        places: [PlaceMention], commodities: [(start: Int, end: Int, id: String)], facts: ClauseFacts, isBaseLevel: Bool,
        frame: inout Frame
    ) -> ExtractedClaim? {
        var notes: [String] = []
        if let ratio = n.ratio {
            let change = (ratio - 1) * 100
            notes.append(
                "a ratio of \(ClaimsReport.number(ratio)): read as a change of \(change > 0 ? "+" : "")\(ClaimsReport.number(change))%, "
                    + "within 5% of the ratio")
        }
        // Sign from the words around the figure.
        var value = n.value
        var direction: Double?
        if let sign = n.sign {
            direction = sign
        } else {
            var k = n.start - 1
            while k >= r.lowerBound, k >= n.start - 6 {
                if s[k].kind == .number { break }
                if Lexicon.downWords.contains(s[k].lower) {
                    direction = -1
                    break
                }
                if Lexicon.upWords.contains(s[k].lower) {
                    direction = 1
                    break
                }
                k -= 1
            }
            if direction == nil, n.end < r.upperBound {
                // "a 38.1% drop", "38.1% lower".
                var k = n.end
                while k < min(r.upperBound, n.end + 2) {
                    if Lexicon.downWords.contains(s[k].lower) || ["less", "below", "fewer"].contains(s[k].lower) { direction = -1 }
                    if Lexicon.upWords.contains(s[k].lower) || ["more", "above"].contains(s[k].lower) { direction = 1 }
                    if direction != nil || s[k].kind != .word || !["year", "on", "annual", "monthly", "yearly"].contains(s[k].lower) {
                        break
                    }
                    k += 1
                }
            }
        }
        // "to 3,188 tonnes": a level reached, not the size of a change.
        let precededByTo = n.start > r.lowerBound && (s[n.start - 1].lower == "to" || s[n.start - 1].lower == "at")
        // "rose by 1,000 tonnes", "added $100/kg": a change word or "by" just before the figure.
        let changeWordBefore =
            n.start > r.lowerBound
            && (s[n.start - 1].lower == "by" || Lexicon.upWords.contains(s[n.start - 1].lower)
                || Lexicon.downWords.contains(s[n.start - 1].lower))

        let text = facts.quote
        let line = s[n.index].line + 1
        let outTerm = facts.outTerm
        let domainTerm = facts.domainTerm
        var measure: ClaimMeasure
        var unit: String
        switch n.unit {
        case .tonnes: unit = "t"
        case .percent: unit = "%"
        case .points: unit = "pp"
        case .usd: unit = "USD"
        case .usdPerKg: unit = "USD/kg"
        case .otherCurrency(let c): unit = c
        case .count: unit = "count"
        case .other(let u): unit = u
        case .none: unit = ""
        }

        // Out of scope: an out-of-domain word nearer the figure than any in-domain word.
        if let o = outTerm {
            let dOut = abs(o - n.index)
            let dIn = domainTerm.map { abs($0 - n.index) } ?? Int.max
            let modifiesFlow =
                o + 1 < s.count && (Lexicon.exportWords.contains(s[o + 1].lower) || Lexicon.importWords.contains(s[o + 1].lower))
            // Rates and stakes are never trade figures, wherever the word stands in the clause.
            let decisive = n.unit == .percent && facts.hasRateWord
            if dOut < dIn || modifiesFlow || decisive || n.unit == .otherCurrency("CNY") && domainTerm == nil {
                let term = s[o].lower
                var c = ExtractedClaim(
                    claim: Claim(
                        text: text, line: line, measure: n.unit == .tonnes ? .level : .other, value: value * (direction ?? 1),
                        qualifier: n.qualifier, unit: unit, period: nil, reporter: nil, partner: nil, flow: nil, commodity: nil,
                        verdict: .outOfScope, dataValue: nil, difference: nil, sources: [],
                        notes: ["out of scope: \"\(term)\" is not a rare-earth trade, production or dependence figure"]),
                    period: nil, step: n.step)
                c.claim.period = resolve(own?.expression, base: false, claimPeriod: nil, frame: frame).map(Self.periodText)
                return c
            }
        }

        let stage = facts.stage
        let isShare = facts.shareCue || (n.end < r.upperBound && s[n.end].lower == "of" && n.unit == .percent && direction == nil)
        let isNIR = n.unit == .percent && facts.hasImportWord && facts.relianceCue
        let isProduction = facts.productionCue
        let isPrice = facts.priceCue

        var period: Period?
        var basePeriod: Period?
        var ambiguous = false
        switch n.unit {
        case .percent:
            let precededByFrom =
                n.start > r.lowerBound
                && (s[n.start - 1].lower == "from"
                    || s[n.start - 1].lower == "the" && n.start - 2 >= r.lowerBound && s[n.start - 2].lower == "from")
            let continues =
                frame.lastLevelMeasure == .nirPct && !isShare
                && (precededByFrom || (!yoyCue && !momCue && base == nil && (direction == nil || precededByTo)))
            let firstToken = s[n.start].kind == .word ? n.start : n.index
            let continuesShare = frame.sentenceShare && firstToken > r.lowerBound && s[firstToken - 1].lower == "from"
            if isNIR || continues {
                measure = .nirPct
            } else if continuesShare {
                measure = .sharePct
            } else if isShare && !(direction != nil && !precededByTo) {
                measure = .sharePct
            } else if direction != nil || yoyCue || momCue || base != nil {
                if facts.isValueChange(n) {
                    measure = .other
                    notes.append("a change in value; the checker compares changes in tonnes")
                } else {
                    measure = .yoyPct  // refined below
                }
            } else {
                measure = .other
            }
        case .points:
            measure = .other
        case .tonnes:
            if isProduction && !isShare {
                measure = .production
            } else if direction != nil && !precededByTo && changeWordBefore {
                measure = .other
                notes.append("a change in tonnes; the checker compares levels and percent changes")
            } else {
                measure = .level
            }
        case .usd, .otherCurrency:
            measure = isPrice ? .price : .level
        case .usdPerKg:
            measure = .price
        case .count:
            measure = .count
        case .other:
            measure = .other
        case .none:
            return nil
        }
        if measure == .level || measure == .other, case .otherCurrency = n.unit { measure = isPrice ? .price : .other }
        // A change in price is read, not checked, and is no trade series.
        var priceChange = false
        if measure == .price, changeWordBefore {
            // "rose by $100 per kilogram", "added $100/kg": the size of a change in price.
            priceChange = true
        } else if isPrice, n.unit == .percent, measure != .sharePct, measure != .nirPct {
            // "Terbium prices doubled", "dysprosium prices rose 20%": a price change, never a change in volumes.
            priceChange = true
        }
        if priceChange {
            measure = .other
            notes.append("a change in price; needs two dated quotes, which this check does not compare")
        }
        if let ratio = n.ratio, ratio > 1, measure != .other, Self.fallBefore(n, s, r) {
            // "fell fivefold": a fall stated as a multiple is not read.
            measure = .other
            notes.append("a fall stated as a multiple: not read as a change")
        }

        // Period. A count dates an act and a price a quote ("in April", "in October" in an
        // October story is this October), never the months of trade figures around them.
        if measure == .count {
            period = resolve(own?.expression, base: false, claimPeriod: nil, frame: frame, actMonth: true)
        } else if measure == .price {
            period = resolve(Self.pricePeriod(own, n, s, r)?.expression, base: false, claimPeriod: nil, frame: frame, actMonth: true)
        } else {
            period = resolve(own?.expression, base: false, claimPeriod: nil, frame: frame) ?? frame.period
        }
        if own == nil, frame.period == nil, anchor == nil {
            notes.append("period: the article does not say, and no date anchors it")
        }
        // "from 5,150 tonnes a year earlier": the base level; "climbed 4.8% to 16,001 tons
        // year-on-year" is the new one.
        let resultOfChange = n.start > r.lowerBound && s[n.start - 1].lower == "to"
        if measure == .level, let p = period, yoyCue, !ownIsExplicit, !resultOfChange {
            period = p.shifted(years: -1)
        } else if measure == .level, let p = period, momCue, !ownIsExplicit, !resultOfChange {
            period = p.preceding
        }
        if let b = base {
            basePeriod = resolve(b.expression, base: true, claimPeriod: period, frame: frame)
            if own == nil, case .month = b.expression, let bp = resolve(b.expression, base: false, claimPeriod: nil, frame: frame),
                bp.isMonth,
                period.map({ p in bp != p.preceding && bp != p.shifted(years: -1) }) ?? true
            {
                // "rose 26.5% from May": the month after the base.
                period = Period(month: bp.last.adding(months: 1))
                basePeriod = bp
            }
        }
        if measure == .yoyPct {
            let p = period
            if let p, let b = basePeriod, b == p.shifted(years: -1) {
                measure = p.kind == .span && p.first.month == 1 ? .ytdYoYPct : .yoyPct
            } else if let p, let b = basePeriod, b == p.preceding {
                measure = .momPct
            } else if momCue && !yoyCue {
                measure = .momPct
            } else if let p, p.kind == .span, p.first.month == 1 {
                measure = .ytdYoYPct
            } else if yoyCue || basePeriod != nil {
                measure = .yoyPct
            } else if let p, p.isMonth {
                ambiguous = true
                measure = .yoyPct
            } else {
                measure = .yoyPct
            }
        }
        if measure == .level, let p = period, p.kind == .span, p.first.month == 1 { measure = .ytd }

        // The series.
        var reporter = frame.reporter
        var partner = frame.partner
        var flow = frame.flow
        var commodity = frame.commodity
        if let c = Self.preferredCommodity(commodities, near: n.index) { commodity = c }
        var importerPhrasing = false
        switch measure {
        case .nirPct:
            if !isNIR, own == nil, let p = frame.lastLevelPeriod { period = p }
            reporter = places.first { $0.code != "WLD" }?.code ?? (isNIR ? "USA" : frame.lastLevelReporter ?? "USA")
            partner = nil
            flow = nil
            commodity = "rare-earth compounds and metals"
        case .production:
            reporter = places.first { $0.code != "WLD" && $0.role != .partner }?.code ?? places.first?.code ?? reporter
            if places.contains(where: { $0.code == "WLD" }) && !places.contains(where: { $0.code != "WLD" }) { reporter = "WLD" }
            partner = nil
            flow = nil
            commodity = "rare-earth mine production (REO)"
        case .sharePct
        where stage != nil && !facts.hasFlowWord:
            reporter = places.first { $0.code != "WLD" }?.code ?? reporter
            partner = nil
            flow = nil
            commodity = "share of \(stage?.label ?? "")"
        case .price:
            // Not a trade series: a quote, for the item priced (its market is read below).
            reporter = nil
            partner = nil
            flow = nil
        case .count:
            // Not a trade series: a number of elements (listed by acts) or of firms, licences.
            reporter = nil
            partner = nil
            flow = nil
            commodity = n.countNoun.map { Lexicon.elementCountNouns.contains($0) } == true ? "rare-earth elements" : nil
        case .other where priceChange:
            reporter = nil
            partner = nil
            flow = nil
        default:
            if flow == .import, let r0 = reporter, r0 != "CHN", partner == "CHN" { importerPhrasing = true }
        }
        if measure != .count && measure != .nirPct && measure != .production && !(measure == .sharePct && stage != nil) {
            frame.commodity = commodity.flatMap { c in Lexicon.commodities.contains { $0.1 == c } ? c : nil } ?? frame.commodity
        }
        if measure == .sharePct { frame.sentenceShare = true }
        if measure == .nirPct || measure == .production {
            frame.lastLevelMeasure = measure
            frame.lastLevelReporter = reporter
            frame.lastLevelPeriod = period
        }
        if measure == .production, let p = period { frame.period = p }
        if measure != .nirPct && measure != .production && measure != .count && !isBaseLevel
            && !(measure == .level && !ownIsExplicit && (yoyCue || momCue))
        {
            frame.period = period ?? frame.period
            // A price (or a change in one) names no trade series: the article's stays as it was.
            if (measure != .sharePct || stage == nil) && measure != .price && !priceChange {
                frame.reporter = reporter
                frame.partner = partner
                frame.flow = flow
            }
        }
        if measure == .level || measure == .ytd, let b = basePeriod, period != nil, !ownIsExplicit {
            // "up from 1,238 tonnes in May" where "from May" was read as a base: the level is May's.
            period = b
            basePeriod = nil
        }

        let signed =
            (measure == .momPct || measure == .yoyPct || measure == .ytdYoYPct || measure == .other && n.unit == .percent)
            ? value * (direction ?? 1) : value
        value = signed
        var priceItem: String?
        var priceMarket: PriceMarket?
        var priceForm: String?
        var priceIsBase = false
        var priceInRange = false
        if measure == .price {
            // The element: the nearest named in the clause, else the nearest before the figure in the sentence.
            priceItem =
                Self.preferredCommodity(commodities.filter { Lexicon.priceElements[$0.id] != nil }, near: n.index)
                ?? Self.preferredCommodity(commodities, near: n.index) ?? Self.commodity(before: n.index, s)
            // "jumped from $250/kg": the price a change starts from.
            priceIsBase = n.start > 0 && s[n.start - 1].lower == "from"
            // "$700/kg- $1000/kg", "$700-$1,000 per kg": one end of a range.
            let dashes: Set<String> = ["-", "–", "—"]
            priceInRange =
                facts.hasRangeWord
                || (n.start > 0 && dashes.contains(s[n.start - 1].text))
                || (n.end < s.count && dashes.contains(s[n.end].text) && n.end + 1 < s.count
                    && (s[n.end + 1].kind == .number || s[n.end + 1].text == "$"))
            // Market and form: in the clause, else anywhere in the sentence.
            for range in [r, 0..<s.count] where priceMarket == nil {
                let named = range.isEmpty ? [] : Lexicon.priceMarketIndex.values(in: s, range)
                priceMarket = PriceMarket.allCases.first(where: named.contains)
                // "US" in capitals only (not the pronoun).
                if priceMarket == nil, range.contains(where: { s[$0].text == "US" }) { priceMarket = .us }
            }
            priceForm = (r.lazy.compactMap { Lexicon.priceForms[s[$0].lower] }.first)
                ?? s.lazy.compactMap { Lexicon.priceForms[$0.lower] }.first
        }
        var c = ExtractedClaim(
            claim: Claim(
                text: text, line: line, measure: measure, value: value, qualifier: n.qualifier, unit: unit,
                period: period.map(Self.periodText),
                reporter: reporter, partner: partner, flow: flow?.rawValue, commodity: commodity, verdict: .unverifiable, dataValue: nil,
                difference: nil, sources: [], notes: notes),
            period: period, basePeriod: basePeriod, step: n.step)
        c.ambiguousChange = ambiguous
        c.importerPhrasing = importerPhrasing
        c.stage = stage
        c.priceItem = priceItem
        c.periodIsOwn = ownIsExplicit
        c.priceMarket = priceMarket
        c.priceForm = priceForm
        c.priceIsBase = priceIsBase
        c.priceInRange = priceInRange
        if measure == .count {
            c.countsElements = n.countNoun.map { Lexicon.elementCountNouns.contains($0) } ?? false
            c.countsAddition = n.countsAddition
            c.boundIncluded = n.boundIncluded
        }
        if period == nil { c.periodProblem = anchor == nil ? "no period in the text and no article date" : "no period in the text" }
        return c
    }

    /// A price's own period, unless it dates something else: a period before the price with
    /// "to" or "from" between them ("from $250/kg a month ago to $700/kg"), or one that follows
    /// "from" or "since" ("tripled from the start of April to $850").
    static func pricePeriod(_ own: PeriodMention?, _ n: NumberMention, _ s: [Token], _ r: Range<Int>) -> PeriodMention? {
        guard let own else { return nil }
        if own.end < n.start, (own.end..<n.start).contains(where: { ["to", "from"].contains(s[$0].lower) }) { return nil }
        if (max(0, own.start - 4)..<own.start).contains(where: { ["from", "since"].contains(s[$0].lower) }) { return nil }
        return own
    }

    /// A fall word within six words before the figure ("fell fivefold").
    static func fallBefore(_ n: NumberMention, _ s: [Token], _ r: Range<Int>) -> Bool {
        (max(r.lowerBound, n.start - 6)..<n.start).contains { Lexicon.downWords.contains(s[$0].lower) }
    }

    /// The commodity named nearest before token `index` in the sentence.
    static func commodity(before index: Int, _ s: [Token]) -> String? {
        var i = index - 1
        while i >= 0 {
            if let hit = Lexicon.commodityIndex.match(s, at: i, limit: index) { return hit.value }
            i -= 1
        }
        return nil
    }

    /// The clause as written, from its first to its last token.
    func quote(_ s: [Token], _ r: Range<Int>) -> String {
        guard let first = r.first, let last = r.last else { return "" }
        var lo = first
        var hi = last
        while lo < hi, s[lo].kind == .punct || s[lo].kind == .boundary { lo += 1 }
        while hi > lo, s[hi].kind == .punct, s[hi].text != "%", s[hi].text != ")" || !s[lo...hi].contains(where: { $0.text == "(" }) {
            hi -= 1
        }
        var out = ""
        var line = s[lo].line
        var lineStart = s[lo].range.lowerBound
        var lineEnd = s[lo].range.upperBound
        func flush() {
            if !out.isEmpty { out += " " }
            out += article.lines[line][lineStart..<max(lineStart, lineEnd)]
        }
        for t in s[lo...hi] {
            if t.line != line {
                flush()
                line = t.line
                lineStart = t.range.lowerBound
            }
            lineEnd = t.range.upperBound
        }
        flush()
        return out.contains(ArticleText.hardBreak) ? String(out.map { $0 == ArticleText.hardBreak ? " " : $0 }) : out
    }

    /// A figure that is the base of a comparison, not news: "from 1,238 tonnes", "than 4,725
    /// tonnes", and "down from a seven-month high of 6,146 tons" (a change word, "from", and no
    /// figure or "to" before the number). Its period must not become the article's.
    static func isComparisonBase(_ n: NumberMention, _ s: [Token], _ r: Range<Int>) -> Bool {
        guard n.start > r.lowerBound else { return false }
        if Lexicon.levelBaseWords.contains(s[n.start - 1].lower) { return true }
        var k = n.start - 2
        while k > r.lowerBound, k >= n.start - 8 {
            let t = s[k]
            if t.kind == .number || t.lower == "to" { return false }
            if t.lower == "from" { return Lexicon.upWords.contains(s[k - 1].lower) || Lexicon.downWords.contains(s[k - 1].lower) }
            k -= 1
        }
        return false
    }

    // MARK: Periods

    /// `2025-06`, `2025-H1`, `2024`, `2020..2023`, and a span within one year as `2025-01..07`.
    static func periodText(_ p: Period) -> String {
        if p.kind == .span, p.first.year == p.last.year {
            return "\(p.first)..\(p.last.month < 10 ? "0" : "")\(p.last.month)"
        }
        return p.description
    }

    /// Resolves a period expression against the article's date, the figure's own period (for a
    /// base) and the period the article was last talking about.
    /// `actMonth`: the period of an act rather than of a figure, so the article's own month is this year's.
    func resolve(_ e: PeriodExpression?, base: Bool, claimPeriod: Period?, frame: Frame, actMonth: Bool = false) -> Period? {
        guard let e else { return nil }
        let anchorMonth = anchor?.monthValue
        let contextYear = frame.period?.last.year
        func monthYear(_ m: Int) -> Int? {
            if base, let p = claimPeriod { return m < p.first.month ? p.first.year : p.first.year - 1 }
            // Customs data for a month come out the month after: "in July" in a July article is last July.
            if let a = anchorMonth { return m < a.month || (actMonth && m == a.month) ? a.year : a.year - 1 }
            return contextYear
        }
        /// The year of the latest period ending with month `lastMonth` that ended before the anchor.
        func endedYear(_ lastMonth: Int) -> Int? {
            if base, let p = claimPeriod { return p.first.year - 1 }
            if let a = anchorMonth { return lastMonth < a.month ? a.year : a.year - 1 }
            return contextYear
        }
        switch e {
        case .month(let m, let y):
            guard let year = y ?? monthYear(m), let month = Month(year: year, month: m) else { return nil }
            return Period(month: month)
        case .months(let m1, let m2, let y):
            guard let year = y ?? monthYear(m2), let a = Month(year: year, month: m1), let b = Month(year: year, month: m2) else {
                return nil
            }
            return Period(first: a, last: b)
        case .half(let h, let y):
            guard let year = y ?? endedYear(h * 6) else { return nil }
            return Period.half(year, h)
        case .quarter(let q, let y):
            guard let year = y ?? endedYear(q * 3) else { return nil }
            return Period.quarter(year, q)
        case .firstMonths(let n, let y):
            guard let year = y ?? endedYear(n), let a = Month(year: year, month: 1), let b = Month(year: year, month: n) else { return nil }
            return Period(first: a, last: b)
        case .year(let y):
            return Period.year(y)
        case .years(let a, let b):
            guard let pa = Period.year(a), let pb = Period.year(b) else { return nil }
            return Period(first: pa.first, last: pb.last)
        case .yearToDate:
            let last: Month?
            if let p = frame.period, p.isMonth, anchorMonth.map({ p.last.year == $0.year || $0.month <= 2 }) ?? true {
                last = p.last
            } else {
                last = anchorMonth?.previous
            }
            guard let l = last, let first = Month(year: l.year, month: 1) else { return nil }
            return Period(first: first, last: l)
        case .relativeMonth(let k):
            guard let a = anchorMonth else { return nil }
            return Period(month: a.adding(months: k))
        case .relativeYear(let k):
            if base, let p = claimPeriod { return p.shifted(years: -1) }
            guard let y = anchor?.year ?? contextYear else { return nil }
            return Period.year(y + k)
        case .monthLastYear(let m):
            let y = base ? claimPeriod.map { $0.first.year - 1 } : (anchor.map { $0.year - 1 } ?? contextYear.map { $0 - 1 })
            guard let year = y, let month = Month(year: year, month: m) else { return nil }
            return Period(month: month)
        case .fullYear:
            guard let y = contextYear ?? anchor.map({ $0.year - 1 }) else { return nil }
            return Period.year(y)
        case .samePeriodIn(let y):
            guard let p = base ? claimPeriod : frame.period else { return nil }
            return p.shifted(years: y - p.last.year)
        }
    }
}
