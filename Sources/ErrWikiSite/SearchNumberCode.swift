/// Unsigned numbers as short ASCII runs, for the search data (`assets/ranking.js` decodes them): the
/// last character of a number holds its lowest 6 bits (one of 64 "final" characters), the ones before
/// it the rest in base 25 ("leading" characters), most significant first. A number under 64 takes one
/// byte, under 1,600 two, under 40,000 three; no character needs escaping in a JavaScript string or
/// in HTML, so a run of numbers is a plain string literal, several times shorter than a JSON array.
enum SearchNumberCode {
    static let finals = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)
    static let leadings = Array("!#$%'()*+,./:;=?@[]^`{|}~".utf8)

    static func append(_ number: Int, to out: inout [UInt8]) {
        precondition(number >= 0, "search data numbers are unsigned")
        var rest = number >> 6
        if rest > 0 {
            var digits: [UInt8] = []
            while rest > 0 {
                digits.append(leadings[rest % leadings.count])
                rest /= leadings.count
            }
            out.append(contentsOf: digits.reversed())
        }
        out.append(finals[number & 63])
    }

    /// Decodes a run (the tests' check of the encoder; the site decodes in `ranking.js`).
    static func decode(_ text: [UInt8]) -> [Int]? {
        var numbers: [Int] = [], value = 0
        for byte in text {
            if let digit = leadings.firstIndex(of: byte) {
                value = value * leadings.count + digit
            } else if let digit = finals.firstIndex(of: byte) {
                numbers.append(value * 64 + digit)
                value = 0
            } else {
                return nil
            }
        }
        return value == 0 ? numbers : nil
    }
}
