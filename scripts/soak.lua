-- wrk script for scripts/soak.sh: rotates over API endpoints and dashboard pages; the paths
-- with a varying `limit` or `offset` miss the server's answer cache. Counts answers by status
-- and prints "soak non2xx N", "soak 5xx N" and "soak status CODE N" lines at the end.
local paths = {
  "/api/v1/trade?from=2024-01&to=2025-12",
  "/api/v1/trade/summary",
  "/api/v1/partners?period=2025-06",
  "/api/v1/series",
  "/api/v1/sources",
  "/api/v1/reliance",
  "/api/v1/policy/events",
  "/api/v1/prices",
  "/api/v1/simulations",
  "/health",
  "/",
  "/trade",
}
local varying = {
  "/api/v1/trade?from=2020-01&to=2025-12&limit=%d",
  "/api/v1/series?limit=%d",
  "/api/v1/sources?offset=%d",
}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  n = 0
  counts = {}
end

function request()
  n = n + 1
  local path
  if n % 3 == 0 then
    path = string.format(varying[(n / 3) % #varying + 1], (n % 997) + 1)
  else
    path = paths[n % #paths + 1]
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for status, k in pairs(c) do total[status] = (total[status] or 0) + k end
  end
  local non2, five = 0, 0
  for status, k in pairs(total) do
    if status < 200 or status >= 300 then non2 = non2 + k end
    if status >= 500 then five = five + k end
    io.write(string.format("soak status %d %d\n", status, k))
  end
  io.write(string.format("soak non2xx %d\nsoak 5xx %d\n", non2, five))
end
