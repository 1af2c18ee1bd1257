// Variables: the session's global variables, each name given a slot once so compiled code reads and
// writes them by index instead of hashing the name on every access.

/// Global variables by lower-cased name (without `$`). A name keeps its slot for the session's life, set
/// or not; an unset variable is a nil slot.
struct GlobalVariables {
    private var slots: [String: Int] = [:]
    private var names: [String] = []
    /// The values by slot; nil where the variable is not set.
    private(set) var values: [Value?] = []

    /// The slot of a name, made on first use.
    mutating func slot(for name: String) -> Int {
        if let s = slots[name] { return s }
        let s = values.count
        slots[name] = s
        names.append(name)
        values.append(nil)
        return s
    }

    subscript(name: String) -> Value? {
        get { slots[name].flatMap { values[$0] } }
        set { values[slot(for: name)] = newValue }
    }

    @inline(__always)
    subscript(slot slot: Int) -> Value? {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// The variables that are set, sorted by name.
    var all: [(name: String, value: Value)] {
        zip(names, values).compactMap { name, value in value.map { (name, $0) } }.sorted { $0.name < $1.name }
    }
}
