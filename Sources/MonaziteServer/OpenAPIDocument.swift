public import Foundation

/// The OpenAPI 3.1 document of the API, served at `/openapi.json`. Written by hand in
/// `Resources/openapi.json`; `OpenAPIConformanceTests` prove that it and the router agree.
public enum OpenAPIDocument {
    public static let data: Data = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return Data(#"{"openapi":"3.1.0","info":{"title":"Monazite API","version":"missing resource"},"paths":{}}"#.utf8) }
        return data
    }()
}

/// The paths and methods the OpenAPI document declares, to answer a known path asked with an
/// undeclared method with 405 and `Allow` rather than 404.
enum DeclaredRoutes {
    /// Each declared path as segments (`{id}` matches any one segment) with its methods, upper case.
    static let routes: [(segments: [Substring], methods: [String])] = {
        guard let object = try? JSONSerialization.jsonObject(with: OpenAPIDocument.data) as? [String: Any],
            let paths = object["paths"] as? [String: Any]
        else { return [] }
        let verbs: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return paths.compactMap { path, item in
            guard let operations = item as? [String: Any] else { return nil }
            let methods = operations.keys.filter { verbs.contains($0) }.map { $0.uppercased() }.sorted()
            return (path.split(separator: "/", omittingEmptySubsequences: true), methods)
        }
    }()

    /// The methods declared for `path`, or nil when no declared path matches it.
    static func allowedMethods(for path: String) -> [String]? {
        let asked = path.split(separator: "/", omittingEmptySubsequences: true)
        let methods = routes.filter { route in
            route.segments.count == asked.count
                && zip(route.segments, asked).allSatisfy { declared, given in declared.hasPrefix("{") || declared == given }
        }.flatMap(\.methods)
        return methods.isEmpty ? nil : Array(Set(methods)).sorted()
    }
}
