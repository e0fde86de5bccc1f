# Checks made before the body is read (README "What a request goes
# through", steps 2-6): each is answered by the gateway in GenericApiResponse
# form, and nothing is sent upstream.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $Config = EiHmac::location("        ei_hmac_max_body_size 200;") . <<'_EOC_';
    location /gw/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        ei_hmac_projects 7 42;
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
_EOC_

our $Body = EiHmac::body('ci', $EiHmac::StrongKey);

add_block_preprocessor(sub { EiHmac::defaults(shift, config => $Config) });

run_tests();

__DATA__

=== TEST 1: GET is refused with 405 and Allow: POST
--- request
GET /v1/api/1/hmackeys
--- error_code: 405
--- response_headers
Content-Type: application/json
Allow: POST
Content-Length: 56
--- response_body chomp
{"success":false,"error":"method not allowed: use POST"}
--- error_log
ei_hmac rejected_method



=== TEST 2: PUT with a body is refused with 405
--- request eval
"PUT /v1/api/1/hmackeys\n$main::Body"
--- error_code: 405
--- response_headers
Allow: POST
--- response_body chomp
{"success":false,"error":"method not allowed: use POST"}



=== TEST 3: HEAD is refused with 405 and no body
--- request
HEAD /v1/api/1/hmackeys
--- error_code: 405
--- response_headers
Allow: POST
Content-Type: application/json
--- response_body



=== TEST 4: a query string is refused with 400
--- request eval
"POST /v1/api/1/hmackeys?debug=1\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})
--- error_log
ei_hmac rejected_uri, project "-": "request target must be canonical



=== TEST 5: an empty query is refused with 400
--- request eval
"POST /v1/api/1/hmackeys?\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 6: a percent-encoded slash is refused with 400
--- request eval
"POST /v1/api/1%2Fhmackeys\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 7: a percent-encoded digit is refused with 400
--- request eval
"POST /v1/api/%31/hmackeys\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 8: a dot segment is refused with 400
--- request eval
"POST /v1/api/2/../1/hmackeys\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 9: a single-dot segment is refused with 400
--- request eval
"POST /v1/./api/1/hmackeys\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 10: repeated slashes are refused with 400
--- request eval
"POST /v1/api//1/hmackeys\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 11: a ;parameter is refused with 400
--- request eval
"POST /v1/api/1;jsessionid=x/hmackeys\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 12: an absolute-form target is refused with 400
--- raw_request eval
"POST http://localhost/v1/api/1/hmackeys HTTP/1.1\r\nHost: localhost\r\n"
. "Connection: close\r\nContent-Type: application/json\r\n"
. "Content-Length: " . length($main::Body) . "\r\n\r\n$main::Body"
--- error_code: 400
--- response_body eval
qq({"success":false,"error":"request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"})



=== TEST 13: another path is 404
--- request eval
"POST /v1/api/2/other\n$main::Body"
--- error_code: 404
--- response_body chomp
{"success":false,"error":"not found: the gateway serves POST /v1/api/{projectId}/hmackeys"}
--- error_log
ei_hmac rejected_uri



=== TEST 14: a trailing slash is 404
--- request eval
"POST /v1/api/1/hmackeys/\n$main::Body"
--- error_code: 404
--- response_body chomp
{"success":false,"error":"not found: the gateway serves POST /v1/api/{projectId}/hmackeys"}



=== TEST 15: another letter case is 404
--- request eval
"POST /v1/api/1/HmacKeys\n$main::Body"
--- error_code: 404
--- response_body chomp
{"success":false,"error":"not found: the gateway serves POST /v1/api/{projectId}/hmackeys"}



=== TEST 16: a leading zero in projectId is 400
--- request eval
"POST /v1/api/01/hmackeys\n$main::Body"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"projectId must be an integer from 1 to 9007199254740991"}
--- error_log
ei_hmac rejected_project_id



=== TEST 17: projectId 0 is 400
--- request eval
"POST /v1/api/0/hmackeys\n$main::Body"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"projectId must be an integer from 1 to 9007199254740991"}



=== TEST 18: a negative projectId is 400
--- request eval
"POST /v1/api/-5/hmackeys\n$main::Body"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"projectId must be an integer from 1 to 9007199254740991"}



=== TEST 19: projectId over 2^53-1 is 400
--- request eval
"POST /v1/api/9007199254740992/hmackeys\n$main::Body"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"projectId must be an integer from 1 to 9007199254740991"}



=== TEST 20: a non-decimal projectId is 400
--- request eval
"POST /v1/api/abc/hmackeys\n$main::Body"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"projectId must be an integer from 1 to 9007199254740991"}



=== TEST 21: the largest projectId passes the target check
--- request eval
"POST /v1/api/9007199254740991/hmackeys\n$main::Body"
--- tcp_query eval
EiHmac::upstream_request('/v1/api/9007199254740991/hmackeys', $main::Body)
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 22: a project not in ei_hmac_projects is 403
--- request eval
"POST /gw/api/8/hmackeys\n$main::Body"
--- error_code: 403
--- response_body chomp
{"success":false,"error":"project is not served by this gateway"}
--- error_log
ei_hmac rejected_project, project "8"



=== TEST 23: a project in ei_hmac_projects passes, with the operator's prefix
--- request eval
"POST /gw/api/42/hmackeys\n$main::Body"
--- tcp_query eval
EiHmac::upstream_request('/gw/api/42/hmackeys', $main::Body)
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 24: no Content-Type is 415
--- request eval
"POST /v1/api/1/hmackeys\n$main::Body"
--- more_headers
X-Foo: bar
--- error_code: 415
--- response_body chomp
{"success":false,"error":"Content-Type must be application/json"}
--- error_log
ei_hmac rejected_media_type



=== TEST 25: text/plain is 415
--- request eval
"POST /v1/api/1/hmackeys\n$main::Body"
--- more_headers
Content-Type: text/plain
--- error_code: 415
--- response_body chomp
{"success":false,"error":"Content-Type must be application/json"}



=== TEST 26: a charset other than utf-8 is 415
--- request eval
"POST /v1/api/1/hmackeys\n$main::Body"
--- more_headers
Content-Type: application/json; charset=iso-8859-1
--- error_code: 415
--- response_body chomp
{"success":false,"error":"Content-Type must be application/json"}



=== TEST 27: a quoted UTF-8 charset in any case is accepted
--- request eval
"POST /v1/api/1/hmackeys\n$main::Body"
--- more_headers
Content-Type: Application/JSON; Charset="UTF-8"
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', $main::Body)
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 28: an empty body is 400
--- request
POST /v1/api/1/hmackeys
--- error_code: 400
--- response_body chomp
{"success":false,"error":"request body is required"}
--- error_log
ei_hmac rejected_empty



=== TEST 29: an empty chunked body is 400
--- raw_request eval
"POST /v1/api/1/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"request body is required"}



=== TEST 30: a Content-Length over ei_hmac_max_body_size is 413 before reading
--- request eval
"POST /v1/api/1/hmackeys\n" . ('x' x 201)
--- error_code: 413
--- response_body chomp
{"success":false,"error":"request body is too large: at most 200 bytes"}
--- error_log
ei_hmac rejected_too_large



=== TEST 31: a chunked body over ei_hmac_max_body_size is 413
--- raw_request eval
"POST /v1/api/1/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. "64\r\n" . ('x' x 100) . "\r\n" . "64\r\n" . ('x' x 100) . "\r\n"
. "64\r\n" . ('x' x 100) . "\r\n0\r\n\r\n"
--- error_code: 413
--- response_body chomp
{"success":false,"error":"request body is too large: at most 200 bytes"}
--- error_log eval
["ei_hmac rejected_too_large",
 qr/\[info\].*ei_hmac rejected_too_large, project "1": "request body is too large: at most 200 bytes"/]
--- no_error_log
ei_hmac rewrote nginx 413



=== TEST 32: a malformed chunked body is answered 400 in JSON
--- raw_request eval
"POST /v1/api/1/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. "zz\r\nxx\r\n0\r\n\r\n"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"bad request"}
--- error_log
client sent invalid chunked body



=== TEST 33: rejections before the body keep a keep-alive connection in step
--- pipelined_requests eval
["POST /v1/api/1/other\n$main::Body",
 "PUT /v1/api/1/hmackeys\n$main::Body",
 "POST /v1/api/1/hmackeys\n$main::Body"]
--- more_headers
Content-Type: application/json
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', $main::Body)
--- error_code eval
[404, 405, 200]
--- response_body eval
['{"success":false,"error":"not found: the gateway serves POST /v1/api/{projectId}/hmackeys"}',
 '{"success":false,"error":"method not allowed: use POST"}',
 '{"success":true,"id":7}']



=== TEST 34: a rejection by media type keeps the connection in step
--- pipelined_requests eval
["POST /v1/api/1/hmackeys\n$main::Body",
 "POST /v1/api/1/hmackeys\n$main::Body"]
--- more_headers eval
["Content-Type: text/plain", "Content-Type: application/json"]
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', $main::Body)
--- error_code eval
[415, 200]
--- response_body eval
['{"success":false,"error":"Content-Type must be application/json"}',
 '{"success":true,"id":7}']



=== TEST 35: a refusal before the projectId is known is logged once, project "-"
--- request eval
"POST /v1/api/1/hmackeys?debug=1\n$main::Body"
--- error_code: 400
--- error_log eval
qr/\[info\].*ei_hmac rejected_uri, project "-": "request target must be canonical: no percent-encoding, dot or empty segments, parameters, query or fragment"/
--- no_error_log eval
[qr/project "unknown/, qr/ei_hmac rewrote/]
