-- wrk script: GET requests rotating over "PATH TOKEN" lines of the file given after `--`,
-- each thread starting at a random line (the workers of bench_server).
local requests = {}
local n = 0

function init(args)
    for line in io.lines(args[1]) do
        local path, token = line:match("^(%S+)%s+(%S+)$")
        requests[#requests + 1] = wrk.format("GET", path, {["Authorization"] = "Bearer " .. token})
    end
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
    n = math.random(#requests)
end

function request()
    n = n % #requests + 1
    return requests[n]
end
