-- Single-customer POST /api/v1/classify requests for wrk (Debian package "wrk"), one body per request taken in
-- turn from a file written by `bench --requests-out FILE` (one JSON body a line). Each connection waits
-- WRK_PAUSE_MS milliseconds between its requests, which paces the rate: about
-- connections × 1000 / (WRK_PAUSE_MS + latency) requests a second. See docs/performance.md.
--
--   java -jar service/target/jipan.jar bench --data realistic --customers 2000 --requests-out /tmp/bodies.jsonl
--   WRK_BODIES=/tmp/bodies.jsonl WRK_PAUSE_MS=14 wrk -t1 -c8 -d30s --latency -s docs/bench/wrk-classify.lua http://localhost:8080
--
-- Environment: WRK_BODIES (the file), WRK_PAUSE_MS (default 0: as fast as the server answers), WRK_API_KEY
-- (default demo-integration, the demo configuration's integration key).
local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES") or "bodies.jsonl") do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "0")
local next = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("WRK_API_KEY") or "demo-integration"

request = function()
  next = next % #bodies + 1
  return wrk.format(nil, "/api/v1/classify", nil, bodies[next])
end

delay = function()
  return pause
end

-- a request that was not answered 200 is counted by wrk as "Non-2xx or 3xx responses"
