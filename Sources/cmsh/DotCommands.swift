// Dot-commands: the REPL's own commands (.help, .format, .read, .vars …), dispatched by name.
import CMShell
import Foundation
import LineEditor
import Remote

enum DotCommand {
    enum Outcome {
        case `continue`, quit(Int32)
        /// Run these statements (the command stands for a query).
        case run(String)
        /// Run this script file.
        case read(String)
        /// The command could not run: a usage line or the reason.
        case failed(String)
    }

    static let help: [(name: String, usage: String, summary: String)] = [
        (".help", ".help [topic]", "this list, or help on a topic: queries, collections, invoke, changes, scripting, formats, site, connect"),
        (".quit", ".quit", "leave cmsh (also .exit or Ctrl-D)"),
        (".exit", ".exit", "leave cmsh"),
        (".format", ".format table|list|json|csv|mof", "how results are shown"),
        (".timer", ".timer on|off", "show how long each statement takes"),
        (".read", ".read FILE", "run a script file"),
        (".vars", ".vars", "list the session's variables"),
        (".classes", ".classes [pattern]", "list classes, optionally matching a LIKE pattern such as SMS_%Package"),
        (".describe", ".describe Class", "keys, properties and methods of a class"),
        (".members", ".members CollectionID", "the members of a collection, e.g. .members SMS00001"),
        (".history", ".history [n]", "the last n statements (default 20)"),
        (".onerror", ".onerror stop|continue", "whether an error stops a .read script"),
        (".editmode", ".editmode emacs|vi", "line-editing keys"),
        (".dump", ".dump [FILE]", "the whole site (schema and instances) as MOF, to FILE or the screen"),
        (".clear", ".clear", "clear the screen"),
        (".connect", ".connect URL", "run statements on a remote site from now on (.help connect)"),
        (".disconnect", ".disconnect", "back to the local site"),
    ]
    static var names: [String] { help.map(\.name) }

    static let topics: [String: String] = [
        "queries": """
            select * | Prop, … from Class [as a] [join Class2 as b on a.X = b.Y] [where …] [order by … [desc]] [limit n]
              where: = <> < <= > >=  like 'Dell%'  is [not] null  [is] [not] in (…)  not in (select …)  isa  and or not
              an array property matches if any element does: where IPSubnets = '10.1.0.0'
              dates: DATEDIFF(dd, LastLogonTimestamp, GetDate()) < 30   DATEADD(dd, -30, GetDate())
              select Name from SMS_PackageBaseClass where Manufacturer = 'Dell' order by Name
            explain select … shows the plan: index lookups, join methods, where the filter runs
            associators of {SMS_Package.PackageID="S0100003"} where ResultClass = SMS_Site
            """,
        "invoke": """
            invoke SMS_DriverPackage("PKG00001").AddDistributionPoints(["S01"], [nal("dp1", "S01")])
            invoke SMS_Package("S0100003").AddDistributionPoints(SiteCode: "S01", NALPath: nal("dp2", "S01"))
            invoke (select * from SMS_Package where Manufacturer = 'Dell').RefreshPkgSource()
            $? holds the last ReturnValue (0 = success), $result the whole result.
            """,
        "changes": """
            new SMS_Package { Name = "Notepad++", Manufacturer = "Don Ho" }   (gets the next PackageID)
            update SMS_Package("S0100005") set Description = "editor"
            delete SMS_DistributionPoint(PackageID = "S0100004", ServerNALPath = nal("dp1", "S01"), SiteCode = "S01")
            """,
        "scripting": """
            $x = 1   let $y = [1, 2]   if … { } else { }   for $p in (select …) { }   while … { }
            func name($a) { return $a }   try { } catch $e { print $e.message }   assert cond, "msg"
            print a, b   set onerror stop|continue   exit [n]
            """,
        "collections": """
            Members come from rules: limit ∩ ((query ∪ direct ∪ include) − exclude), written to SMS_FullCollectionMembership.
            $c = new SMS_Collection { Name = "Pilot", LimitToCollectionID = "SMS00001" }
            invoke SMS_Collection("S0100014").AddMembershipRule(new SMS_CollectionRuleQuery { RuleName = "Win11",
                QueryExpression = "select * from SMS_R_System where OperatingSystemNameandVersion like '%10.0%'" })
            invoke SMS_Collection("S0100014").AddMembershipRule(new SMS_CollectionRuleDirect { ResourceID = 16777220 })
            invoke SMS_Collection("SMS00001").RequestRefresh()      .members S0100014
            invoke SMS_CollectionRuleQuery.ValidateQuery("select * from SMS_R_System where …")
            """,
        "formats": "table (default), list, json, csv, mof — .format json, or cmsh --format csv",
        "connect": """
            The same statements on a remote site: cmsh --connect URL [statements | FILE], or .connect URL here.
              https://HOST[:PORT]/AdminService                 the administration service (OData), as ConfigMgr serves it
              cimxml+https://HOST[:PORT]/root/sms/site_S01     CIM-XML (any WBEM server, or cmsh serve)
              (http:// and cimxml+http:// on loopback only)
            Who you are: --auth negotiate (default: Kerberos from the ticket cache after kinit, else NTLM),
              kerberos, ntlm or basic with --user DOMAIN\\name or name@REALM; --token-file FILE for a bearer token.
              The password comes from CMSH_PASSWORD or a prompt, never from the command line or history.
            Whom you trust: the system's CAs; --ca-cert PEM; --fingerprint SHA256 (pin a self-signed site
              certificate); --insecure (warned). --connect-timeout seconds; --time-limit bounds each request.
            What goes over the wire: explain select … shows it. The AdminService gets one class's filter, columns,
              order and top ($filter, $select, $orderby, $top, paged by @odata.nextLink); joins and functions run
              here. CIM-XML gets whole WQL statements (ExecQuery). No transactions on a remote site.
            The prompt shows where you are: cmsh S01@cm01>. .disconnect returns to the local site.
              kinit admin@CONTOSO.COM
              cmsh --connect https://cm01.contoso.com/AdminService -c "select Name, SiteCode from SMS_Site"
            """,
        "site": """
            The demo site: S01 Contoso HQ (dp1, dp2, dp3 — dp3 offline) and S02 Contoso Branch (dp4); 23 packages,
            PKG00001 among them; a generated fleet of 300 systems and the site's 6 servers with inventory (cmsh --systems N for more),
            users, groups and collections. show classes, describe SMS_DriverPackage, show methods of SMS_Package.
            cmsh --site FILE --init demo keeps a site in an SQLite file; every statement that succeeds is saved.
            begin … commit (or rollback) groups statements; the prompt shows * while a transaction is open.
            """,
    ]

    /// Runs a dot-command typed at the prompt (`reader` is the prompt's line reader) or met in a script
    /// (`reader` nil: the commands that edit lines or history say they belong to the prompt).
    static func run(_ line: String, session: Session, reader: (any LineReader)?) -> Outcome {
        let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1).map(String.init)
        let name = words[0].lowercased()
        let argument = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        let engine = session.engine
        func usage() -> Outcome { .failed("usage: \(help.first { $0.name == name }?.usage ?? name)") }
        switch name {
        case ".help":
            if argument.isEmpty {
                let width = help.map(\.usage.count).max() ?? 0
                var text = "Statements end at ';' or a line end; an unfinished one continues on the next line.\n"
                for h in help { text += h.usage.padding(toLength: width + 2, withPad: " ", startingAt: 0) + h.summary + "\n" }
                text += "Topics: " + topics.keys.sorted().joined(separator: ", ") + " — e.g. .help invoke\n"
                session.write(text)
            } else if let topic = topics[argument.lowercased()] {
                session.write(topic + "\n")
            } else {
                return .failed("no help topic '\(argument)'; topics: \(topics.keys.sorted().joined(separator: ", "))")
            }
        case ".quit", ".exit":
            return .quit(0)
        case ".format":
            if argument.isEmpty { session.write(session.renderer.options.format.rawValue + "\n"); break }
            guard let format = OutputFormat(rawValue: argument.lowercased()) else { return usage() }
            session.setFormat(format)
        case ".timer":
            guard argument == "on" || argument == "off" else { return usage() }
            session.timer = argument == "on"
        case ".read":
            guard !argument.isEmpty else { return usage() }
            return .read(argument)
        case ".vars":
            let vars = engine.variables
            if vars.isEmpty { session.write("no variables\n") }
            for v in vars { session.write("$\(v.name) = \(v.value.displayText)\n") }
        case ".classes":
            let pattern = argument.isEmpty ? "" : " like '\(argument.replacingOccurrences(of: "'", with: "\\'"))'"
            return .run("show classes" + pattern)
        case ".describe":
            guard !argument.isEmpty else { return usage() }
            return .run("describe " + argument)
        case ".members":
            guard !argument.isEmpty, !argument.contains("'") else { return usage() }
            let path = ObjectPath(className: "SMS_Collection", keys: [.init("CollectionID", .string(argument))])
            guard (try? engine.model.instance(at: path)) != nil else {
                return .failed("no collection \(argument); list them with: select CollectionID, Name, MemberCount from SMS_Collection")
            }
            return .run("select ResourceID, Name, Domain, IsClient, IsDirect, SiteCode from SMS_FullCollectionMembership where CollectionID = '\(argument)' order by Name")
        case ".history":
            guard let reader else { return .failed(".history works at the prompt only") }
            let n = Int(argument) ?? 20
            for (i, entry) in reader.history.enumerated().suffix(max(0, n)) { session.write("\(i + 1)  \(entry)\n") }
        case ".onerror":
            guard let mode = ErrorMode(rawValue: argument.lowercased()) else { return usage() }
            engine.errorMode = mode
        case ".editmode":
            guard let reader else { return .failed(".editmode works at the prompt only") }
            guard let mode = EditMode(rawValue: argument.lowercased()) else { return usage() }
            (reader as? TerminalLineReader)?.editMode = mode
        case ".connect":
            guard reader != nil else { return .failed(".connect works at the prompt; a script runs on a remote site with cmsh --connect URL") }
            guard !argument.isEmpty else { return usage() }
            do { try session.connect(argument) } catch { return .failed("\(error)") }
            let remote = session.remote
            session.write("connected to \(remote?.location ?? argument) (\(session.engine.namespace))\n")
        case ".disconnect":
            guard reader != nil else { return .failed(".disconnect works at the prompt") }
            do { try session.disconnect() } catch { return .failed("\(error)") }
            session.write("back on the local site \(session.engine.site?.siteCode ?? "") (\(session.engine.namespace))\n")
        case ".dump":
            if let remote = session.remote { return .failed(".dump writes a local site; \(remote.host) is remote: select what you need") }
            do {
                let text = try engine.repository.mofDump()
                if argument.isEmpty { session.write(text) } else {
                    try text.write(toFile: argument, atomically: true, encoding: .utf8)
                    session.write("site written to \(argument) as MOF\n")
                }
            } catch {
                return .failed("cannot dump the site: \(error)")
            }
        case ".clear":
            if reader != nil { session.write("\u{1B}[H\u{1B}[2J") }
        default:
            return .failed("unknown command \(words[0]); type .help for the list")
        }
        return .continue
    }

    /// Dot-commands met in a script (`-c`, a file, stdin): statements they stand for run in place, an error
    /// is the script's error at that line, `.quit` ends the run.
    static func hostCommand(session: Session) -> (String, String) throws -> HostCommandOutcome {
        { [unowned session] name, argument in
            switch run(argument.isEmpty ? name : name + " " + argument, session: session, reader: nil) {
            case .continue: return .done
            case .quit(let code): return .exit(code)
            case .run(let statements): return .run(script: statements, fileName: name)
            case .read(let path):
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CMShellError(.notFound, "cannot read \(path)")
                }
                return .run(script: String(decoding: data, as: UTF8.self), fileName: path)
            case .failed(let message): throw CMShellError(.invalidParameter, message)
            }
        }
    }
}
