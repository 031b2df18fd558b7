import ArgumentParser
import Foundation
import Testing

import MonaziteService
@testable import MonaziteCLI

/// `--out DIR` and `--output FILE` write where asked and nowhere else.
@Suite struct OutputFileTests {
    func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("monazite-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aFileIsWrittenInsideTheDirectoryAndReplacedWhole() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("new/sub").path
        let path = try OutputFile.write(Data("one".utf8), named: "a.md", in: out)
        #expect(path == out + "/a.md")
        try OutputFile.write(Data("two".utf8), named: "a.md", in: out)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "two")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["a.md"])
    }

    @Test(arguments: ["../x.md", "..", ".", "", "a/b.md", "/etc/passwd"])
    func aNameThatIsNotOneComponentIsRefused(_ name: String) throws {
        let dir = try temporaryDirectory()
        #expect(throws: OutputFileError.self) { try OutputFile.write(Data("x".utf8), named: name, in: dir.path) }
        #expect(!FileManager.default.fileExists(atPath: dir.deletingLastPathComponent().appendingPathComponent("x.md").path))
    }

    @Test func aSymbolicLinkInPlaceOfTheFileIsNotFollowed() throws {
        let dir = try temporaryDirectory()
        let outside = try temporaryDirectory().appendingPathComponent("victim.txt")
        try Data("keep".utf8).write(to: outside)
        let link = dir.appendingPathComponent("briefing-2025-06.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        #expect(throws: OutputFileError.self) { try OutputFile.write(Data("overwrite".utf8), named: "briefing-2025-06.md", in: dir.path) }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
        // The same through --output FILE.
        #expect(throws: OutputFileError.self) { try OutputFile.write(Data("overwrite".utf8), to: link.path) }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
    }

    @Test func briefingOutWritesOnlyItsTwoFilesInTheFolderAndRefusesAPeriodThatIsAPath() async throws {
        let dir = try temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try await PostgresCLITests.run(["init", "--store", store, "--format", "json"])
        let out = dir.appendingPathComponent("out")
        try await PostgresCLITests.run(["briefing", "2025-06", "--store", store, "--today", "2025-07-31", "--out", out.path])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["briefing-2025-06-world.svg", "briefing-2025-06.md"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix("store.sqlite") } == ["out"])
        // A period that is a path never reaches a file name: it is refused before anything is written.
        for period in ["../../x", "2025-06/../../x"] {
            do {
                try await PostgresCLITests.run(["briefing", period, "--store", store, "--out", out.path])
                Issue.record("briefing accepted the period \(period)")
            } catch {
                #expect(!MonaziteCommand.message(for: error).isEmpty)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 2)
    }
}
