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
    static func tokenize(line: String, number: Int) -> [Token] {
        // The characters, and where each starts in the line: a token's text is then a slice of the
        // line, not a string built a character at a time.
        var chars: [Character] = []
        var starts: [String.Index] = []
        var at = line.startIndex
        while at < line.endIndex {
            let next = line.index(after: at)
            chars.append(line[at])
            starts.append(at)
            at = next
        }
        starts.append(line.endIndex)
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
        while i < chars.count {
            let c = chars[i]
            if c == ArticleText.hardBreak {
                emit(.boundary, i, i + 1)
                space = true
                i += 1
                continue
            }
            if c.isWhitespaceFast {
                space = true
                i += 1
                continue
            }
            if c.isLetterFast {
                var j = i + 1
                // U.S., U.K., E.U.: single letters joined by dots.
                if c.isUppercaseFast, j + 1 < chars.count, chars[j] == ".", chars[j + 1].isLetterFast, chars[j + 1].isUppercaseFast,
                    j + 2 >= chars.count || !chars[j + 2].isLetterFast
                {
                    j += 2
                    while j + 1 < chars.count, chars[j] == ".", chars[j + 1].isLetterFast, chars[j + 1].isUppercaseFast,
                        j + 2 >= chars.count || !chars[j + 2].isLetterFast
                    {
                        j += 2
                    }
                    if j < chars.count, chars[j] == "." { j += 1 }
                    emit(.word, i, j)
                    i = j
                    continue
                }
                while j < chars.count {
                    let d = chars[j]
                    if d.isLetterFast || d.isNumberFast {
                        j += 1
                    } else if (d == "'" || d == "’") && j + 1 < chars.count && chars[j + 1].isLetterFast {
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
                while j < chars.count, chars[j].isASCIIDigit { j += 1 }
                // Thousands groups: ",ddd" not followed by another digit.
                while j + 3 < chars.count, chars[j] == ",", chars[j + 1].isASCIIDigit, chars[j + 2].isASCIIDigit,
                    chars[j + 3].isASCIIDigit, j + 4 == chars.count || !chars[j + 4].isASCIIDigit
                {
                    j += 4
                }
                if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCIIDigit {
                    j += 1
                    while j < chars.count, chars[j].isASCIIDigit { j += 1 }
                }
                emit(.number, i, j)
                i = j
                continue
            }
            switch c {
            case "%", "$", "€", "£", "¥", "~":
                emit(.symbol, i, i + 1)
            case "-", "‑", "−":
                let next = i + 1 < chars.count ? chars[i + 1] : " "
                if !space && !next.isWhitespaceFast && c != "−" {
                    emit(.hyphen, i, i + 1)
                } else if next.isASCIIDigit {
                    emit(.symbol, i, i + 1)
                } else {
                    emit(.punct, i, i + 1)
                }
            case "+":
                emit(i + 1 < chars.count && chars[i + 1].isASCIIDigit ? .symbol : .punct, i, i + 1)
            default:
                emit(.punct, i, i + 1)
            }
            i += 1
        }
        return out
    }
}

/// Character classes with ASCII answered without the Unicode property tables (the tokenizer asks
/// four of them per character); other characters ask the tables.
extension Character {
    fileprivate var isLetterFast: Bool {
        if let a = asciiValue { return (0x61...0x7A).contains(a | 0x20) }
        return isLetter
    }
    fileprivate var isWhitespaceFast: Bool {
        if let a = asciiValue { return a == 0x20 || (0x09...0x0D).contains(a) }
        return isWhitespace
    }
    fileprivate var isUppercaseFast: Bool {
        if let a = asciiValue { return (0x41...0x5A).contains(a) }
        return isUppercase
    }
    fileprivate var isNumberFast: Bool {
        if let a = asciiValue { return (0x30...0x39).contains(a) }
        return isNumber
    }
}
