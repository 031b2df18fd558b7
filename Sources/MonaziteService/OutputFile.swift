public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files the commands write where the user asked (`--out DIR`, `--output FILE`), and nowhere
/// else: a file name is one path component (no `/`, `.` or `..`), an existing symbolic link at
/// the target is refused rather than followed, and the bytes go to a new file in the same
/// directory (created with `O_EXCL | O_NOFOLLOW`) that is then renamed over the target, so a
/// link placed there meanwhile is replaced, never written through. The directory itself is the
/// user's choice and may be a link.
public enum OutputFile {
    /// Writes `data` as `name` inside `directory` (created if missing) and returns the file's path.
    @discardableResult
    public static func write(_ data: Data, named name: String, in directory: String) throws(OutputFileError) -> String {
        guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\0"), name.utf8.count <= 255 else {
            throw OutputFileError(path: name, reason: "not a plain file name (one path component, without / or ..)")
        }
        guard !directory.isEmpty, !directory.contains("\0") else { throw OutputFileError(path: directory, reason: "not a directory path") }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError(path: directory, reason: "cannot create the directory (\(error.localizedDescription))")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputFileError(path: directory, reason: "not a directory")
        }
        let target = (directory as NSString).appendingPathComponent(name)
        // attributesOfItem does not follow a link: it describes the link itself.
        if let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType {
            if type == .typeSymbolicLink {
                throw OutputFileError(path: target, reason: "is a symbolic link; refusing to write through it (remove it, or choose another directory)")
            }
            guard type == .typeRegular else { throw OutputFileError(path: target, reason: "exists and is not a regular file") }
        }
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<8 {
            temporary = (directory as NSString).appendingPathComponent(".\(name).\(UInt32.random(in: 0...UInt32.max)).tmp")
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw OutputFileError(path: target, reason: "cannot create a file in the directory (\(String(cString: strerror(errno))))") }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                #if canImport(Glibc)
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                #else
                let n = Darwin.write(fd, base + offset, raw.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputFileError(path: target, reason: "cannot write the file (\(failure))")
        }
        return target
    }

    /// Writes `data` to the file at `path` (its directory is created if missing), with the same rules.
    @discardableResult
    public static func write(_ data: Data, to path: String) throws(OutputFileError) -> String {
        let name = (path as NSString).lastPathComponent
        guard !path.hasSuffix("/"), !name.isEmpty, name != ".", name != ".." else {
            throw OutputFileError(path: path, reason: "names a directory, not a file")
        }
        let directory = (path as NSString).deletingLastPathComponent
        return try write(data, named: name, in: directory.isEmpty ? "." : directory)
    }
}

/// A file that could not be written where asked, and why.
public struct OutputFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
