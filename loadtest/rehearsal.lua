-- Blue-green rehearsal load (loadtest/rehearsal.sh): browse and reserve through nginx.
-- env: TOKEN (customer bearer token), PRODUCTS (comma-separated product ids), RESERVE_PERCENT (default 20).
-- Prints one machine-readable line at the end: requests, failures by kind, latency percentiles.
local token = os.getenv("TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("PRODUCTS") or "", "%d+") do ids[#ids + 1] = id end
local reserve_percent = tonumber(os.getenv("RESERVE_PERCENT") or "20")
local reserve_headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. (token or "") }

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

-- per-thread counters (globals, so done() can read them with thread:get)
ok = 0
out_of_stock = 0
failed = 0
failed_codes = ""
sample_409 = ""

function request()
  local id = ids[math.random(#ids)]
  local roll = math.random(100)
  if roll <= reserve_percent then
    return wrk.format("POST", "/api/v1/stock/" .. id .. "/reservations", reserve_headers, '{"quantity":1}')
  elseif roll <= reserve_percent + 30 then
    return wrk.format("GET", "/api/v1/stock/" .. id)
  elseif roll <= reserve_percent + 45 then
    return wrk.format("GET", "/api/v1/products/" .. id)
  else
    return wrk.format("GET", "/api/v1/products?page=" .. math.random(0, 49) .. "&size=20")
  end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  elseif status == 409 then
    -- insufficient_stock is a correct business answer, not a failure
    out_of_stock = out_of_stock + 1
    if sample_409 == "" and body then sample_409 = string.gsub(string.sub(body, 1, 160), "%s", "_") end
  else
    failed = failed + 1
    if #failed_codes < 200 then failed_codes = failed_codes .. status .. " " end
  end
end

function done(summary, latency, requests)
  local ok_total, oos_total, failed_total, codes, sample = 0, 0, 0, "", ""
  for _, t in ipairs(threads) do
    ok_total = ok_total + t:get("ok")
    oos_total = oos_total + t:get("out_of_stock")
    failed_total = failed_total + t:get("failed")
    codes = codes .. t:get("failed_codes")
    if sample == "" then sample = t:get("sample_409") end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d ok=%d out_of_stock=%d http_failures=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d " ..
    "duration_s=%.1f rps=%.0f p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f failed_codes=[%s] sample_409=%s\n",
    summary.requests, ok_total, oos_total, failed_total, e.connect + e.read + e.write + e.timeout,
    e.connect, e.read, e.write, e.timeout, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, codes, sample))
end
