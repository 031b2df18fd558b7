import ArgumentParser
import Foundation
import MonaziteStore
import Testing

@testable import MonaziteCLI

/// A store whose file or directory cannot be written: `import` and the opening `serve` does
/// refuse with one line naming the path, and the store is left as it was.
///
/// The fault is real, not simulated: as root (where mode bits do not stop a write) the file or
/// directory is made immutable with `chattr +i`; otherwise its mode bits are cleared. Before the
/// commands run, the test checks that a write there really fails, so it cannot pass on a
/// store that was never read-only. `scripts/fault-test.sh readonly` does the same with a
/// read-only bind mount.
@Suite(.serialized) struct ReadOnlyStoreTests {
    static let rows = """
        period,reporter,partner,flow,commodity,quantity,unit,status,source,url,release
        2025-06,FRA,WLD,export,2805.30,12.5,t,reported,synthetic test,https://example.org/ro,2025-07-15
        2025-07,FRA,WLD,export,2805.30,13.5,t,reported,synthetic test,https://example.org/ro,2025-08-15

        """

    enum Target: String, CaseIterable { case file, directory }

    /// Makes `path` unwritable, or says why it could not.
    static func lock(_ path: String, _ on: Bool) throws {
        if getuid() == 0 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
            p.arguments = [on ? "+i" : "-i", path]
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw CLIError("chattr \(on ? "+i" : "-i") \(path) failed") }
        } else {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
            let mode: Int16 = on ? (isDir.boolValue ? 0o555 : 0o444) : (isDir.boolValue ? 0o755 : 0o644)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }

    static func run(_ arguments: [String]) async throws {
        var command = try MonaziteCommand.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
    }

    @Test(arguments: Target.allCases)
    func importAndServeRefuseAReadOnlyStoreNamingItAndChangeNothing(_ target: Target) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let storePath = dir.appendingPathComponent("store.sqlite").path
        let file = dir.appendingPathComponent("rows.csv")
        try Self.rows.write(to: file, atomically: true, encoding: .utf8)
        let before: String
        do {
            let store = try SQLiteStore(path: storePath)
            before = try store.contentDigest()
        }  // closed here: SQLite removes -wal and -shm with the last connection
        let locked = target == .file ? storePath : dir.path
        try Self.lock(locked, true)
        defer {
            try? Self.lock(locked, false)
            try? FileManager.default.removeItem(at: dir)
        }
        // The fault is there: a write to the locked file (or a new file in the locked directory) fails.
        switch target {
        case .file: try #require(FileHandle(forWritingAtPath: storePath) == nil, "the store file is still writable")
        case .directory:
            try #require(!FileManager.default.createFile(atPath: dir.appendingPathComponent("probe").path, contents: nil), "the directory is still writable")
        }

        do {
            try await Self.run(["import", file.path, "--store", storePath])
            Issue.record("import into a read-only store (\(target)) succeeded")
        } catch {
            let message = MonaziteCommand.message(for: error)
            #expect(message.contains(storePath), "\(message)")
            #expect(message.contains("read-only"), "\(message)")
            #expect(!message.contains("\n"), "one line: \(message)")
        }
        // `serve` opens its store this way before it listens.
        do {
            let options = try StoreOptions.parse(["--store", storePath])
            _ = try await options.openServerStore()
            Issue.record("serve opened a read-only store (\(target))")
        } catch {
            let message = MonaziteCommand.message(for: error)
            #expect(message.contains(storePath) && message.contains("read-only"), "\(message)")
        }

        try Self.lock(locked, false)
        let store = try SQLiteStore(path: storePath)
        #expect(try store.contentDigest() == before)
    }
}
