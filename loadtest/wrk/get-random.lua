-- GET PATH_PREFIX .. <random id from IDS> .. PATH_SUFFIX, e.g. /api/v1/stock/<id> or /api/v1/products?page=<n>&size=20
local ids = {}
for id in string.gmatch(os.getenv("IDS") or "", "%d+") do ids[#ids + 1] = id end
local prefix = os.getenv("PATH_PREFIX")
local suffix = os.getenv("PATH_SUFFIX") or ""
request = function()
  return wrk.format("GET", prefix .. ids[math.random(#ids)] .. suffix)
end
