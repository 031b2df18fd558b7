/// The arithmetic of the daily step, for one draw (`Double`) or several draws in SIMD lanes.
///
/// ``LaneSimulator`` is written once against this protocol. Every operation is lane-wise and
/// IEEE-exact (`+ − × ÷`, min, max, comparisons, select), so lane `l` of a `SIMD4<Double>` run
/// performs exactly the operations of a `Double` run of the same draw and gives the same bits.
/// Control flow that depends on values goes through masks (`select`), never through one lane.
public protocol SimulationLanes: Sendable, BitwiseCopyable {
    associatedtype Mask
    /// Draws per value.
    static var width: Int { get }
    init(repeating value: Double)
    subscript(lane: Int) -> Double { get set }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    static func minimum(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    /// Lane-wise `a > b`.
    static func greater(_ a: Self, _ b: Self) -> Mask
    /// Lane-wise `a >= b`.
    static func greaterOrEqual(_ a: Self, _ b: Self) -> Mask
    /// Lane-wise `a != b` (true for NaN, as `!=` is).
    static func notEqual(_ a: Self, _ b: Self) -> Mask
    /// Lane `lane` of a mask.
    static func lane(_ mask: Mask, _ lane: Int) -> Bool
    static func both(_ a: Mask, _ b: Mask) -> Mask
    static func not(_ a: Mask) -> Mask
    static func anyTrue(_ a: Mask) -> Bool
    /// Lane-wise `mask ? ifTrue : ifFalse`.
    static func select(_ mask: Mask, _ ifTrue: Self, _ ifFalse: Self) -> Self
}

extension SimulationLanes {
    @inline(__always) static var zero: Self { Self(repeating: 0) }
    @inline(__always) static func less(_ a: Self, _ b: Self) -> Mask { greater(b, a) }
    @inline(__always) static func += (a: inout Self, b: Self) { a = a + b }
    @inline(__always) static func -= (a: inout Self, b: Self) { a = a - b }
}

extension Double: SimulationLanes {
    public typealias Mask = Bool
    public static var width: Int { 1 }
    @inline(__always) public init(repeating value: Double) { self = value }
    public subscript(lane: Int) -> Double {
        @inline(__always) get { self }
        @inline(__always) set { self = newValue }
    }
    @inline(__always) public static func minimum(_ a: Double, _ b: Double) -> Double { Swift.min(a, b) }
    @inline(__always) public static func maximum(_ a: Double, _ b: Double) -> Double { Swift.max(a, b) }
    @inline(__always) public static func greater(_ a: Double, _ b: Double) -> Bool { a > b }
    @inline(__always) public static func greaterOrEqual(_ a: Double, _ b: Double) -> Bool { a >= b }
    @inline(__always) public static func notEqual(_ a: Double, _ b: Double) -> Bool { a != b }
    @inline(__always) public static func lane(_ mask: Bool, _ lane: Int) -> Bool { mask }
    @inline(__always) public static func both(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) public static func not(_ a: Bool) -> Bool { !a }
    @inline(__always) public static func anyTrue(_ a: Bool) -> Bool { a }
    @inline(__always) public static func select(_ mask: Bool, _ ifTrue: Double, _ ifFalse: Double) -> Double {
        mask ? ifTrue : ifFalse
    }
}

extension SIMD4: SimulationLanes where Scalar == Double {
    public typealias Mask = SIMDMask<SIMD4<Int64>>
    public static var width: Int { 4 }
    // `Swift.min` and `Swift.max` lane by lane (the `Double` conformance's operations), as one
    // compare and one blend: the standard library's `pointwiseMin`/`pointwiseMax` were not
    // inlined (a call per use in the daily step, 13% of its time).
    @inline(__always) public static func minimum(_ a: Self, _ b: Self) -> Self { a.replacing(with: b, where: b .< a) }
    @inline(__always) public static func maximum(_ a: Self, _ b: Self) -> Self { a.replacing(with: b, where: b .>= a) }
    @inline(__always) public static func greater(_ a: Self, _ b: Self) -> Mask { a .> b }
    @inline(__always) public static func greaterOrEqual(_ a: Self, _ b: Self) -> Mask { a .>= b }
    @inline(__always) public static func notEqual(_ a: Self, _ b: Self) -> Mask { a .!= b }
    @inline(__always) public static func lane(_ mask: Mask, _ lane: Int) -> Bool { mask[lane] }
    @inline(__always) public static func both(_ a: Mask, _ b: Mask) -> Mask { a .& b }
    @inline(__always) public static func not(_ a: Mask) -> Mask { .!a }
    @inline(__always) public static func anyTrue(_ a: Mask) -> Bool { any(a) }
    @inline(__always) public static func select(_ mask: Mask, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        ifFalse.replacing(with: ifTrue, where: mask)
    }
}

extension SIMD8: SimulationLanes where Scalar == Double {
    public typealias Mask = SIMDMask<SIMD8<Int64>>
    public static var width: Int { 8 }
    // `Swift.min` and `Swift.max` lane by lane (the `Double` conformance's operations), as one
    // compare and one blend: the standard library's `pointwiseMin`/`pointwiseMax` were not
    // inlined (a call per use in the daily step, 13% of its time).
    @inline(__always) public static func minimum(_ a: Self, _ b: Self) -> Self { a.replacing(with: b, where: b .< a) }
    @inline(__always) public static func maximum(_ a: Self, _ b: Self) -> Self { a.replacing(with: b, where: b .>= a) }
    @inline(__always) public static func greater(_ a: Self, _ b: Self) -> Mask { a .> b }
    @inline(__always) public static func greaterOrEqual(_ a: Self, _ b: Self) -> Mask { a .>= b }
    @inline(__always) public static func notEqual(_ a: Self, _ b: Self) -> Mask { a .!= b }
    @inline(__always) public static func lane(_ mask: Mask, _ lane: Int) -> Bool { mask[lane] }
    @inline(__always) public static func both(_ a: Mask, _ b: Mask) -> Mask { a .& b }
    @inline(__always) public static func not(_ a: Mask) -> Mask { .!a }
    @inline(__always) public static func anyTrue(_ a: Mask) -> Bool { any(a) }
    @inline(__always) public static func select(_ mask: Mask, _ ifTrue: Self, _ ifFalse: Self) -> Self {
        ifFalse.replacing(with: ifTrue, where: mask)
    }
}
