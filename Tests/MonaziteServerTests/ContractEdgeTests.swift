import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MonaziteServer
import Testing

/// The edges of the API contract: a declared path asked with an undeclared method, and empty values.
@Suite struct ContractEdgeTests {
    @Test func anUndeclaredMethodOnADeclaredPathIsA405WithAllow() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            for (method, uri, allow) in [
                (HTTPRequest.Method.delete, "/api/v1/trade", "GET"), (.put, "/api/v1/imports", "POST"),
                (.delete, "/api/v1/simulations/42", "GET"), (.post, "/api/v1/series", "GET"),
            ] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .methodNotAllowed, "\(method) \(uri): \(response.status)")
                    #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                    let code = try response.apiError()["code"] as? String
                    #expect(code == "method_not_allowed")
                }
            }
            // A path nobody declared stays a 404.
            try await client.execute(uri: "/api/v1/nothing-here", method: .delete) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.allow] == nil)
            }
        }
    }

    @Test func anEmptyValueIsRefusedWithItsParameter() async throws {
        let h = try await ServerHarness.bundled()
        try await h.application().test(.router) { client in
            for (uri, parameter) in [("/api/v1/trade?from=", "from"), ("/api/v1/partners?period=2025-06&limit=", "limit")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let error = try response.apiError()
                    #expect(error["parameter"] as? String == parameter, "\(uri)")
                }
            }
        }
    }
}
