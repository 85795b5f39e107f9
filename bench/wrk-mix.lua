-- wrk script: each request searches the next query of a bench/querymix.py file, through
-- /api/search as the embedded box asks (count=1000, the fields it shows) or, with WRK_FULL=1, as
-- the full API (exact total and facets). One list per wrk thread, each starting at its own offset.
--   wrk -t2 -c32 -d15s -s bench/wrk-mix.lua http://127.0.0.1:PORT -- MIX.tsv
local queries = {}
local counter = 0
local thread_id = 0
local full = os.getenv("WRK_FULL") == "1"

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local first = true
  for line in io.lines(args[1]) do
    if first then
      first = false -- the header
    else
      local kind, query, sort = line:match("^([^\t]*)\t([^\t]*)\t?(.*)$")
      local path = "/api/search?q=" .. encode(query)
      if sort ~= nil and sort ~= "" then path = path .. "&sort=" .. encode(sort) end
      if not full then
        path = path .. "&size=8&count=1000&fields=url,title,path,date,snippetText,snippetMatches,sections"
      end
      queries[#queries + 1] = path
    end
  end
  counter = thread_id * 997
end

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("requests/s %.0f, p50 %.1f ms, p99 %.1f ms, errors %d (non-2xx %d, timeouts %d)\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status,
    summary.errors.status, summary.errors.timeout))
end
