# The body: JSON (README "What a request goes through", step 7, and "JSON
# parsing") and schema (step 8).  Each rejection names reason and position
# or field and rule, never quotes the input, and nothing is sent upstream.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;

add_block_preprocessor(sub { EiHmac::defaults(shift) });

run_tests();

__DATA__

=== TEST 1: a syntax error gives reason and position, not the input
--- request
POST /v1/api/1/hmackeys
{"name":"ci","hmacKey":"secretsecret" "isDevelopmentKey":false}
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: syntax error at line 1, column 56"}
--- error_log
ei_hmac rejected_json, project "1"
--- no_error_log
secretsecret
[alert]



=== TEST 2: trailing data after the object is refused
--- request eval
"POST /v1/api/1/hmackeys\n" . EiHmac::body('ci', $main::K) . ' {}'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: unexpected data after the JSON value at line 1, column 85"}



=== TEST 3: a top-level array is refused
--- request eval
"POST /v1/api/1/hmackeys\n[" . EiHmac::body('ci', $main::K) . ']'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"body must be a JSON object at line 1, column 1"}
--- error_log
ei_hmac rejected_json



=== TEST 4: a top-level string is refused
--- request
POST /v1/api/1/hmackeys
"just a string"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"body must be a JSON object at line 1, column 1"}



=== TEST 5: duplicate member names are refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"a","name":"b","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: duplicate member name at line 1, column 18"}
--- error_log
ei_hmac rejected_json



=== TEST 6: an escaped NUL in a string is refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"a\\u0000b","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: NUL character in a string at line 1, column 18"}



=== TEST 7: invalid UTF-8 is refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"caf\xe9","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: invalid UTF-8 at line 1, column 12"}



=== TEST 8: a lone surrogate is refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"\\ud800x","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: invalid \\u escape or lone surrogate at line 1, column 17"}



=== TEST 9: deep nesting is refused by the bound on values
--- config eval
EiHmac::location("        ei_hmac_max_body_size 64k;")
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"x":)
. ('[' x 3000) . (']' x 3000) . '}'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: too many values at line 1, column 340"}



=== TEST 10: truncated JSON is refused
--- request
POST /v1/api/1/hmackeys
{"name":"ci","hmacKey":
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: unexpected end of input at line 1, column 23"}



=== TEST 11: each missing field is named, all in one message
--- request
POST /v1/api/1/hmackeys
{}
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name is required; hmacKey is required; isDevelopmentKey is required"}
--- error_log
ei_hmac rejected_schema



=== TEST 12: name missing
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name is required"}



=== TEST 13: hmacKey missing
--- request
POST /v1/api/1/hmackeys
{"name":"ci","isDevelopmentKey":false}
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is required"}



=== TEST 14: isDevelopmentKey missing
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K"})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"isDevelopmentKey is required"}



=== TEST 15: wrong types, each named with its rule
--- request
POST /v1/api/1/hmackeys
{"name":5,"hmacKey":null,"isDevelopmentKey":"false"}
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must be a string; hmacKey must be a string; isDevelopmentKey must be a boolean"}



=== TEST 16: an object or array as a field's value is a schema error naming the field
--- request
POST /v1/api/1/hmackeys
{"name":{"a":1},"hmacKey":["x"],"isDevelopmentKey":0}
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must be a string; hmacKey must be a string; isDevelopmentKey must be a boolean"}



=== TEST 17: several errors of different kinds at once
--- request
POST /v1/api/1/hmackeys
{"name":"","isDevelopmentKey":1}
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not be empty; hmacKey is required; isDevelopmentKey must be a boolean"}



=== TEST 18: a name of only white space is refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":" \\n\\r ","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not be only white space; name must not contain control characters"}



=== TEST 19: a tab in name is a control character
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"a\\tb","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not contain control characters"}



=== TEST 20: DEL in name is a control character
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"a\\u007fb","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not contain control characters"}



=== TEST 21: a name longer than ei_hmac_name_max_length is refused
--- config eval
EiHmac::location("        ei_hmac_name_max_length 8;")
--- request eval
"POST /v1/api/1/hmackeys\n" . EiHmac::body('123456789', $main::K)
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must be at most 8 bytes"}



=== TEST 22: a name of exactly ei_hmac_name_max_length bytes passes
--- config eval
EiHmac::location("        ei_hmac_name_max_length 8;")
--- request eval
"POST /v1/api/1/hmackeys\n" . EiHmac::body('12345678', $main::K)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('12345678', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 23: a case variant of hmacKey is refused even when unknown fields are dropped
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","HMACKEY":"weak","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is spelled with the wrong letter case"}
--- error_log
ei_hmac rejected_schema



=== TEST 24: a case variant of name is refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"Name":"ci","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name is spelled with the wrong letter case"}



=== TEST 25: unknown fields are refused with ei_hmac_unknown_fields reject
--- config eval
EiHmac::location("        ei_hmac_unknown_fields reject;")
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"admin":true})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"unknown field \"admin\" is not allowed"}



=== TEST 26: unknown fields are dropped by default
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","admin":true,"hmacKey":"$main::K","isDevelopmentKey":false})
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 27: a rejected body followed by a valid request on one connection
--- pipelined_requests eval
["POST /v1/api/1/hmackeys\n{\"name\":1}",
 "POST /v1/api/1/hmackeys\n" . EiHmac::body('ci', $main::K)]
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code eval
[400, 200]
--- response_body eval
['{"success":false,"error":"name must be a string; hmacKey is required; isDevelopmentKey is required"}',
 '{"success":true,"id":7}']



=== TEST 28: a body spilled to a temporary file is validated too
--- config eval
"    client_body_buffer_size 1k;\n" . EiHmac::location()
--- request eval
"POST /v1/api/1/hmackeys\n{\"name\":1" . (' ' x 3000) . '}'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must be a string; hmacKey is required; isDevelopmentKey is required"}
--- error_log
a client request body is buffered to a temporary file



=== TEST 29: a top-level number after white space gives its position
--- raw_request eval
"POST /v1/api/1/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nContent-Length: 6\r\n\r\n\r\n  42"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"body must be a JSON object at line 2, column 3"}
--- error_log
ei_hmac rejected_json
--- no_error_log
[alert]
[emerg]



=== TEST 30: a body starting with a UTF-8 byte order mark is refused with its position
--- request eval
"POST /v1/api/1/hmackeys\n\xef\xbb\xbf" . EiHmac::body('ci', $main::K)
--- error_code: 400
--- response_body chomp
{"success":false,"error":"body must be a JSON object at line 1, column 1"}
--- error_log
ei_hmac rejected_json
--- no_error_log
[alert]
[emerg]



=== TEST 31: more than 256 values are refused where the 257th starts, the rest unread by the parser
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"x":[)
. join(',', (0) x 8000) . ']}'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: too many values at line 1, column 591"}
--- error_log
ei_hmac rejected_json
--- no_error_log
[alert]
[emerg]



=== TEST 32: 256 values in all are accepted, the unknown ones dropped
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"x":[)
. join(',', (0) x 251) . ']}'
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}
--- no_error_log
[alert]
[emerg]



=== TEST 33: an error before the 257th value is the parser's own
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"x":[0,0 0,)
. join(',', (0) x 600) . ']}'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"invalid JSON: syntax error at line 1, column 93"}



=== TEST 34: two unknown fields are named in member order
--- config eval
EiHmac::location("        ei_hmac_unknown_fields reject;")
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"comment":"x","name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"admin":true})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"unknown fields \"comment\" and \"admin\" are not allowed"}
--- error_log
ei_hmac rejected_schema
--- no_error_log
[alert]
[emerg]



=== TEST 35: at most five unknown fields are named, then how many more
--- config eval
EiHmac::location("        ei_hmac_unknown_fields reject;")
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,)
. join(',', map { qq("f$_":$_) } 1 .. 8) . '}'
--- error_code: 400
--- response_body chomp
{"success":false,"error":"unknown fields \"f1\", \"f2\", \"f3\", \"f4\", \"f5\" and 3 more are not allowed"}



=== TEST 36: an unknown field's name is JSON-escaped and cut at 64 bytes
--- config eval
EiHmac::location("        ei_hmac_unknown_fields reject;")
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,)
. qq("a\\"b\\\\c\\n\\u202e":1,") . ('n' x 70) . '":2}'
--- error_code: 400
--- response_body eval
'{"success":false,"error":"unknown fields \"a\\\\\"b\\\\\\\\c\\\\n\\\\u202e\" and \"'
. ('n' x 64) . '\"... are not allowed"}'



=== TEST 37: an unknown field named like the hmacKey is not shown
--- config eval
EiHmac::location("        ei_hmac_unknown_fields reject;")
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci","hmacKey":"$main::K","isDevelopmentKey":false,"$main::K":true})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"unknown field (name not shown) is not allowed"}
--- no_error_log
3f9a1c0e7b2d4f68a5c9e01b7d3f2a64
[alert]



=== TEST 38: C1 controls in name are control characters
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"ci\\u0085","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not contain control characters"}
--- error_log
ei_hmac rejected_schema



=== TEST 39: bidirectional controls in name are refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"\xe2\x80\xaeci","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not contain bidirectional controls"}
--- error_log
ei_hmac rejected_schema



=== TEST 40: a name of only Unicode white space is refused
--- request eval
"POST /v1/api/1/hmackeys\n"
. qq({"name":"\\u3000\xc2\xa0\\u2003","hmacKey":"$main::K","isDevelopmentKey":false})
--- error_code: 400
--- response_body chomp
{"success":false,"error":"name must not be only white space"}
--- error_log
ei_hmac rejected_schema
