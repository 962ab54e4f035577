-- wrk script for the catalog of loadtest/generate-data.sh (product i is named "... <letter><digit>-<i, 7 digits>",
-- e.g. "... B7-0054321"): every request asks for a different product (a bijection of the request counter onto
-- 1..PRODUCTS), so within one run no answer comes from the search cache. FORM chooses the request:
--   digits  GET  /api/v1/search?q=0054321          the model number: tsquery prefix OR substring (default)
--   code    GET  /api/v1/search?q=B7-0054321       the full model code: symbols, so substring (LIKE) only
--   range   GET  /api/v1/search?q=이어폰&minPrice=A&maxPrice=A+100000   a common term (1 product in 40),
--               a different price range per request, so every page is a cache miss
--   price   POST /api/v1/price/search {"query":"0054321"}   price search, fast path (price cache misses)
-- OFFSET (default 0) shifts the sequence, so that runs do not repeat each other's requests.
--   PRODUCTS=1000000 FORM=digits wrk -t2 -c50 -d10s --latency -s loadtest/search/model-codes.lua http://127.0.0.1:18095
local threads = {}

function setup(thread)
  -- a global of the thread's state (a local here would shadow it: every thread would send the same sequence)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local counter = tonumber(os.getenv("OFFSET") or "0")
local n = tonumber(os.getenv("PRODUCTS") or "1000000")
local form = os.getenv("FORM") or "digits"
local korean = "%EC%9D%B4%EC%96%B4%ED%8F%B0" -- 이어폰

function request()
  counter = counter + 1
  local g = counter * 2 + thread_id
  -- 2654435761 is odd and not a multiple of 5, so i runs over 1..n without repeats for n = 10^k
  local i = (g * 2654435761) % n + 1
  local digits = string.format("%07d", i)
  if form == "code" then
    local c = 1 + i % 10
    return wrk.format("GET", "/api/v1/search?q=" .. string.char(64 + c) .. (1 + i % 9) .. "-" .. digits)
  elseif form == "range" then
    local low = 39000 + g % 190000
    return wrk.format("GET", "/api/v1/search?q=" .. korean .. "&minPrice=" .. low .. "&maxPrice=" .. (low + 100000))
  elseif form == "price" then
    return wrk.format("POST", "/api/v1/price/search", { ["Content-Type"] = "application/json" },
      '{"query":"' .. digits .. '"}')
  end
  return wrk.format("GET", "/api/v1/search?q=" .. digits)
end
