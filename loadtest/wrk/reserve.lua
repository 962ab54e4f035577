-- POST /api/v1/stock/{id}/reservations {"quantity":1} as one customer.
-- env: TOKEN (bearer), PRODUCTS (comma-separated ids; one id = one hot product).
local token = os.getenv("TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("PRODUCTS") or "", "%d+") do ids[#ids + 1] = id end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = '{"quantity":1}'
request = function()
  return wrk.format(nil, "/api/v1/stock/" .. ids[math.random(#ids)] .. "/reservations")
end
local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function()
  -- per-thread tables are not merged by wrk; the script prints status counts from the service instead
end
