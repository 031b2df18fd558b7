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
