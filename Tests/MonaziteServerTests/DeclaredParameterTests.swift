import Foundation
import Hummingbird
import HummingbirdTesting
@testable import MonaziteServer
import Testing

/// Query values are held to the schema their parameter has in /openapi.json: what the document
/// allows is accepted, what it does not is a 400 naming the parameter.
@Suite struct DeclaredParameterTests {
    @Test(arguments: [
        ("/api/v1/trade?reporter=chn", "reporter"), ("/api/v1/trade?reporter=China", "reporter"), ("/api/v1/trade?commodity=85.05.11", "commodity"),
        ("/api/v1/trade?from=2025-6", "from"), ("/api/v1/trade?from=2025-q1", "from"), ("/api/v1/anomalies?threshold=inf", "threshold"),
        ("/api/v1/anomalies?threshold=0", "threshold"), ("/api/v1/trade?as_of=2025-02-30", "as_of"), ("/api/v1/trade?as_of=+2025-01-01", "as_of"),
        ("/api/v1/policy/events?kind=Tariff", "kind"), ("/api/v1/policy/events?destination=WLD", "destination"),
        ("/api/v1/series?offset=1000001", "offset"), ("/api/v1/series?limit=%2B5", "limit"), ("/api/v1/briefings/202506", "period"),
        ("/api/v1/prices?product=NdPr", "product"),
    ])
    func aValueTheDocumentDoesNotAllowIsA400(_ uri: String, _ parameter: String) async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest, "\(uri): \(response.text)")
                let named = try response.apiError()["parameter"] as? String
                #expect(named == parameter)
            }
        }
    }

    @Test(arguments: [
        "/api/v1/trade?reporter=CHN&from=2025-Q1&to=2025-06-15", "/api/v1/prices?product=NdPr+oxide", "/api/v1/prices?product=NdPr%20oxide",
        "/api/v1/anomalies?threshold=3.5e0", "/api/v1/policy/controls?element=dysprosium&commodity=8505.11&destination=USA",
        "/api/v1/briefings/2025-06",
    ])
    func aValueTheDocumentAllowsIsAccepted(_ uri: String) async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri): \(response.text)")
            }
        }
    }

    @Test func aPlusInAQueryIsASpaceAndAnEncodedPlusIsAPlus() {
        let pairs = QueryParameters.pairs("product=NdPr+oxide&x=1%2B1&empty=&flag")
        #expect(pairs.map(\.0) == ["product", "x", "empty", "flag"])
        #expect(pairs.map(\.1) == ["NdPr oxide", "1+1", "", ""])
    }
}

/// The JSON number form the document's `number` parameters take, checked without a regular expression.
@Suite struct DeclaredNumberFormTests {
    @Test(arguments: ["0", "1", "-1.5", "1e3", "2.5E-2", "110", "0.05"])
    func jsonNumbersAreRead(_ text: String) {
        #expect(ParameterSchema.number(text) == Double(text))
    }

    @Test(arguments: ["", "-", "01", "1.", ".5", "+1", " 1", "1 ", "1e", "1e+", "inf", "nan", "0x10", "1e999", "1,5", "--1"])
    func otherFormsAreRefused(_ text: String) {
        #expect(ParameterSchema.number(text) == nil)
    }

    @Test func patternsAreCompiledOnceAndStillMatch() {
        #expect(CompiledPatterns.regex("^[0-9]{4}-[0-9]{2}$")?.firstMatch(in: "2025-06", range: NSRange(location: 0, length: 7)) != nil)
    }
}

/// An answer that cannot be encoded is an error for the server to answer as a 500, not a 200 `null`.
@Suite struct AnswerEncodingTests {
    @Test func aNonFiniteNumberIsAnErrorNotANullBody() {
        #expect(throws: (any Error).self) { _ = try JSONAnswer(encoding: [Double.infinity]) }
        #expect(APIError.from(EncodingError.invalidValue(Double.nan, .init(codingPath: [], debugDescription: "nan"))).status == .internalServerError)
    }
}
