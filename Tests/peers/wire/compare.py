"""Compares the requests cmsh sent (recorder.py's log) with real clients' captured requests and the
AdminService's documented shapes; prints one line per check and ends with 'N passed, N failed'.

    compare.py RECORDED.jsonl CAPTURED-CIMXML.log
"""
import json, re, sys, urllib.parse
import xml.etree.ElementTree as ET

recorded = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
captured = [json.loads(l) for l in open(sys.argv[2]) if l.startswith("{")]
passed = failed = 0

def check(ok, what):
    global passed, failed
    print(("ok   " if ok else "FAIL ") + what)
    passed, failed = passed + ok, failed + (not ok)

def header(r, name):
    return next((v for k, v in r["headers"].items() if k.lower() == name.lower()), None)

def skeleton(body):
    """The element path of a CIM-XML request down to its operation, the operation's name and its namespace depth."""
    root = ET.fromstring(body)
    call = root.find("MESSAGE/SIMPLEREQ/IMETHODCALL")
    if call is None:
        call = root.find("MESSAGE/SIMPLEREQ/METHODCALL")
    path = call.find("LOCALNAMESPACEPATH")
    if path is None:
        path = call.find("LOCALINSTANCEPATH/LOCALNAMESPACEPATH")
    return (root.tag, root.get("CIMVERSION"), root.get("DTDVERSION"), root.find("MESSAGE").get("PROTOCOLVERSION"),
            call.tag, len(path.findall("NAMESPACE")) if path is not None else 0)

cimxml = [r for r in recorded if r["path"] == "/cimom"]
for method in sorted({header(r, "CIMMethod") for r in cimxml}):
    mine = next(r for r in cimxml if header(r, "CIMMethod") == method)
    theirs = next((c for c in captured if header(c, "CIMMethod") == method), None)
    if theirs is None:
        continue
    check(mine["method"] == "POST", f"{method}: POST /cimom")
    for h in ("CIMOperation", "Content-type"):
        check(header(mine, h) == header(theirs, h), f"{method}: {h}: {header(mine, h)!r} as pywbem sends it")
    ns_mine, ns_theirs = header(mine, "CIMObject"), header(theirs, "CIMObject")
    check(ns_mine.split(":")[0].rsplit("_", 1)[0] == ns_theirs.split(":")[0].rsplit("_", 1)[0], f"{method}: CIMObject {ns_mine!r} like {ns_theirs!r}")
    check(skeleton(mine["body"]) == skeleton(theirs["body"]), f"{method}: body {skeleton(mine['body'])} as pywbem's")
    if method == "AddDistributionPoints":
        call = ET.fromstring(mine["body"]).find("MESSAGE/SIMPLEREQ/METHODCALL")
        params = {p.get("NAME"): p for p in call.findall("PARAMVALUE")}
        check(set(params) == {"SiteCode", "NALPath"} and all(p.find("VALUE.ARRAY") is not None for p in params.values()),
              "AddDistributionPoints: SiteCode and NALPath as VALUE.ARRAYs, as in the capture")

admin = [r for r in recorded if r["path"].startswith("/AdminService")]
paths = [(r["method"], urllib.parse.unquote(r["path"])) for r in admin]
def seen(method, pattern, what):
    check(any(m == method and re.fullmatch(pattern, p) for m, p in paths), what)
seen("GET", r"/AdminService/wmi/\$metadata", "GET /AdminService/wmi/$metadata")
seen("GET", r"/AdminService/wmi/SMS_DriverPackage\('PKG00001'\)", "an instance by key: GET /wmi/SMS_DriverPackage('PKG00001')")
seen("GET", r"/AdminService/wmi/SMS_Package\?\$filter=.*", "a query: GET /wmi/SMS_Package?$filter=…")
seen("POST", r"/AdminService/wmi/SMS_DriverPackage\('PKG00001'\)/AdminService\.AddDistributionPoints",
     "an instance method: POST /wmi/SMS_DriverPackage('PKG00001')/AdminService.AddDistributionPoints")
seen("POST", r"/AdminService/wmi/SMS_CollectionRuleQuery\.ValidateQuery", "a static method: POST /wmi/SMS_CollectionRuleQuery.ValidateQuery")
seed = next((r for r in admin if r["path"].endswith("AddDistributionPoints")), None)
if seed:
    body = json.loads(seed["body"])
    check(header(seed, "Content-Type") == "application/json" and sorted(body) == ["NALPath", "SiteCode"]
          and body["SiteCode"] == ["S01"] and isinstance(body["NALPath"], list), f"the seed call's JSON body: {seed['body']}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
