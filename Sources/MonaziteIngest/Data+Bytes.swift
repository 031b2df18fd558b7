public import Foundation

extension Data {
    /// Runs a parser over the bytes of this data, keeping the parser's typed error.
    ///
    /// Lets a synchronous row reader run inside an `async` store call: the reader is handed the
    /// bytes only for the time of the call.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(ImportFailure) -> R) throws(ImportFailure) -> R {
        let result: Result<R, ImportFailure> = withUnsafeBytes { raw in
            do throws(ImportFailure) {
                return .success(try body(raw.bindMemory(to: UInt8.self)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
