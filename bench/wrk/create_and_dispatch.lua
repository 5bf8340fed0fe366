-- wrk script: the dispatcher's path for a new incident, as requests on the command API:
-- POST /api/v1/incidents (opened, 受理中), POST /api/v1/incidents/{id}/accept, then
-- POST /api/v1/incidents/{id}/orders (a unit sent). wrk shares one Lua state between a
-- thread's connections, so incidents wait in a queue for their next step. Non-2xx
-- answers are counted and the first one is printed.
--
-- Environment: SHOUWANG_TOKEN (a bearer token, required); RATE and THREADS (optional: each
-- wrk thread then hands out send slots RATE/THREADS per second apart to its connections,
-- so the run offers about RATE requests/s instead of as many as the server takes, as long
-- as enough connections are free to take the slots).

local token = os.getenv("SHOUWANG_TOKEN")
local rate = tonumber(os.getenv("RATE") or "")
local wrk_threads = tonumber(os.getenv("THREADS") or "1")
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec* t);
]]
local function now_ms()
  local t = ffi.new("bench_timespec")
  ffi.C.clock_gettime(1, t)  -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) * 1000 + tonumber(t.tv_nsec) / 1e6
end
local thread_counter = 0
local threads = {}

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("tid", thread_counter)
  table.insert(threads, thread)
end

function init(args)
  to_accept = {}    -- incidents opened, oldest first
  to_dispatch = {}  -- incidents accepted, oldest first
  errors = 0
  created = 0
  accepted = 0
  dispatched = 0
  sequence = 0
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

if rate and rate > 0 then
  local interval_ms = 1000 * wrk_threads / rate
  local last_slot = nil
  -- The next free slot of this thread, for the connection that asks.
  function delay()
    local now = now_ms()
    if last_slot == nil or last_slot < now - interval_ms then last_slot = now end
    last_slot = last_slot + interval_ms
    return math.max(0, math.floor(last_slot - now + 0.5))
  end
end

function request()
  sequence = sequence + 1
  if #to_dispatch > 0 then
    local path = "/api/v1/incidents/" .. table.remove(to_dispatch, 1) .. "/orders"
    local unit = string.format("U%d-%d", tid, sequence)
    return wrk.format("POST", path, nil, '{"target":{"kind":"unit","id":"' .. unit .. '"},"instructions":"bench"}')
  end
  if #to_accept > 0 then
    return wrk.format("POST", "/api/v1/incidents/" .. table.remove(to_accept, 1) .. "/accept", nil, "{}")
  end
  return wrk.format("POST", "/api/v1/incidents", nil, '{"summary":"bench incident","type_code":"0201","priority":2}')
end

function response(status, headers, body)
  if status ~= 200 and status ~= 201 then
    if errors == 0 then io.stderr:write("first refused answer: ", status, " ", body, "\n") end
    errors = errors + 1
    return
  end
  -- The incident's own status is the member just before its summary.
  local id = string.match(body, '"incident":{.-"id":"([^"]+)"')
  local state = string.match(body, '"status":"(%a+)","summary"')
  if state == "accepting" then
    created = created + 1
    table.insert(to_accept, id)
  elseif state == "accepted" then
    accepted = accepted + 1
    table.insert(to_dispatch, id)
  else
    dispatched = dispatched + 1
  end
end

function done(summary, latency, requests)
  local e, c, a, d = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    e = e + t:get("errors")
    c = c + t:get("created")
    a = a + t:get("accepted")
    d = d + t:get("dispatched")
  end
  io.write(string.format("created %d, accepted %d, dispatched %d, non-2xx %d, socket errors %d\n", c, a, d, e,
                         summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000.0))
  end
end
