import MonaziteCore
import MonaziteStore
import PostgresNIO

/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format: one line per row, tab between
/// columns, `\N` for NULL, and backslash, tab, newline and carriage return escaped in text.
/// Rows are sent in buffers of about 1 MiB; the server checks every constraint as for `INSERT`.
struct CopyTextBuffer {
    private(set) var buffer: ByteBuffer
    private var atLineStart = true

    init(capacity: Int = CopyTextBuffer.flushBytes + 4096) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Bytes after which a buffer is sent.
    static let flushBytes = 1 << 20

    var isFull: Bool { buffer.readableBytes >= Self.flushBytes }
    var isEmpty: Bool { buffer.readableBytes == 0 }

    private mutating func separate() {
        if atLineStart { atLineStart = false } else { buffer.writeInteger(UInt8(ascii: "\t")) }
    }

    mutating func null() {
        separate()
        buffer.writeStaticString("\\N")
    }

    /// `count` NULL columns.
    mutating func nulls(_ count: Int) {
        for _ in 0..<count { null() }
    }

    /// An integer in decimal, its digits written straight into the buffer.
    mutating func int(_ v: Int64) {
        separate()
        var magnitude = v.magnitude
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20, magnitude >= limit {
            digits += 1
            limit = limit &* 10
        }
        let width = digits + (v < 0 ? 1 : 0)
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: width) { out in
            var i = width - 1
            repeat {
                out[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                i -= 1
            } while magnitude > 0
            if v < 0 { out[0] = UInt8(ascii: "-") }
            return width
        }
    }

    mutating func int(_ v: Int) { int(Int64(v)) }

    /// A finite double, printed so it reads back to the same value (Swift prints the shortest
    /// text that round-trips, which `float8in` parses exactly).
    mutating func double(_ v: Double?) throws {
        guard let v else { return null() }
        guard v.isFinite else { throw StoreError.invalidQuery("a figure is not a finite number: \(v)") }
        separate()
        buffer.writeString(v.description)
    }

    mutating func text(_ v: String?) {
        guard let v else { return null() }
        separate()
        var needsEscape = false
        for b in v.utf8 where b == UInt8(ascii: "\\") || b == 9 || b == 10 || b == 13 {
            needsEscape = true
            break
        }
        guard needsEscape else {
            buffer.writeString(v)
            return
        }
        for b in v.utf8 {
            switch b {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case 9: buffer.writeStaticString("\\t")
            case 10: buffer.writeStaticString("\\n")
            case 13: buffer.writeStaticString("\\r")
            default: buffer.writeInteger(b)
            }
        }
    }

    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        atLineStart = true
    }

    /// The rows so far, leaving the buffer empty.
    mutating func take() -> ByteBuffer {
        let out = buffer
        buffer = ByteBufferAllocator().buffer(capacity: Self.flushBytes + 4096)
        return out
    }
}
