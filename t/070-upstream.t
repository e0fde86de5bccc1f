# Responses (README "Responses"): Studio's answers pass, every other error from
# the upstream or from nginx becomes a GenericApiResponse, and the
# server-held key never reaches the client.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;
our $Req = "POST /v1/api/9/hmackeys\n" . EiHmac::body('ci', $K);
our $Fwd = EiHmac::upstream_request('/v1/api/9/hmackeys', EiHmac::body('ci', $K));
our $Mask = '*' x length($EiHmac::Key);

sub reply { return EiHmac::reply(@_) }

sub chunked {
    my ($status, $headers, @chunks) = @_;
    return EiHmac::chunked_reply($status,
                                 "${headers}Transfer-Encoding: chunked\r\n",
                                 @chunks);
}

add_block_preprocessor(sub {
    my $block = shift;

    $block->set_value("request", $Req) unless defined $block->request;
    $block->set_value("tcp_query", $Fwd)
        unless defined $block->tcp_query || defined $block->tcp_query_len;
    EiHmac::defaults($block);
});

run_tests();

__DATA__

=== TEST 1: Studio's EntityCreatedResponse passes as it is
--- tcp_reply eval
main::reply("200 OK", "Content-Type: application/json\r\nX-Studio: 1\r\n", '{"success":true,"id":12}')
--- error_code: 200
--- response_headers
Content-Type: application/json
X-Studio: 1
Content-Length: 24
--- response_body chomp
{"success":true,"id":12}



=== TEST 2: a 200 with success false passes as it is
--- tcp_reply eval
main::reply("200 OK", "Content-Type: application/json\r\n", '{"success":false,"error":"Project has too many keys"}')
--- error_code: 200
--- response_body chomp
{"success":false,"error":"Project has too many keys"}



=== TEST 3: an upstream GenericApiResponse error passes as it is
--- tcp_reply eval
main::reply("400 Bad Request", "Content-Type: application/json\r\n", '{"success":false,"error":"Key with this name already exists"}')
--- error_code: 400
--- response_headers
Content-Type: application/json
Content-Length: 61
--- response_body chomp
{"success":false,"error":"Key with this name already exists"}



=== TEST 4: a chunked upstream GenericApiResponse error passes, with a length
--- tcp_reply eval
main::chunked("422 Unprocessable Entity", "Content-Type: application/json\r\n", '{"success":false,', '"error":"bad"}')
--- error_code: 422
--- response_headers
Content-Type: application/json
Content-Length: 31
--- response_body chomp
{"success":false,"error":"bad"}



=== TEST 5: an HTML 500 becomes a GenericApiResponse
--- tcp_reply eval
main::reply("500 Internal Server Error", "Content-Type: text/html\r\nETag: \"abc\"\r\n", "<html><body>oops</body></html>")
--- error_code: 500
--- response_headers
Content-Type: application/json
Content-Length: 49
!ETag
--- response_body chomp
{"success":false,"error":"internal server error"}
--- error_log
ei_hmac rewrote upstream 500 response into a GenericApiResponse



=== TEST 6: an empty 503 becomes a GenericApiResponse
--- tcp_reply eval
main::reply("503 Service Unavailable", "", "")
--- error_code: 503
--- response_body chomp
{"success":false,"error":"service unavailable"}



=== TEST 7: a chunked HTML error becomes a GenericApiResponse
--- tcp_reply eval
main::chunked("404 Not Found", "Content-Type: text/html\r\n", "<html>", "not here</html>")
--- error_code: 404
--- response_headers
Content-Type: application/json
Content-Length: 37
--- response_body chomp
{"success":false,"error":"not found"}



=== TEST 8: Studio rejecting the gateway's own key is a 502, logged at error
--- tcp_reply eval
main::reply("401 Unauthorized", "Content-Type: application/json\r\nWWW-Authenticate: Bearer\r\n", '{"success":false,"error":"Invalid API key"}')
--- error_code: 502
--- response_headers
Content-Type: application/json
!WWW-Authenticate
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}
--- error_log eval
qr/\[error\].*ei_hmac upstream rejected the gateway's API key for project "9"/



=== TEST 9: a gzip-encoded error is refused as invalid, not inspected
--- tcp_reply eval
main::reply("503 Service Unavailable", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x03\x00\x00\x00\x00\x00\x00\x00\x00\x00")
--- error_code: 502
--- response_headers
Content-Type: application/json
!Content-Encoding
--- response_body chomp
{"success":false,"error":"upstream sent an invalid response"}



=== TEST 10: an error body larger than the inspection bound is rewritten
--- tcp_reply eval
main::reply("400 Bad Request", "Content-Type: application/json\r\n", '{"success":false,"error":"' . ('x' x 20000) . '"}')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"bad request"}



=== TEST 11: an upstream that echoes the request never shows the key
--- tcp_reply eval
sub {
    my $req = shift;
    my ($key) = $req =~ /x-api-key: (\S+)/;
    return main::reply("200 OK", "Content-Type: text/plain\r\nX-Echo: key=$key\r\n", $req);
}
--- error_code: 200
--- response_headers eval
"Content-Type: text/plain\nX-Echo: key=$main::Mask\nContent-Length: " . length($main::Fwd)
--- response_body eval
my $b = $main::Fwd; $b =~ s/\Q$EiHmac::Key\E/$main::Mask/g; $b
--- error_log
ei_hmac masked the API key in 1 upstream response header(s) for project "9"



=== TEST 12: the key is masked in an echo sent in many small chunks
--- tcp_reply eval
sub {
    my $req = shift;
    return main::chunked("200 OK", "Content-Type: text/plain\r\n", map { substr($req, $_ * 3, 3) } 0 .. int((length($req) - 1) / 3));
}
--- error_code: 200
--- response_headers
Content-Type: text/plain
--- response_body eval
my $b = $main::Fwd; $b =~ s/\Q$EiHmac::Key\E/$main::Mask/g; $b



=== TEST 13: the key is masked in an upstream GenericApiResponse error
--- tcp_reply eval
sub {
    my ($key) = $_[0] =~ /x-api-key: (\S+)/;
    return main::reply("403 Forbidden", "Content-Type: application/json\r\n", qq({"success":false,"error":"key $key has no access"}));
}
--- error_code: 403
--- response_body eval
qq({"success":false,"error":"key $main::Mask has no access"})



=== TEST 14: with ei_hmac_errors off, errors pass as they are but the key is still masked
--- config eval
EiHmac::location("        ei_hmac_errors off;")
--- tcp_reply eval
sub {
    my ($key) = $_[0] =~ /x-api-key: (\S+)/;
    return main::reply("500 Internal Server Error", "Content-Type: text/html\r\n", "<p>$key</p>");
}
--- error_code: 500
--- response_headers
Content-Type: text/html
--- response_body eval
"<p>$main::Mask</p>"



=== TEST 15: an upstream that closes without answering gives 502
--- tcp_reply:
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream prematurely closed connection
--- no_error_log
[alert]
exited on signal



=== TEST 16: an upstream that answers garbage gives 502
--- tcp_reply
this is not HTTP at all
--- error_code: 502
--- response_headers
Content-Type: application/json
Content-Length: 61
--- response_body chomp
{"success":false,"error":"upstream sent an invalid response"}
--- error_log
upstream sent no valid HTTP/1.0 header



=== TEST 17: an upstream too slow to answer gives 504
--- config eval
EiHmac::location("        proxy_read_timeout 300ms;")
--- tcp_reply_delay: 1s
--- tcp_reply eval
main::reply("200 OK", "", "late")
--- error_code: 504
--- response_body chomp
{"success":false,"error":"upstream timed out"}
--- error_log
upstream timed out



=== TEST 18: nothing listening upstream gives 502
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_2;
    }
--- tcp_query_len: 0
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
Connection refused



=== TEST 19: nginx's own 413 (client_max_body_size) becomes JSON
--- config eval
EiHmac::location("        client_max_body_size 10;")
--- tcp_query_len: 0
--- error_code: 413
--- response_body chomp
{"success":false,"error":"request body is too large"}
--- error_log
client intended to send too large body



=== TEST 20: an nginx error page for a GET to the location is JSON too
--- request
GET /v1/api/1/hmackeys
--- tcp_query_len: 0
--- error_code: 405
--- response_body chomp
{"success":false,"error":"method not allowed: use POST"}



=== TEST 21: a body that ends like the start of the key is sent whole
--- tcp_reply eval
main::reply("200 OK", "Content-Type: text/plain\r\n", "hello ei_te")
--- error_code: 200
--- response_headers
Content-Type: text/plain
Content-Length: 11
--- response_body chomp
hello ei_te



=== TEST 22: the key in the upstream's Content-Type is masked too
--- tcp_reply eval
sub {
    my ($key) = $_[0] =~ /x-api-key: (\S+)/;
    return main::reply("200 OK", "Content-Type: text/plain; k=$key\r\n", "ok");
}
--- error_code: 200
--- response_headers eval
"Content-Type: text/plain; k=$main::Mask"
--- response_body chomp
ok



=== TEST 23: a response spilled to a temporary file and sent with sendfile is masked
--- config eval
EiHmac::location(<<'_EOC_');
        sendfile on;
        proxy_buffer_size 4k;
        proxy_buffers 2 4k;
        proxy_busy_buffers_size 4k;
        limit_rate 2m;
_EOC_
--- tcp_reply eval
sub {
    my $req = shift;
    return main::reply("200 OK", "Content-Type: text/plain\r\n", $req x 1000);
}
--- error_code: 200
--- response_headers
Content-Type: text/plain
--- response_body eval
my $b = $main::Fwd; $b =~ s/\Q$EiHmac::Key\E/$main::Mask/g; $b x 1000
--- error_log
an upstream response is buffered to a temporary file



=== TEST 24: a rewritten error reaches a rate-limited client whole
--- config eval
EiHmac::location("        limit_rate 40;")
--- tcp_reply eval
main::reply("500 Internal Server Error", "Content-Type: text/html\r\n", "<html>oops</html>")
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}



=== TEST 25: an upstream error body that breaks off becomes a 502 in JSON
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n0123456789"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream prematurely closed connection



=== TEST 26: a target rewritten inside nginx is refused, nothing sent upstream
--- config eval
EiHmac::location("        rewrite ^/v1/api/9/hmackeys\$ /v1/api/10/hmackeys break;")
--- tcp_query_len: 0
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}
--- error_log eval
qr/\[error\].*ei_hmac error_internal, project "-": "internal server error" \(the request target was changed inside nginx/
--- no_error_log
ei_hmac refuses a request



=== TEST 27: an error_page into the gateway location after a refusal does not hang
--- config eval
EiHmac::location("        client_max_body_size 10;\n        error_page 413 /v1/api/error;")
--- raw_request eval
"POST /v1/api/9/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
. "14\r\n" . ('x' x 20) . "\r\n0\r\n\r\n"
--- tcp_query_len: 0
--- error_code: 413
--- response_body chomp
{"success":false,"error":"request body is too large"}



=== TEST 28: the client's Accept-Encoding is not forwarded
--- more_headers
Content-Type: application/json
Accept-Encoding: gzip, br
--- tcp_reply eval
$EiHmac::Created
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 29: a key holding a '*' is masked by spaces: the mask never spells it, overlapping echoes included
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "**e*****";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
--- tcp_query eval
EiHmac::upstream_request_key('**e*****', '/v1/api/9/hmackeys', EiHmac::body('ci', $main::K))
--- tcp_reply eval
main::chunked("200 OK", "Content-Type: text/plain\r\nX-Echo: **e*****\r\n", map { substr('x**e******e*****x', $_ * 3, 3) } 0 .. 5)
--- error_code: 200
--- response_headers
Content-Type: text/plain
--- raw_response_headers_like eval
qr/\r\nX-Echo: [ ]{8}\r\n/
--- response_body eval
'x        *e*****x'



=== TEST 30: a body shorter than the key is passed without being searched
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "k3y-1234";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
--- tcp_query eval
EiHmac::upstream_request_key('k3y-1234', '/v1/api/9/hmackeys', EiHmac::body('ci', $main::K))
--- tcp_reply eval
main::reply("200 OK", "Content-Type: text/plain\r\n", "k3y-123")
--- error_code: 200
--- response_headers
Content-Length: 7
--- response_body chomp
k3y-123
--- error_log
ei_hmac upstream body of 7 bytes is shorter than the API key: not searched



=== TEST 31: a body as long as the key is searched, and the key in it masked
--- config
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "k3y-1234";
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
--- tcp_query eval
EiHmac::upstream_request_key('k3y-1234', '/v1/api/9/hmackeys', EiHmac::body('ci', $main::K))
--- tcp_reply eval
main::reply("200 OK", "Content-Type: text/plain\r\n", "k3y-1234")
--- error_code: 200
--- response_headers
Content-Length: 8
--- response_body chomp
********
--- no_error_log
shorter than the API key
