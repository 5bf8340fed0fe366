-- wrk script: each connection alternates between opening an incident and dispatching a
-- unit to the incident it opened last, as a dispatcher does: POST /api/v1/incidents, then
-- POST /api/v1/incidents/{id}/orders. Non-2xx answers are counted and reported.
-- The bearer token comes from the environment (SHOUWANG_TOKEN).

local token = os.getenv("SHOUWANG_TOKEN")
local thread_counter = 0
local threads = {}

function setup(thread)
  thread_counter = thread_counter + 1
  thread:set("tid", thread_counter)
  table.insert(threads, thread)
end

function init(args)
  last_incident = nil
  errors = 0
  created = 0
  dispatched = 0
  sequence = 0
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  sequence = sequence + 1
  if last_incident ~= nil then
    local path = "/api/v1/incidents/" .. last_incident .. "/orders"
    last_incident = nil
    local unit = string.format("U%d-%d", tid, sequence)
    return wrk.format("POST", path, nil, '{"target":{"kind":"unit","id":"' .. unit .. '"},"instructions":"bench"}')
  end
  return wrk.format("POST", "/api/v1/incidents", nil,
                    '{"summary":"bench incident","type_code":"0201","priority":2}')
end

function response(status, headers, body)
  if status == 201 then
    local id = string.match(body, '"incident":{.-"id":"([^"]+)"')
    if string.find(body, '"orders"', 1, true) then
      dispatched = dispatched + 1
    else
      created = created + 1
      last_incident = id
    end
  else
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local e, c, d = 0, 0, 0
  for _, t in ipairs(threads) do
    e = e + t:get("errors")
    c = c + t:get("created")
    d = d + t:get("dispatched")
  end
  io.write(string.format("created %d, dispatched %d, non-2xx %d, socket errors %d\n", c, d, e,
                         summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000.0))
  end
end
