/// A word, number or mark of an article line, with where it is.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Letters (and digits after a letter: `Q2`, `G7`); `U.S.` is one word.
        case word
        /// Digits with thousands commas and a decimal point: `3,188`, `1238.47`.
        case number
        /// `%`, `$`, `€`, `£`, `¥`, `~`, `-` or `−` directly before a number.
        case symbol
        /// A hyphen joining two words or numbers (`year-on-year`, `2025-06`).
        case hyphen
        /// Any other mark: `,` `.` `;` `(` `—` …
        case punct
        /// A sentence must end here (a block tag, a paragraph end).
        case boundary
    }

    var text: String
    var lower: String
    var kind: Kind
    /// 0-based line of the input.
    var line: Int
    /// Character offsets in the line.
    var start: Int
    var end: Int
    /// Where the token is in its line's string (a quote is a slice of the line).
    var range: Range<String.Index>
    /// White space (or a line start) before the token.
    var spaceBefore: Bool

    func isWord(_ w: String) -> Bool { kind == .word && lower == w }
    var isNumber: Bool { kind == .number }
    var startsUppercase: Bool { text.first?.isUppercase == true }
}

/// Splits a line into tokens.
enum Tokenizer {
    /// What the tokenizer needs to know of one character, found once: an ASCII character from its
    /// byte, any other from the Unicode properties.
    struct CharacterClass {
        /// The byte of a one-byte ASCII character, else 0xFF.
        var ascii: UInt8
        var flags: UInt8

        static let letter: UInt8 = 1, uppercase: UInt8 = 2, number: UInt8 = 4, space: UInt8 = 8, hardBreak: UInt8 = 16,
            apostrophe: UInt8 = 32

        init(ascii b: UInt8) {
            ascii = b
            var f: UInt8 = 0
            if (0x61...0x7A).contains(b | 0x20) {
                f = b <= 0x5A ? Self.letter | Self.uppercase : Self.letter
            } else if (0x30...0x39).contains(b) {
                f = Self.number
            } else if b == 0x20 || (0x09...0x0D).contains(b) {
                f = Self.space
            } else if b == 0x27 {
                f = Self.apostrophe
            }
            flags = f
        }

        init(_ c: Character) {
            ascii = 0xFF
            var f: UInt8 = 0
            if c.isLetter { f |= Self.letter }
            if c.isUppercase { f |= Self.uppercase }
            if c.isNumber { f |= Self.number }
            if c.isWhitespace { f |= Self.space }
            if c == ArticleText.hardBreak { f |= Self.hardBreak }
            if c == "’" { f |= Self.apostrophe }
            flags = f
        }

        func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
        var isLetter: Bool { has(Self.letter) }
        var isUpperLetter: Bool { flags & (Self.letter | Self.uppercase) == Self.letter | Self.uppercase }
        var isASCIIDigit: Bool { (0x30...0x39).contains(ascii) }
        var isDot: Bool { ascii == 0x2E }
    }

    static func tokenize(line: String, number: Int) -> [Token] {
        // Where each character starts in the line (a token's text is a slice of the line, not a
        // string built a character at a time), and its class.
        var starts: [String.Index] = []
        var classes: [CharacterClass] = []
        let utf8 = line.utf8
        var at = line.startIndex
        while at < line.endIndex {
            let next = line.index(after: at)
            let b = utf8[at]
            classes.append(b < 0x80 && utf8.index(after: at) == next ? CharacterClass(ascii: b) : CharacterClass(line[at]))
            starts.append(at)
            at = next
        }
        starts.append(line.endIndex)
        let count = classes.count
        var out: [Token] = []
        var i = 0
        var space = true
        func emit(_ kind: Token.Kind, _ from: Int, _ to: Int) {
            let text = String(line[starts[from]..<starts[to]])
            out.append(
                Token(
                    text: text, lower: text.lowercased(), kind: kind, line: number, start: from, end: to, range: starts[from]..<starts[to],
                    spaceBefore: space))
            space = false
        }
        while i < count {
            let c = classes[i]
            if c.has(CharacterClass.hardBreak) {
                emit(.boundary, i, i + 1)
                space = true
                i += 1
                continue
            }
            if c.has(CharacterClass.space) {
                space = true
                i += 1
                continue
            }
            if c.isLetter {
                var j = i + 1
                // U.S., U.K., E.U.: single letters joined by dots.
                if c.isUpperLetter, j + 1 < count, classes[j].isDot, classes[j + 1].isUpperLetter, j + 2 >= count || !classes[j + 2].isLetter {
                    j += 2
                    while j + 1 < count, classes[j].isDot, classes[j + 1].isUpperLetter, j + 2 >= count || !classes[j + 2].isLetter {
                        j += 2
                    }
                    if j < count, classes[j].isDot { j += 1 }
                    emit(.word, i, j)
                    i = j
                    continue
                }
                while j < count {
                    let d = classes[j]
                    if d.isLetter || d.has(CharacterClass.number) {
                        j += 1
                    } else if d.has(CharacterClass.apostrophe) && j + 1 < count && classes[j + 1].isLetter {
                        j += 1
                    } else {
                        break
                    }
                }
                emit(.word, i, j)
                i = j
                continue
            }
            if c.isASCIIDigit {
                var j = i
                while j < count, classes[j].isASCIIDigit { j += 1 }
                // Thousands groups: ",ddd" not followed by another digit.
                while j + 3 < count, classes[j].ascii == 0x2C, classes[j + 1].isASCIIDigit, classes[j + 2].isASCIIDigit,
                    classes[j + 3].isASCIIDigit, j + 4 == count || !classes[j + 4].isASCIIDigit
                {
                    j += 4
                }
                if j + 1 < count, classes[j].isDot, classes[j + 1].isASCIIDigit {
                    j += 1
                    while j < count, classes[j].isASCIIDigit { j += 1 }
                }
                emit(.number, i, j)
                i = j
                continue
            }
            // Marks: rare beside letters and digits, so compared as characters.
            let mark = line[starts[i]]
            switch mark {
            case "%", "$", "€", "£", "¥", "~":
                emit(.symbol, i, i + 1)
            case "-", "‑", "−":
                let next = i + 1 < count ? classes[i + 1] : CharacterClass(ascii: 0x20)
                if !space && !next.has(CharacterClass.space) && mark != "−" {
                    emit(.hyphen, i, i + 1)
                } else if next.isASCIIDigit {
                    emit(.symbol, i, i + 1)
                } else {
                    emit(.punct, i, i + 1)
                }
            case "+":
                emit(i + 1 < count && classes[i + 1].isASCIIDigit ? .symbol : .punct, i, i + 1)
            default:
                emit(.punct, i, i + 1)
            }
            i += 1
        }
        return out
    }
}
