import Foundation
import Synchronization

/// A one-line progress bar on stderr, redrawn at most every 100 ms. Safe to advance from any task.
final class SimulateProgressBar: Sendable {
    let total: Int
    let state = Mutex<(done: Int, lastDraw: UInt64)>((0, 0))

    init(total: Int) { self.total = max(total, 1) }

    func advance(by count: Int) {
        let line: String? = state.withLock { s in
            s.done += count
            let now = DispatchTime.now().uptimeNanoseconds
            guard now - s.lastDraw > 100_000_000 || s.done >= total else { return nil }
            s.lastDraw = now
            return Self.render(done: s.done, total: total)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        let done = state.withLock { $0.done }
        FileHandle.standardError.write(Data((Self.render(done: done, total: total) + "\n").utf8))
    }

    static func render(done: Int, total: Int) -> String {
        let width = 30
        let filled = min(width, done * width / max(total, 1))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "\r[\(bar)] \(done)/\(total) draws"
    }
}
