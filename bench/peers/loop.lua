-- loop.lua: the interpreter-loop peer. Runs the 10M-iteration integer loop RUNS times (default 5, or arg[1]),
-- timing each with os.clock (process CPU time), and prints one FORMAT.md record (per iteration) on stdout.
-- The loop is exactly: local i = 0; local s = 0; while i < 10000000 do s = s + i * 2 % 7; i = i + 1 end
local ITERATIONS = 10000000
local RUNS = tonumber(arg and arg[1]) or 5

local function loop()
  local i = 0; local s = 0; while i < 10000000 do s = s + i * 2 % 7; i = i + 1 end
  return s
end

local function peak_rss_kb()
  local f = io.open("/proc/self/status", "r")
  if not f then return 0 end
  local text = f:read("a")
  f:close()
  return tonumber(text:match("VmHWM:%s*(%d+)")) or 0
end

local samples = {}
local expected = nil
for r = 1, RUNS do
  local t0 = os.clock()
  local s = loop()
  local dt = os.clock() - t0
  expected = expected or s
  assert(s == expected)
  samples[r] = dt * 1e9 / ITERATIONS
end
table.sort(samples)
local n = #samples
local median = (n % 2 == 1) and samples[(n + 1) // 2] or (samples[n // 2] + samples[n // 2 + 1]) / 2
local p90 = samples[math.max(1, math.ceil(0.9 * n))]
io.write(string.format(
  '{"workload": "interp-loop", "n": 0, "impl": "lua5.4", "unit": "iteration", "median_ns": %.4f, ' ..
  '"p90_ns": %.4f, "ops": %d, "peak_rss_kb": %d, "iterations": %d, "total_median_ms": %.2f, ' ..
  '"note": "%s: while i < 10000000 do s = s + i * 2 %% 7; i = i + 1 end, %d runs timed with os.clock; ops = runs"}\n',
  median, p90, n, peak_rss_kb(), ITERATIONS, median * ITERATIONS / 1e6, _VERSION, n))
