-- wrk script of `make soak`: a mix of accepted and rejected requests, each
-- response checked against what its request should get.
--
--   wrk -tN -cN -s bench/soak.lua http://127.0.0.1:8080
--
-- Run it with as many threads as connections (-tN -cN): a thread then has
-- one connection, on which wrk sends a request only after the previous
-- response, so `pending` below is always the kind of the request that the
-- response answers.  (If a connection breaks before its response, wrk
-- counts a socket error and sends a new request, which replaces `pending`.)
--
-- A response is right when its status is the kind's and its body starts
-- with {"success": ({"success":true for an accepted request).  done()
-- prints one line that bench/soak parses:
--
--   SOAK requests=N ok=N mismatch=N socket_errors=N kinds=valid:N,... first_bad=...

local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

-- strong keys of the forms the contract accepts (openssl rand -hex 16,
-- -base64 24, -base64 18), fixed so that a run never depends on the
-- estimator's rare false rejections of random keys
local strong = {
    "3f9a1c0e7b2d4f68a5c9e01b7d3f2a64",
    "c41e8f0a92d37b5e6f18a0c4d2b97e35",
    "Xq3vR8mZ1tKp7wLs0bYc5nHd2gFj9eUa",
    "T7kQ2xWm9pLr4vZs8nBf1hJd",
}

-- kind = { method, content type, body builder, status, body prefix }
local kinds = {
    valid = { "POST", "application/json", function(n)
        return '{"name":"soak key ' .. n .. '","hmacKey":"' .. strong[n % #strong + 1]
            .. '","isDevelopmentKey":' .. (n % 2 == 0 and "false" or "true") .. '}'
    end, 200, '{"success":true' },
    weak = { "POST", "application/json", function(n)
        return '{"name":"soak weak ' .. n .. '","hmacKey":"password' .. (n % 10)
            .. '","isDevelopmentKey":false}'
    end, 400, '{"success":' },
    media = { "POST", "text/plain", function(n)
        return '{"name":"soak","hmacKey":"' .. strong[1] .. '","isDevelopmentKey":false}'
    end, 415, '{"success":' },
    method = { "GET", nil, nil, 405, '{"success":' },
    json = { "POST", "application/json", function(n)
        return '{"name":"soak ' .. n .. '","hmacKey":'
    end, 400, '{"success":' },
}

-- half accepted, the rest rejected for four different reasons
local order = { "valid", "weak", "valid", "media", "valid", "method", "valid", "json" }

-- globals, so that done() can read them with thread:get()
n, pending, ok, bad, first_bad = 0, nil, 0, 0, ""
sent = { valid = 0, weak = 0, media = 0, method = 0, json = 0 }

function init(args)
    n = (id or 1) * 7
end

function request()
    n = n + 1
    local name = order[n % #order + 1]
    local k = kinds[name]
    pending = name
    sent[name] = sent[name] + 1
    local path = "/v1/api/" .. (n % 997 + 1) .. "/hmackeys"
    if k[1] == "GET" then
        return wrk.format("GET", path, {})
    end
    return wrk.format("POST", path, { ["Content-Type"] = k[2] }, k[3](n))
end

function response(status, headers, body)
    local k = kinds[pending]
    if k and status == k[4] and string.sub(body, 1, #k[5]) == k[5] then
        ok = ok + 1
    else
        bad = bad + 1
        if first_bad == "" then
            first_bad = tostring(pending) .. ":" .. status .. ":"
                .. string.gsub(string.sub(body, 1, 80), "%s", "_")
        end
    end
    pending = nil
end

function done(summary, latency, requests)
    local tok, tbad, first = 0, 0, ""
    local total = { valid = 0, weak = 0, media = 0, method = 0, json = 0 }
    for _, t in ipairs(threads) do
        tok = tok + t:get("ok")
        tbad = tbad + t:get("bad")
        if first == "" then first = t:get("first_bad") end
        local s = t:get("sent")
        for k, v in pairs(s) do total[k] = total[k] + v end
    end
    local e = summary.errors
    io.write(string.format(
        "SOAK requests=%d duration_us=%d ok=%d mismatch=%d socket_errors=%d "
        .. "kinds=valid:%d,weak:%d,media:%d,method:%d,json:%d first_bad=%s\n",
        summary.requests, summary.duration, tok, tbad,
        e.connect + e.read + e.write + e.timeout,
        total.valid, total.weak, total.media, total.method, total.json,
        first == "" and "-" or first))
end
