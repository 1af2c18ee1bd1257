-- One kind of request for wrk, from the environment, and one FORMAT.md record at the end:
--   WRK_METHOD (GET), WRK_BODY_FILE (a request body), WRK_HEADERS ("Name: value" lines), WRK_WORKLOAD, WRK_NOTE.
-- Every request is the same, over keep-alive connections; the record holds the count, the rate, the
-- latency percentiles and how many answers were not 2xx/3xx (a benchmark of errors is not one).
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body_file = os.getenv("WRK_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
end
for line in (os.getenv("WRK_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end

local function quote(s) return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"' end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"workload": %s, "n": 0, "impl": "cmsh", "unit": "op", "median_ns": %.0f, "p90_ns": %.0f, "p99_ns": %.0f, ' ..
    '"ops": %d, "req_per_s": %.1f, "errors": %d, "connections": %s, "note": %s}\n',
    quote(os.getenv("WRK_WORKLOAD") or "serve"), latency:percentile(50) * 1000, latency:percentile(90) * 1000,
    latency:percentile(99) * 1000, summary.requests, summary.requests / seconds, failed,
    os.getenv("WRK_CONNECTIONS") or "0", quote(os.getenv("WRK_NOTE") or "")))
end
