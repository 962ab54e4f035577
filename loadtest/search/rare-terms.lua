-- wrk script: every request searches a different rare model code of the generated catalog
-- (loadtest/search/generate-catalog.sql), so no answer comes from the cache.
-- wrk -t2 -c50 -d30s -s loadtest/search/rare-terms.lua http://127.0.0.1:8095
local counter = 0
local id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 0
end

function request()
  counter = counter + 1
  local g = (counter * 2 + id) % 99000 + 1
  local code = string.format("q%06x", (g * 2654435761) % 16777216)
  return wrk.format("GET", "/api/v1/search?q=" .. code)
end
