import Foundation

enum JSONEncoderProvider {
    static func make() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}

enum JSONDecoderProvider {
    static func make() -> JSONDecoder { JSONDecoder() }
}
