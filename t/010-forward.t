# An accepted AddHmacKeyRequest reaches the upstream with the server-held
# key, no client credential, and the canonical body (README "What a request
# goes through", step 11).

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

sub upstream_request { EiHmac::upstream_request(@_) }

add_block_preprocessor(sub { EiHmac::defaults(shift) });

run_tests();

__DATA__

=== TEST 1: an accepted request reaches the upstream with the key and canonical body
--- request
POST /v1/api/1/hmackeys
{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}
--- more_headers
Content-Type: application/json
--- tcp_query eval
main::upstream_request('/v1/api/1/hmackeys',
    '{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}')
--- error_code: 200
--- response_headers
Content-Type: application/json
--- response_body chomp
{"success":true,"id":7}



=== TEST 2: client credentials of every kind and case are removed, one key injected
--- request
POST /v1/api/12/hmackeys
{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":true}
--- more_headers
Content-Type: application/json
X-Api-Key: client-key-1
x-api-key: client-key-2
X-API-KEY: client-key-3
Authorization: Bearer client-token
Proxy-Authorization: Basic Y2xpZW50OnNlY3JldA==
Cookie: jwt=client-jwt; other=1
COOKIE: theme=dark
X-Jwt-Token: client-jwt-token
X-Trace: kept
--- tcp_query eval
main::upstream_request('/v1/api/12/hmackeys',
    '{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":true}',
    'X-Trace: kept')
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 3: white space, unknown fields and member order give the canonical body
--- request
POST /v1/api/3/hmackeys
{ "isDevelopmentKey" : false ,
  "extra": {"nested": [1, 2]},
  "hmacKey" : "3f9a1c0e7b2d4f68a5c9e01b7d3f2a64",
  "name" : "caf\u00e9 \"q\" \\ /" }
--- more_headers
Content-Type: application/json; charset=UTF-8
--- tcp_query eval
main::upstream_request('/v1/api/3/hmackeys',
    qq({"name":"caf\xc3\xa9 \\"q\\" \\\\ /","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 4: a chunked body is forwarded with its own Content-Length
--- raw_request eval
my $body = '{"name":"chunked","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}';
"POST /v1/api/4/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. sprintf("%x\r\n%s\r\n", 10, substr($body, 0, 10))
. sprintf("%x\r\n%s\r\n", length($body) - 10, substr($body, 10))
. "0\r\n\r\n"
--- tcp_query eval
main::upstream_request('/v1/api/4/hmackeys',
    '{"name":"chunked","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}')
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 5: a body spilled to a temporary file is read and forwarded
--- config
    client_body_buffer_size 1k;

    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
--- request eval
"POST /v1/api/5/hmackeys\n"
. '{"name":"spilled","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false'
. (' ' x 3000) . '}'
--- more_headers
Content-Type: application/json
--- tcp_query eval
main::upstream_request('/v1/api/5/hmackeys',
    '{"name":"spilled","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}')
--- error_code: 200
--- error_log
a client request body is buffered to a temporary file
--- response_body chomp
{"success":true,"id":7}



=== TEST 6: more client headers than one list part: credentials removed in every part
--- request
POST /v1/api/6/hmackeys
{"name":"many","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}
--- more_headers eval
CORE::join("\n", map { "X-H$_: v$_" } 1..18) . "\nAuthorization: Bearer a\n"
. CORE::join("\n", map { "X-G$_: v$_" } 1..5) . "\nX-Api-Key: b\nCookie: c=d\n"
. "Content-Type: application/json"
--- tcp_query eval
main::upstream_request('/v1/api/6/hmackeys',
    '{"name":"many","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}',
    (map { "X-H$_: v$_" } 1..18), (map { "X-G$_: v$_" } 1..5))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 7: access control runs before the module: denied clients get JSON 403
--- config
    location /v1/api/ {
        deny all;
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
    }
--- request
POST /v1/api/1/hmackeys
{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64","isDevelopmentKey":false}
--- more_headers
Content-Type: application/json
--- tcp_query_len: 0
--- error_code: 403
--- response_headers
Content-Type: application/json
--- response_body chomp
{"success":false,"error":"forbidden"}
--- error_log
access forbidden by rule



=== TEST 8: a location without ei_hmac is left alone
--- config
    location /v1/api/ {
        ei_hmac off;
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
--- request
GET /v1/api/1/other
--- tcp_query eval
"GET /v1/api/1/other HTTP/1.0\r\nHost: studio.test\r\nConnection: close\r\n"
. "Content-Type: application/json\r\n\r\n"
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 9: the server-held key survives many requests (a stand-in that checks it)
--- http_config
    server {
        listen 127.0.0.1:$TEST_NGINX_RAND_PORT_2;
        default_type application/json;

        location / {
            if ($http_x_api_key != "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8") {
                return 401 '{"success":false,"error":"Invalid API key"}';
            }
            return 200 '{"success":true,"id":$connection_requests}';
        }
    }
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_2;
    }
--- pipelined_requests eval
[map { "POST /v1/api/1/hmackeys\n" . EiHmac::body('ci', $EiHmac::StrongKey) } 1 .. 3]
--- tcp_query_len: 0
--- error_code eval
[200, 200, 200]
--- response_body eval
['{"success":true,"id":1}', '{"success":true,"id":1}', '{"success":true,"id":1}']
