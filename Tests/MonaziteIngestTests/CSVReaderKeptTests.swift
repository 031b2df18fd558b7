import Foundation
@testable import MonaziteIngest
import Testing

/// `CSVReader.nextKept` against `next(into:)`: the same fields where it takes a record, and a
/// rewind to the record's start (for `next(into:)` to report) where it does not.
@Suite struct CSVReaderKeptTests {
    static let text = [
        "a,b,c,d",
        "1,\"two, 2\",3,4",
        "5,\"six \"\"6\"\"\",7,8\r",
        "9,10,11",
        "",
        "\"x",
        "y\",1,2,3",
        "1,2,3,\"4\"",
        "1,2,3,4,5",
        "1,2\"x,3,4",
        "e,f,g,h",
    ].joined(separator: "\n")

    @Test func keepsTheSameFieldsOrHandsTheRecordBack() throws {
        let bytes = Array(Self.text.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            var fast = try CSVReader(bytes: buffer, file: "t.csv")
            var slow = try CSVReader(bytes: buffer, file: "t.csv")
            var record = CSVReader.Record()
            _ = try fast.next(into: &record)
            _ = try slow.next(into: &record)
            // Keep columns 3 and 1, in slots 0 and 1.
            let slots = [-1, 1, -1, 0]
            var starts = [0, 0], ends = [0, 0], quoted = [false, false]
            var line = 0
            var kinds: [String] = []
            while true {
                let result = slots.withUnsafeBufferPointer { s in
                    starts.withUnsafeMutableBufferPointer { st in
                        ends.withUnsafeMutableBufferPointer { en in
                            quoted.withUnsafeMutableBufferPointer { q in
                                fast.nextKept(slots: s, fieldCount: 4, starts: st.baseAddress!, ends: en.baseAddress!, quoted: q.baseAddress!, line: &line)
                            }
                        }
                    }
                }
                if result == .end { break }
                // Whatever nextKept did, next(into:) reads the same record on the other reader.
                let more: Bool
                do { more = try slow.next(into: &record) } catch {
                    #expect(result == .slow)
                    kinds.append("error")
                    break
                }
                #expect(more)
                if result == .slow {
                    kinds.append("slow")
                    // Rewound: the general reader takes over from the same place.
                    do { _ = try fast.next(into: &record) } catch { break }
                    continue
                }
                kinds.append("kept")
                #expect(record.count == 4)
                #expect(line == record.line)
                #expect(starts[0] == record.starts[3] && ends[0] == record.ends[3] && quoted[0] == record.quoted[3])
                #expect(starts[1] == record.starts[1] && ends[1] == record.ends[1] && quoted[1] == record.quoted[1])
            }
            #expect(kinds == ["kept", "kept", "slow", "slow", "kept", "slow", "error"])
        }
    }
}
