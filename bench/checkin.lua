-- W1 check-in storm: the wrk script. Every request checks a new (session, person) pair in, so every
-- request is a real INSERT. Connections are kept alive (wrk's default).
--
-- Environment (bench/run sets it):
--   W1_DATA     a phase file written by `Wijkbasis.Bench prepare` (sessions, people, cookie, token)
--   W1_THREADS  the -t given to wrk: thread i of n takes pairs i, i+n, i+2n, ...
--   W1_RESULT   where done() writes the figures as key=value lines
--
-- Pair k is (sessions[k / #people], people[k % #people]). When a phase runs out of pairs the
-- index wraps around: the repeats answer 409 and show up as non-2xx/3xx, so the run is invalid
-- rather than quietly measuring something else.

local data = dofile(os.getenv("W1_DATA") or error("W1_DATA is not set"))
local threads = tonumber(os.getenv("W1_THREADS") or "1")

local function split(list)
  local items = {}
  for item in string.gmatch(list, "[^,]+") do
    items[#items + 1] = item
  end
  return items
end

local sessions = split(data.sessions)
local people = split(data.people)
local capacity = #sessions * #people

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- The app and the same-work baseline take the same request (the app's address, login cookie and token).
local as_app = data.kind ~= "baseline"
if as_app then
  wrk.headers["Cookie"] = data.cookie
  -- What the page's script (src/Wijkbasis/wwwroot/js/logbook.js) sends with a live check-in, the check-in at a busy
  -- door; the same-work baseline ignores these headers.
  wrk.headers["X-Logbook-Live"] = "1"
  wrk.headers["Accept"] = "application/json, text/html"
end

-- Runs in the main Lua state, once per thread, before the threads start.
local created = 0
function setup(thread)
  thread:set("thread_index", created)
  created = created + 1
end

local next_pair
local token_field = "&__RequestVerificationToken=" .. data.token
local app_prefix = "/" .. data.slug .. "/sessies/"

function init(args)
  next_pair = thread_index -- set by setup()
end

function request()
  local k = next_pair % capacity
  next_pair = next_pair + threads
  local session = sessions[math.floor(k / #people) + 1]
  local person = people[k % #people + 1]
  if as_app then
    return wrk.format(nil, app_prefix .. session .. "?handler=CheckIn", nil, "PersonId=" .. person .. token_field)
  end
  return wrk.format(nil, "/checkin", nil, "SessionId=" .. session .. "&PersonId=" .. person)
end

-- Runs in the main Lua state after the run: the figures bench/run turns into the table.
function done(summary, latency, requests)
  local path = os.getenv("W1_RESULT")
  if not path then
    return
  end
  local out = assert(io.open(path, "w"))
  local e = summary.errors
  out:write(string.format("requests=%d\n", summary.requests))
  out:write(string.format("duration_us=%d\n", summary.duration))
  out:write(string.format("non_success=%d\n", e.status))
  out:write(string.format("connect_errors=%d\nread_errors=%d\nwrite_errors=%d\ntimeouts=%d\n", e.connect, e.read, e.write, e.timeout))
  out:write(string.format("p50_us=%d\np90_us=%d\np99_us=%d\n", latency:percentile(50), latency:percentile(90), latency:percentile(99)))
  out:write(string.format("mean_us=%.1f\nmax_us=%d\n", latency.mean, latency.max))
  out:write(string.format("pairs=%d\n", capacity))
  out:close()
end
