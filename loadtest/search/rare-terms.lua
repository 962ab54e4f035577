-- wrk script: every request searches a different rare model code of the generated catalog
-- (loadtest/search/generate-catalog.sql), so no answer comes from the cache.
-- wrk -t2 -c50 -d30s -s loadtest/search/rare-terms.lua http://127.0.0.1:8095
local counter = 0
local threads = {}

function setup(thread)
  -- a global of the thread's state; a "local id" here would shadow it, and both threads would then send
  -- the same sequence (each code twice, the second often from the cache): so it was until 2026-11-30
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
