-- wrk next to Gatling (docs/performance.md): GET /api/v1/demands/{id} over the demand ids in the
-- file $IDS (one a line), round robin, with the bearer token in $TOKEN.
--   wrk -t2 -c8 -d30s --latency -s deploy/load-test/wrk-get.lua http://127.0.0.1:8081
local ids = {}
for line in io.lines(os.getenv("IDS")) do
  ids[#ids + 1] = line
end
local i = 0
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") }
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/demands/" .. ids[i], headers)
end
