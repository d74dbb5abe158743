-- Replays one request signed once, for wrk: SharedKey signatures carry no nonce and stay valid for
-- the 15-minute clock-skew window, so signing per request would only measure the signer.
--
-- Usage: WRK_LABEL=http.ours.fch.c16 wrk ... -s bench/replay.lua URL -- REQUEST_FILE
-- REQUEST_FILE: line 1 the method, line 2 the path and query, then one "Name: value" header a line
-- (written by io.handlestck.bench.ReplayRequests). done() prints the figures as LABEL.key=value
-- lines; the label comes from the environment because done() runs in a Lua state that never sees
-- the script arguments.

local function load(path)
  local file = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  local method = file:read("*l")
  local target = file:read("*l")
  local headers = {}
  for line in file:lines() do
    local name, value = line:match("^([^:]+):%s?(.*)$")
    if name then headers[name] = value end
  end
  file:close()
  return method, target, headers
end

function init(args)
  local method, target, headers = load(args[1])
  prepared = wrk.format(method, target, headers, nil)
end

function request()
  return prepared
end

function done(summary, latency, requests)
  local label = os.getenv("WRK_LABEL") or "wrk"
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("%s.requests=%d\n", label, summary.requests))
  io.write(string.format("%s.rps=%.1f\n", label, summary.requests / seconds))
  io.write(string.format("%s.p50_ms=%.3f\n", label, latency:percentile(50) / 1000))
  io.write(string.format("%s.p99_ms=%.3f\n", label, latency:percentile(99) / 1000))
  -- A rejected signature would be measured as a fast 403: the report refuses figures with errors.
  io.write(string.format("%s.errors=%d\n", label,
      errors.status + errors.connect + errors.read + errors.write + errors.timeout))
end
