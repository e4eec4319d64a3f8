-- wrk script: POST /api/v1/ops, one op per request, each with a new op_id: an edit of the
-- note of a worker's open visit, rotating over "TOKEN ASSIGNMENT_ID VISIT_ID CHECK_IN NOW"
-- lines of the file given after `--`. Counts answers whose op was not applied.
local targets = {}
local counter = 0
notApplied = 0 -- global: done() reads it with thread:get
local threads = {}

function setup(thread)
    threads[#threads + 1] = thread
end

function init(args)
    for line in io.lines(args[1]) do
        local token, id, visit, checkIn, now = line:match("^(%S+)%s+(%S+)%s+(%S+)%s+(%S+)%s+(%S+)$")
        targets[#targets + 1] = {token = token, id = id, visit = visit, checkIn = checkIn, now = now}
    end
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
    counter = math.random(#targets)
end

local function uuid()
    return string.format("%04x%04x-%04x-4%03x-%04x-%04x%04x%04x", math.random(0, 0xffff),
        math.random(0, 0xffff), math.random(0, 0xffff), math.random(0, 0xfff),
        0x8000 + math.random(0, 0x3fff), math.random(0, 0xffff), math.random(0, 0xffff),
        math.random(0, 0xffff))
end

function request()
    counter = counter + 1
    local t = targets[counter % #targets + 1]
    local body = string.format('{"ops":[{"op_id":"%s","type":"time_log.upsert",' ..
        '"assignment_id":%s,"created_at":"%s","payload":{"id":"%s","check_in":"%s",' ..
        '"note":"edit %d"}}]}', uuid(), t.id, t.now, t.visit, t.checkIn, counter)
    return wrk.format("POST", "/api/v1/ops", {["Authorization"] = "Bearer " .. t.token,
        ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
    if status ~= 200 or not body:find('"status":"applied"', 1, true) then
        notApplied = notApplied + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("notApplied")
    end
    io.write(string.format("Not applied: %d\n", total))
end
