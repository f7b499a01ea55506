-- wrk script: GET the URL's path with "Authorization: Bearer <token>", taking the tokens in
-- turn from a file (one a line); each of the wrk threads (their number is the second
-- argument) starts at its own place in the file. With "none" instead of a file it sends the
-- same request without a token. Every scenario goes through this script, so wrk spends the
-- same work per request on each of them.
--
--   wrk -t 2 -s bearer.lua http://127.0.0.1:8080/protected -- tokens.txt 2
--
-- At the end it prints one line for run.sh:
--   RESULT requests=<n> seconds=<s> rps=<r> p50_ms=<ms> p99_ms=<ms> failed=<non-2xx/3xx> errors=<socket errors>

local created = 0

function setup(thread)
  created = created + 1
  thread:set("number", created)
end

local requests = {}
local position = 0

function init(args)
  local file = args[1]
  if file == nil or file == "none" then
    requests[1] = wrk.format("GET", wrk.path)
  else
    for line in io.lines(file) do
      if #line > 0 then
        requests[#requests + 1] = wrk.format("GET", wrk.path, { ["Authorization"] = "Bearer " .. line })
      end
    end
  end
  local threads = tonumber(args[2] or "1")
  position = math.floor((number - 1) * #requests / threads)
end

function request()
  position = position + 1
  if position > #requests then
    position = 1
  end
  return requests[position]
end

function done(summary, latency)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f failed=%d errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
