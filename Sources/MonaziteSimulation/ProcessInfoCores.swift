import Foundation

/// The number of cores the process may use (`ProcessInfo.activeProcessorCount`).
enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
