/// Why a request gets an error page instead of the page it asked for.
enum DashboardFailure: Error {
    /// A query value or path segment that cannot be read: 400, with the reason shown.
    case badRequest(String)
    /// A page or series that does not exist: 404.
    case notFound(String)
}
