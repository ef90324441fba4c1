-- wrk script: POSTs the spec's full create request (the JSON file given as the first argument)
-- with a bearer token (second argument) and counts every answer that is not 200, so a run with
-- errors is flagged instead of counted as throughput. done() prints one machine-readable line,
-- read by the benchmark harness (Wrk.java):
--   WRK_RESULT requests=N duration_us=N non_200=N connect=N read=N write=N timeout=N p50_us=N ...
--
--   wrk -t1 -c32 -d10s -s benchmarks/src/main/wrk/create.lua http://127.0.0.1:8080 \
--       -- benchmarks/src/main/resources/bench/full-request.json bench-token

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  if #args < 2 then
    error("usage: wrk ... -s create.lua URL -- BODY_FILE BEARER_TOKEN")
  end
  local file = assert(io.open(args[1], "rb"))
  local body = file:read("*a"):gsub("%s+$", "")
  file:close()
  wrk.method = "POST"
  wrk.path = "/api/v2/user/accesstoken"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. args[2]
  non_200 = 0
  first_other_status = 0
end

function response(status, headers, body)
  if status ~= 200 then
    non_200 = non_200 + 1
    if first_other_status == 0 then
      first_other_status = status
    end
  end
end

function done(summary, latency, requests)
  local non200, first_other = 0, 0
  for _, thread in ipairs(threads) do
    non200 = non200 + thread:get("non_200")
    local s = thread:get("first_other_status")
    if first_other == 0 and s ~= 0 then
      first_other = s
    end
  end
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d non_200=%d first_other_status=%d connect=%d read=%d"
      .. " write=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.1f\n",
    summary.requests, summary.duration, non200, first_other, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    latency.mean))
end
