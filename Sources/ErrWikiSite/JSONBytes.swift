/// A JSON writer for the export's article objects, byte for byte what `JSONSerialization` writes
/// with `.sortedKeys` and `.withoutEscapingSlashes` (a test compares the two on the shipped
/// content), at a fraction of its cost: no boxing into `Any`, no key sorting at run time (callers
/// write an object's keys in sorted order), one pass over each string's bytes.
package struct JSONBytes {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// A value of an object or array member.
    package enum Value {
        case string(String)
        case optionalString(String?)
        case strings([String])
        case int(Int)
        case bool(Bool)
        case objects([[(String, Value)]])
    }

    /// An object whose keys are already in sorted order.
    package mutating func object(_ members: [(String, Value)]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(key)
            bytes.append(UInt8(ascii: ":"))
            self.value(value)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func value(_ value: Value) {
        switch value {
        case .string(let text): string(text)
        case .optionalString(let text): if let text { string(text) } else { bytes += Array("null".utf8) }
        case .strings(let texts):
            bytes.append(UInt8(ascii: "["))
            for (index, text) in texts.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(text)
            }
            bytes.append(UInt8(ascii: "]"))
        case .int(let number): bytes += Array(String(number).utf8)
        case .bool(let flag): bytes += Array((flag ? "true" : "false").utf8)
        case .objects(let objects):
            bytes.append(UInt8(ascii: "["))
            for (index, members) in objects.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                object(members)
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Quotes and escapes as JSONSerialization does: `"` and `\` escaped, \b \f \n \r \t by name,
    /// other control characters as \u00XX; everything else, "/" and non-ASCII included, as it is.
    private mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                bytes += Array("\\u00".utf8)
                bytes += [Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
