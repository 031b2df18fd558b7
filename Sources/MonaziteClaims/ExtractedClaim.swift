import MonaziteCore

/// A claim as read from the text, before it is checked: the public ``Claim`` fields plus what the
/// checker needs (the resolved period, the rounding step, the comparison base).
struct ExtractedClaim: Sendable {
    var claim: Claim
    var period: Period?
    /// The period is the figure's own (in its clause), not the sentence's or another figure's.
    var periodIsOwn = false
    /// The base of a change when the article names one (`from May`).
    var basePeriod: Period?
    var step: Double
    /// A change of a month with neither "month-on-month" nor "year-on-year" nor a base named.
    var ambiguousChange = false
    /// The article wrote the flow from the importer's side ("US imports from China").
    var importerPhrasing = false
    /// The stage of a stage-share claim.
    var stage: SupplyStage?
    /// Why the period could not be resolved, when it could not.
    var periodProblem: String?
    /// The element of a price claim (`neodymium oxide`).
    var priceItem: String?
    /// Where the price is quoted, as the article says.
    var priceMarket: PriceMarket?
    /// The form priced (`oxide`, `metal`, `alloy`), when the article says.
    var priceForm: String?
    /// The price a change starts from ("jumped from $250/kg"): its date is not read.
    var priceIsBase = false
    /// One end of a price range ("$700/kg- $1000/kg").
    var priceInRange = false
    /// A count of rare-earth elements ("seven rare earths", "five more elements"), checked against
    /// the acts of the policy timeline that list elements.
    var countsElements = false
    /// A count of things added ("five more elements"): compared with the elements an act added to
    /// those listed before it.
    var countsAddition = false
    /// The qualifier admits its bound ("at least seven").
    var boundIncluded = false
}
