import CNcursesw

/// Turns `wget_wch` results into `Key`s.
public enum KeyDecoder {
    /// Decodes a `wget_wch` status (OK, KEY_CODE_YES or ERR) and the value it stored.
    public static func decode(status: Int32, value: UInt32) -> Key? {
        if status == pd_key_code_yes() { return decodeKeyCode(Int32(bitPattern: value)) }
        guard status == pd_ok() else { return nil }
        return decodeCharacter(value)
    }

    /// Decodes a character read in cbreak/nonl mode, where control keys arrive as C0 codes.
    public static func decodeCharacter(_ value: UInt32) -> Key {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control("@")
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(value) + 0x40)))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }

    /// Decodes an ncurses KEY_* code.
    public static func decodeKeyCode(_ code: Int32) -> Key {
        let functionRange = (pd_key_f0() + 1)...(pd_key_f0() + 63)
        if functionRange.contains(code) { return .function(Int(code - pd_key_f0())) }
        switch code {
        case pd_key_up(): return .up
        case pd_key_down(): return .down
        case pd_key_left(): return .left
        case pd_key_right(): return .right
        case pd_key_home(): return .home
        case pd_key_end(): return .end
        case pd_key_ppage(): return .pageUp
        case pd_key_npage(): return .pageDown
        case pd_key_dc(): return .delete
        case pd_key_backspace(): return .backspace
        case pd_key_enter(): return .enter
        case pd_key_btab(): return .backTab
        case pd_key_resize(): return .resize
        default: return .unknown(code)
        }
    }
}
