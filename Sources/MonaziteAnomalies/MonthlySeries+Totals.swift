public import MonaziteCore

extension MonthlySeries {
    /// The monthly values of a stored series from `first` to `last`: each month's single published
    /// figure in tonnes, nil when no figure covers exactly that month (a quarter or half-year total is
    /// never split into months).
    public init(totals: SeriesTotals, from first: Month, to last: Month) {
        guard first <= last else {
            self.init([])
            return
        }
        let points: [(Month, Double?)] = (first.index...last.index).map { index in
            let month = Month(index: index)
            switch totals.total(over: Period(month: month)) {
            case .success(let total): return (month, total.tonnes)
            case .failure: return (month, nil)
            }
        }
        self.init(points)
    }
}
