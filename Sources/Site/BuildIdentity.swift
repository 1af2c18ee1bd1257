// BuildIdentity: which build of the program is running, for naming what it caches (the demo's image): a cache
// made by another build — other schema, other code deriving rows — must never be read as this one's.
#if canImport(Glibc)
import Glibc
#endif

enum BuildIdentity {
    /// The running program's GNU build ID in hex (the linker's hash of the program's contents: any rebuild changes
    /// it), read from the note segments of /proc/self/exe; nil where there is none.
    static let current: String? = {
        #if canImport(Glibc)
        let fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func read(_ count: Int, at offset: UInt64) -> [UInt8]? {
            guard count > 0, count <= 1 << 20 else { return nil }
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        // An ELF64 little-endian header: program headers at e_phoff (0x20), e_phentsize (0x36) bytes each, e_phnum (0x38).
        guard let header = read(64, at: 0), header[0..<4] == [0x7f, 0x45, 0x4c, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        func u64(_ b: [UInt8], _ at: Int) -> UInt64 { b.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) } }
        func u16(_ b: [UInt8], _ at: Int) -> Int { b.withUnsafeBytes { Int(UInt16(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt16.self))) } }
        let (size, count) = (u16(header, 0x36), u16(header, 0x38))
        guard size >= 56, let table = read(size * count, at: u64(header, 0x20)) else { return nil }
        for i in 0..<count {
            let entry = i * size
            // PT_NOTE (4): its bytes at p_offset (+8), p_filesz (+32) of them.
            guard table.withUnsafeBytes({ $0.loadUnaligned(fromByteOffset: entry, as: UInt32.self) }) == 4,
                  let notes = read(Int(u64(table, entry + 32)), at: u64(table, entry + 8)),
                  let id = notes.withUnsafeBytes({ buildID(inNotes: $0) }) else { continue }
            return id.map { byte in byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined()
        }
        return nil
        #else
        return nil
        #endif
    }()

    /// The NT_GNU_BUILD_ID note's bytes in a PT_NOTE segment (notes: name size, description size, type, then the
    /// name and description, each padded to four bytes).
    static func buildID(inNotes notes: UnsafeRawBufferPointer) -> [UInt8]? {
        var offset = 0
        func padded(_ n: Int) -> Int { (n + 3) & ~3 }
        while offset + 12 <= notes.count {
            let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            let descriptionSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
            let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let name = offset + 12, description = name + padded(nameSize)
            guard nameSize <= notes.count, descriptionSize <= notes.count, description + descriptionSize <= notes.count else { return nil }
            // NT_GNU_BUILD_ID is 3, owned by "GNU\0".
            if type == 3, nameSize == 4, Array(notes[name..<name + 4]) == Array("GNU\0".utf8), descriptionSize > 0 {
                return Array(notes[description..<description + descriptionSize])
            }
            offset = description + padded(descriptionSize)
        }
        return nil
    }
}
