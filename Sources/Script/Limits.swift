// Limits: named bounds that keep a script from taking the machine down, with defaults a host can override.
import CIM

/// Resource limits for parsing and running a script. Every limit reports "too many X (limit is N)".
public struct Limits: Sendable, Hashable {
    /// Nesting of expressions and blocks in the source.
    public var maxSyntaxDepth = 200
    /// Depth of script function calls (stops runaway recursion).
    public var maxCallDepth = 200
    /// Statements executed in one run; nil for no limit.
    public var maxSteps: Int? = nil
    /// Iterations of any one loop; nil for no limit.
    public var maxLoopIterations: Int? = nil
    /// Elements in one list, or bytes in one string, that a script may build.
    public var maxCollectionSize = 50_000_000
    /// The process's resident memory a run may grow to (result sets, sorts, joins included); nil for no limit.
    public var maxMemoryBytes: Int? = nil

    public init() {}
}

/// A runtime error: the WMI status, a plain sentence, and where in the script it happened.
public struct ScriptError: Error, Sendable {
    public var status: CIMStatus
    public var message: String
    public var range: SourceRange

    public init(_ status: CIMStatus, _ message: String, at range: SourceRange) {
        self.status = status
        self.message = message
        self.range = range
    }
}
