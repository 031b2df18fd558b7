import Foundation
import Hummingbird
import MonaziteCore
import MonaziteService

/// The query string of an API request, checked: an unknown, repeated or empty parameter is a 400
/// rather than silently ignored, so a typo (`form=2025-01`) never answers a different question.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ request: Request, allowed: Set<String>) throws(APIError) {
        let pairs = Self.pairs(request.uri.query)
        let declared = pairs.isEmpty ? nil : DeclaredParameters.operation(method: request.method.rawValue, path: request.uri.path)
        for (k, value) in pairs {
            guard allowed.contains(k) else {
                let list = allowed.sorted().joined(separator: ", ")
                throw .badRequest("unknown query parameter \"\(k)\"" + (list.isEmpty ? "; this endpoint takes none" : "; allowed: \(list)"), parameter: k)
            }
            guard values[k] == nil else { throw .badRequest("query parameter \"\(k)\" is given more than once", parameter: k) }
            // `from=` says nothing: refused rather than read as the default, which the client may not expect.
            guard !value.isEmpty else { throw .badRequest("query parameter \"\(k)\" is empty; leave it out to use the default", parameter: k) }
            // The document's schema for the parameter (enum, pattern, range, format) is enforced as declared.
            try DeclaredParameters.check(k, String(value), in: declared)
            values[k] = String(value)
        }
    }

    /// The query's `name=value` pairs, decoded as HTML forms and HTTP clients encode them: `+` is
    /// a space and `%XX` a byte (`product=NdPr+oxide` is "NdPr oxide"; a plus sign is `%2B`).
    static func pairs(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        func decode(_ part: Substring) -> String {
            let text = part.replacingOccurrences(of: "+", with: " ")
            return text.removingPercentEncoding ?? text
        }
        return query.split(separator: "&").map { item in
            let kv = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
    }

    subscript(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }

    func string(_ name: String, default value: String) -> String { self[name] ?? value }

    func country(_ name: String, default value: String) throws -> CountryCode {
        try QueryParsing.country(string(name, default: value), name: name)
    }

    func hsCode(_ name: String, default value: String) throws -> HSCode { try QueryParsing.hsCode(string(name, default: value), name: name) }

    func flow(_ name: String = "flow") throws -> TradeFlow { try QueryParsing.flow(string(name, default: "export"), name: name) }

    func period(_ name: String) throws -> Period? { try self[name].map { text throws(ServiceError) in try QueryParsing.period(text, name: name) } }

    func day(_ name: String) throws -> CalendarDay? { try self[name].map { text throws(ServiceError) in try QueryParsing.day(text, name: name) } }

    func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = self[name] else { return value }
        guard let n = Int(text) else { throw .badRequest("\(name): \"\(text)\" is not an integer", parameter: name) }
        guard range.contains(n) else {
            throw .badRequest("\(name): \(n) is outside \(range.lowerBound)...\(range.upperBound)", parameter: name)
        }
        return n
    }

    /// `limit` and `offset` of a list endpoint.
    func paging(defaultLimit: Int = Paging.defaultLimit) throws(APIError) -> Paging {
        Paging(
            limit: try integer("limit", default: defaultLimit, range: 1...Paging.maximumLimit),
            offset: try integer("offset", default: 0, range: 0...1_000_000))
    }
}

/// A window on a list: every list endpoint takes `limit` (1…5000) and `offset`, and answers with
/// `paging: {limit, offset, total, next_offset}`.
struct Paging: Sendable {
    static let defaultLimit = 1000
    static let maximumLimit = 5000
    var limit: Int
    var offset: Int

    static let parameters: Set<String> = ["limit", "offset"]

    /// A page of typed items with its paging metadata, as the JSON body `{"data", "paging"}`.
    func page<T: Encodable & Sendable>(_ items: [T]) -> PagedAnswer<T> {
        let start = min(offset, items.count)
        let end = min(items.count, start + limit)
        return PagedAnswer(
            data: Array(items[start..<end]),
            paging: PagingMeta(limit: limit, offset: offset, total: items.count, nextOffset: end < items.count ? end : nil))
    }
}

/// A page of a list answer.
struct PagedAnswer<T: Encodable & Sendable>: Encodable, Sendable {
    let data: [T]
    let paging: PagingMeta
}

struct PagingMeta: Encodable, Sendable {
    let limit: Int
    let offset: Int
    let total: Int
    @NullWhenAbsent var nextOffset: Int?

    enum CodingKeys: String, CodingKey {
        case limit, offset, total
        case nextOffset = "next_offset"
    }
}
