-- wrk script of `make bench`: one kind of POST, every response checked.
--
--   wrk -s bench/post.lua URL -- EXPECTED_STATUS CONTENT_TYPE BODY
--
-- Every response must have EXPECTED_STATUS and a body that starts with
-- {"success": ; anything else is counted as a mismatch.  done() prints one
-- line that bench/run parses:
--
--   RESULT requests=N duration_us=N ok=N mismatch=N socket_errors=N first_bad=...

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

-- globals, so that done() can read them with thread:get()
expected, ok, bad, first_bad = nil, 0, 0, ""

function init(args)
    expected = tonumber(args[1])
    wrk.method = "POST"
    wrk.headers["Content-Type"] = args[2]
    wrk.body = args[3]
    ok = 0
    bad = 0
    first_bad = ""
end

function response(status, headers, body)
    if status == expected and string.sub(body, 1, 11) == '{"success":' then
        ok = ok + 1
    else
        bad = bad + 1
        if first_bad == "" then
            first_bad = status .. ":" .. string.gsub(string.sub(body, 1, 60), "%s", "_")
        end
    end
end

function done(summary, latency, requests)
    local tok, tbad, first = 0, 0, ""
    for _, t in ipairs(threads) do
        tok = tok + t:get("ok")
        tbad = tbad + t:get("bad")
        if first == "" then first = t:get("first_bad") end
    end
    local e = summary.errors
    io.write(string.format(
        "RESULT requests=%d duration_us=%d ok=%d mismatch=%d socket_errors=%d first_bad=%s\n",
        summary.requests, summary.duration, tok, tbad,
        e.connect + e.read + e.write + e.timeout, first == "" and "-" or first))
end
