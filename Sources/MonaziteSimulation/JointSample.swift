/// A joint sample of uncertain inputs, such as a calibrated posterior: each Monte Carlo draw takes
/// one row (chosen uniformly from its own random stream) and sets every named input to that row's
/// values, so correlations between the inputs are kept.
public struct JointSample: Sendable, Hashable {
    public var parameters: [UncertainParameter.Target]
    /// One row per sample point, `parameters.count` values each.
    public var rows: [[Double]]

    public init(parameters: [UncertainParameter.Target], rows: [[Double]]) {
        self.parameters = parameters
        self.rows = rows
    }
}
