-- GET a random path from PATHS_FILE (one path per line, e.g. /api/v1/products?size=20&after=<cursor>).
local paths = {}
local file = assert(io.open(os.getenv("PATHS_FILE"), "r"))
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
