# What a hostile client tries (README "What a request goes through" and
# "Secrets"): credentials spelt with underscores, method and URL overrides,
# a coded body, a prefix that names another project.  The mock upstream
# records what it was sent.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;
our $Body = EiHmac::body('ci', $K);

sub req { "POST $_[0]\n$Body" }

our $Underscores = <<"_EOC_";
    underscores_in_headers on;
@{[ EiHmac::location('') ]}
_EOC_

add_block_preprocessor(sub { EiHmac::defaults(shift) });

run_tests();

__DATA__

=== TEST 1: with underscores_in_headers on, credential names with "_" for "-" are removed
--- config eval
$main::Underscores
--- request eval
main::req('/v1/api/12/hmackeys')
--- more_headers
Content-Type: application/json
x_api_key: client-key-1
X_Api_Key: client-key-2
x-api_key: client-key-3
x_jwt_token: client-jwt
proxy_authorization: Basic Y2xpZW50OnNlY3JldA==
X_Trace: kept
--- tcp_query eval
EiHmac::upstream_request('/v1/api/12/hmackeys', $main::Body, 'X_Trace: kept')
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 2: method and URL overrides are removed like credentials
--- request eval
main::req('/v1/api/12/hmackeys')
--- more_headers
Content-Type: application/json
X-HTTP-Method-Override: DELETE
X-HTTP-Method: DELETE
X-Method-Override: PUT
X-Original-URL: /v1/api/13/hmackeys
X-Rewrite-URL: /v1/api/13/hmackeys
X-Trace: kept
--- tcp_query eval
EiHmac::upstream_request('/v1/api/12/hmackeys', $main::Body, 'X-Trace: kept')
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 3: a coded request body is refused 415, nothing sent upstream
--- request eval
main::req('/v1/api/12/hmackeys')
--- more_headers
Content-Type: application/json
Content-Encoding: gzip
--- error_code: 415
--- response_body chomp
{"success":false,"error":"Content-Encoding must be identity"}
--- error_log
ei_hmac rejected_media_type, project "12": "Content-Encoding must be identity"



=== TEST 4: a second Content-Encoding header is seen too
--- request eval
main::req('/v1/api/12/hmackeys')
--- more_headers
Content-Type: application/json
Content-Encoding: identity
Content-Encoding: br
--- error_code: 415
--- response_body chomp
{"success":false,"error":"Content-Encoding must be identity"}



=== TEST 5: Content-Encoding identity is no coding
--- request eval
main::req('/v1/api/12/hmackeys')
--- more_headers
Content-Type: application/json
Content-Encoding: Identity
--- tcp_query eval
EiHmac::upstream_request('/v1/api/12/hmackeys', $main::Body, 'Content-Encoding: Identity')
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 6: a prefix that names the API again is refused 404 (project 1 or 2?)
--- pipelined_requests eval
[main::req('/v1/api/1/hmackeys/api/2/hmackeys'), main::req('/v1/api/1/api/2/hmackeys'),
 main::req('/v1/api/HmacKeys/api/2/hmackeys')]
--- error_code eval
[404, 404, 404]
--- response_body eval
[('{"success":false,"error":"not found: the gateway serves POST /v1/api/{projectId}/hmackeys"}') x 3]



=== TEST 7: an upstream X-Accel-Redirect never takes the key or the body to another location
--- config eval
EiHmac::location('') . <<'_EOC_';
    location /leak {
        return 200 "key=$http_x_api_key body=$request_body";
    }
_EOC_
--- request eval
main::req('/v1/api/12/hmackeys')
--- tcp_query eval
EiHmac::upstream_request('/v1/api/12/hmackeys', $main::Body)
--- tcp_reply eval
"HTTP/1.1 200 OK\r\nX-Accel-Redirect: /leak\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream sent an invalid response"}
--- error_log
ei_hmac refused to send a forwarded request for project "12" to "/leak" (the upstream redirected it)



=== TEST 8: error_page to a named location when Studio is down never takes the key there
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_2;
        error_page 502 = @fallback;
    }

    location @fallback {
        return 200 "key=$http_x_api_key body=$request_body";
    }
--- request eval
main::req('/v1/api/12/hmackeys')
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
ei_hmac refused to send a forwarded request for project "12" to "@fallback" (error_page)



=== TEST 9: $http_authorization and $cookie_* read before the gateway ran are read again: the client's values are gone
--- config
    location /v1/api/ {
        set $early "$http_authorization$cookie_jwt";
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
        proxy_set_header X-Auth $http_authorization;
        proxy_set_header X-Jwt $cookie_jwt;
    }
--- request eval
main::req('/v1/api/12/hmackeys')
--- more_headers
Content-Type: application/json
Authorization: Bearer client-token
Cookie: jwt=client-jwt
--- tcp_query eval
EiHmac::upstream_request('/v1/api/12/hmackeys', $main::Body)
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 10: a location without a content handler answers a valid request 500, naming the cause
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
    }
--- request eval
main::req('/v1/api/12/hmackeys')
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}
--- error_log
ei_hmac error_internal, project "12": "internal server error" (the location has no content handler: add proxy_pass)



=== TEST 11: a location without a content handler still answers an invalid request as such
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
    }
--- request eval
"POST /v1/api/12/hmackeys\n" . EiHmac::body('ci', 'weak')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 18 bits, at least 128 required"}
