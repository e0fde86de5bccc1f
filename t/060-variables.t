# The module's variables (README "Variables"), in add_header and in the access
# log: never the API key nor the hmacKey.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;

our $HttpConfig = <<'_EOC_';
    log_format ei 'EI project=[$ei_hmac_project_id] name=[$ei_hmac_key_name] '
                  'fp=[$ei_hmac_key_fingerprint] outcome=[$ei_hmac_outcome] '
                  'error=[$ei_hmac_error]';
_EOC_

our $Config = EiHmac::location(<<'_EOC_');
        access_log logs/error.log ei;
        add_header X-Outcome "$ei_hmac_outcome" always;
        add_header X-Project "$ei_hmac_project_id" always;
_EOC_

sub req { "POST /v1/api/$_[0]/hmackeys\n" . EiHmac::body($_[1], $_[2]) }

add_block_preprocessor(sub {
    my $block = shift;

    $block->set_value("http_config", $HttpConfig)
        unless defined $block->http_config;
    EiHmac::defaults($block, config => $Config);
});

run_tests();

__DATA__

=== TEST 1: a forwarded request: project, name, fingerprint and outcome
--- request eval
main::req(42, 'build server', $main::K)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/42/hmackeys', EiHmac::body('build server', $main::K))
--- error_code: 200
--- response_headers
X-Outcome: forwarded
X-Project: 42
--- response_body chomp
{"success":true,"id":7}
--- error_log
EI project=[42] name=[build server] fp=[sha256:e37a8b494161eec3] outcome=[forwarded] error=[-]
--- no_error_log
3f9a1c0e7b2d4f68a5c9e01b7d3f2a64
[alert]



=== TEST 2: a weak key: outcome and error, no fingerprint, no key
--- request eval
main::req(42, 'laptop', 'please-set-me')
--- error_code: 400
--- response_headers
X-Outcome: rejected_weak_key
X-Project: 42
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 52 bits, at least 128 required"}
--- error_log
EI project=[42] name=[laptop] fp=[-] outcome=[rejected_weak_key] error=[hmacKey is too weak: about 52 bits, at least 128 required]
--- no_error_log
please-set-me
[alert]



=== TEST 3: a bad target: no project id
--- request eval
"POST /v1/api/x/hmackeys\n" . EiHmac::body('a', $main::K)
--- error_code: 400
--- response_headers
X-Outcome: rejected_project_id
X-Project:
--- error_log
EI project=[-] name=[-] fp=[-] outcome=[rejected_project_id] error=[projectId must be an integer from 1 to 9007199254740991]
--- response_body chomp
{"success":false,"error":"projectId must be an integer from 1 to 9007199254740991"}



=== TEST 4: a schema error: outcome rejected_schema
--- request
POST /v1/api/5/hmackeys
{"name":"ci"}
--- error_code: 400
--- response_headers
X-Outcome: rejected_schema
X-Project: 5
--- response_body chomp
{"success":false,"error":"hmacKey is required; isDevelopmentKey is required"}
--- error_log
EI project=[5] name=[ci] fp=[-] outcome=[rejected_schema] error=[hmacKey is required; isDevelopmentKey is required]



=== TEST 5: a chunked body over the limit: outcome rejected_too_large
--- config eval
EiHmac::location(<<'_EOC_');
        ei_hmac_max_body_size 100;
        access_log logs/error.log ei;
        add_header X-Outcome "$ei_hmac_outcome" always;
_EOC_
--- raw_request eval
"POST /v1/api/6/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. "c8\r\n" . ('x' x 200) . "\r\n0\r\n\r\n"
--- error_code: 413
--- response_headers
X-Outcome: rejected_too_large
Content-Type: application/json
--- response_body chomp
{"success":false,"error":"request body is too large: at most 100 bytes"}
--- error_log
EI project=[6] name=[-] fp=[-] outcome=[rejected_too_large] error=[request body is too large: at most 100 bytes]



=== TEST 6: the variables are empty outside an ei_hmac location
--- config
    location /plain {
        access_log logs/error.log ei;
        return 204;
    }
--- request
GET /plain
--- response_headers
--- error_code: 204
--- response_body
--- error_log
EI project=[-] name=[-] fp=[-] outcome=[-] error=[-]



=== TEST 7: an upstream 401 rewritten to 502: $ei_hmac_error holds the text sent
--- tcp_reply eval
"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\n"
. "WWW-Authenticate: ApiKey\r\nContent-Length: 43\r\nConnection: close\r\n\r\n"
. '{"success":false,"error":"Invalid API key"}'
--- request eval
main::req(42, 'ci', $main::K)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/42/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 502
--- response_headers
X-Outcome: forwarded
Content-Type: application/json
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}
--- error_log
EI project=[42] name=[ci] fp=[sha256:e37a8b494161eec3] outcome=[forwarded] error=[upstream rejected the gateway's API key]



=== TEST 8: $ei_hmac_project_id is known in the rewrite phase, before the handler ran
--- config
    location /v1/api/ {
        set $early "[$ei_hmac_project_id]";
        add_header X-Early $early always;
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
--- pipelined_requests eval
["POST /v1/api/42/hmackeys\n" . EiHmac::body('ci', 'weak'),
 "POST /v1/api/042/hmackeys\n" . EiHmac::body('ci', 'weak'),
 "POST /v1/api/42/hmackeys/\n" . EiHmac::body('ci', 'weak'),
 "POST /v1/api/%34%32/hmackeys\n" . EiHmac::body('ci', 'weak')]
--- error_code eval
[400, 400, 404, 400]
--- response_headers eval
["X-Early: [42]", "X-Early: []", "X-Early: []", "X-Early: []"]
--- no_error_log
[alert]
[crit]



=== TEST 9: limit_req per project through $ei_hmac_project_id: 429 in JSON, the other project served
--- http_config
    limit_req_zone $ei_hmac_project_id zone=per_project:1m rate=1r/m;

    server {
        listen 127.0.0.1:$TEST_NGINX_RAND_PORT_2;
        default_type application/json;

        location / {
            return 200 '{"success":true,"id":$connection_requests}';
        }
    }
--- config
    location /v1/api/ {
        add_header X-Project "$ei_hmac_project_id" always;
        add_header X-Error "$ei_hmac_error" always;
        limit_req zone=per_project;
        limit_req_status 429;
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_2;
    }
--- pipelined_requests eval
[map { "POST /v1/api/$_/hmackeys\n" . EiHmac::body('ci', $EiHmac::StrongKey) } 1, 1, 2]
--- error_code eval
[200, 429, 200]
--- response_body eval
['{"success":true,"id":1}', '{"success":false,"error":"too many requests"}', '{"success":true,"id":1}']
--- response_headers eval
["X-Project: 1\nX-Error: \nContent-Type: application/json",
 "X-Project: 1\nX-Error: too many requests\nContent-Type: application/json",
 "X-Project: 2\nX-Error: \nContent-Type: application/json"]
