# A hostile upstream (README "Responses"): a body the gateway cannot mask
# (compressed, with any transfer coding but chunked), a 1xx or 101 answer, a
# rewritten error that keeps the replaced body's headers, and errors that
# break off, stall or carry an invalid chunk, buffered or not.  The key
# never reaches the client, and every failure ends in complete JSON.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;
use IO::Compress::Gzip qw(gzip $GzipError);

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;
our $Req = "POST /v1/api/9/hmackeys\n" . EiHmac::body('ci', $K);
our $Fwd = EiHmac::upstream_request('/v1/api/9/hmackeys', EiHmac::body('ci', $K));
our $Invalid = '{"success":false,"error":"upstream sent an invalid response"}';
our $Mask = '*' x length($EiHmac::Key);

sub reply { return EiHmac::reply(@_) }

sub chunked { return EiHmac::chunked_reply(@_) }

# an upstream whose connections nginx keeps for later requests
our $KeptUpstream = <<'_EOC_';
    upstream studio {
        server 127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        keepalive 4;
    }
_EOC_

our $KeptLocation = <<"_EOC_";
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "$EiHmac::Key";
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host studio.test;
        proxy_pass http://studio;
    }
_EOC_

# the request as the upstream received it, gzipped: it holds the key
sub gz {
    my $in = shift;
    my $out;
    gzip(\$in => \$out) or die "gzip: $GzipError";
    return $out;
}

# what proxy_http_version 1.1 sends, with no Connection header
sub fwd11 {
    my $b = EiHmac::body('ci', $K);
    return "POST /v1/api/9/hmackeys HTTP/1.1\r\nHost: studio.test\r\n"
        . "Content-Length: " . length($b) . "\r\nContent-Type: application/json\r\n"
        . "x-api-key: $EiHmac::Key\r\n\r\n$b";
}

# the usual gateway location with proxy_buffering off
sub unbuffered {
    my ($extra) = @_;
    return EiHmac::location("        proxy_buffering off;\n" . ($extra // ''));
}

add_block_preprocessor(sub {
    my $block = shift;

    $block->set_value("request", $Req)
        unless defined $block->request || defined $block->pipelined_requests;
    $block->set_value("tcp_query", $Fwd)
        unless defined $block->tcp_query || defined $block->tcp_query_len;
    EiHmac::defaults($block);
});

run_tests();

__DATA__

=== TEST 1: gzip then identity Content-Encoding over a gzipped echo: 502, the key unseen
--- tcp_reply eval
sub {
    return main::reply("200 OK", "Content-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Encoding: identity\r\n", main::gz($_[0]));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding
--- error_log
ei_hmac refused an upstream response with "Content-Encoding: gzip"



=== TEST 2: gzip then an empty Content-Encoding header: 502
--- tcp_reply eval
sub {
    return main::reply("200 OK", "Content-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Encoding:\r\n", main::gz($_[0]));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding
--- error_log
ei_hmac refused an upstream response with "Content-Encoding: gzip"



=== TEST 3: one Content-Encoding header listing identity then gzip: 502
--- tcp_reply eval
sub {
    return main::reply("201 Created", "Content-Type: text/plain\r\nContent-Encoding: identity, gzip\r\n", main::gz($_[0]));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- error_log
ei_hmac refused an upstream response with "Content-Encoding: identity, gzip"



=== TEST 4: Transfer-Encoding gzip, chunked (nginx de-chunks and passes gzip): 502
--- tcp_reply eval
sub {
    my $z = main::gz($_[0]);
    return main::chunked("200 OK", "Content-Type: text/plain\r\nTransfer-Encoding: gzip, chunked\r\n", substr($z, 0, 10), substr($z, 10));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding
--- error_log
ei_hmac refused an upstream response with "Transfer-Encoding: gzip, chunked"



=== TEST 5: Transfer-Encoding gzip and chunked in two headers: 502
--- tcp_reply eval
sub {
    return main::chunked("200 OK", "Content-Type: text/plain\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", main::gz($_[0]));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- error_log
ei_hmac refused an upstream response with "Transfer-Encoding: gzip"



=== TEST 6: with ei_hmac_errors off, a gzipped 500 echoing the key is a 502 all the same
--- config eval
EiHmac::location("        ei_hmac_errors off;")
--- tcp_reply eval
sub {
    return main::reply("500 Internal Server Error", "Content-Type: text/plain\r\nContent-Encoding: gzip\r\n", main::gz($_[0]));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding
--- error_log
ei_hmac refused an upstream response with "Content-Encoding: gzip"



=== TEST 7: with ei_hmac_errors off, a br-coded 401 is a 502 too
--- config eval
EiHmac::location("        ei_hmac_errors off;")
--- tcp_reply eval
main::reply("401 Unauthorized", "Content-Type: application/json\r\nContent-Encoding: br\r\n", "\x0b\x02\x80{}\x03")
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding



=== TEST 8: identity codings and a chunked transfer pass, the key masked
--- tcp_reply eval
sub {
    return main::chunked("200 OK", "Content-Type: text/plain\r\nContent-Encoding: identity\r\nContent-Encoding: IDENTITY\r\nTransfer-Encoding: Chunked\r\n", $_[0]);
}
--- error_code: 200
--- response_headers
Content-Type: text/plain
--- response_body eval
my $b = $main::Fwd; $b =~ s/\Q$EiHmac::Key\E/$main::Mask/g; $b



=== TEST 9: unbuffered, gzip then identity Content-Encoding: 502
--- config eval
main::unbuffered()
--- tcp_reply eval
sub {
    return main::reply("200 OK", "Content-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Encoding: identity\r\n", main::gz($_[0]));
}
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding



=== TEST 10: the client's Upgrade and Connection: upgrade never reach the upstream
--- config eval
EiHmac::location(<<'_EOC_')
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $http_connection;
_EOC_
--- more_headers
Content-Type: application/json
Upgrade: websocket
Connection: upgrade, close
--- tcp_query eval
main::fwd11()
--- tcp_reply eval
$EiHmac::Created
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 11: an upstream 101 after a client Upgrade is a 502, no tunnel
--- config eval
EiHmac::location(<<'_EOC_')
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $http_connection;
_EOC_
--- more_headers
Content-Type: application/json
Upgrade: websocket
Connection: upgrade, close
--- tcp_query eval
main::fwd11()
--- tcp_reply eval
sub {
    my ($key) = $_[0] =~ /x-api-key: (\S+)/;
    return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nkey=$key";
}
--- tcp_no_close
--- timeout: 5
--- error_code: 502
--- response_body eval
$main::Invalid
--- error_log
ei_hmac refused an upstream 101 response



=== TEST 12: an upstream 101 to a request without Upgrade is a 502
--- tcp_reply eval
"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n"
--- tcp_no_close
--- timeout: 5
--- error_code: 502
--- response_body eval
$main::Invalid



=== TEST 13: an upstream 102 then a success is a 502
--- tcp_reply eval
"HTTP/1.1 102 Processing\r\n\r\n$EiHmac::Created"
--- error_code: 502
--- response_body eval
$main::Invalid
--- error_log
ei_hmac refused an upstream 102 response



=== TEST 14: an upstream 100 then a success is a 502, the next request on the connection gets its own answer
--- config eval
EiHmac::location() . <<'_EOC_'
    location = /ping {
        return 200 "pong";
    }
_EOC_
--- pipelined_requests eval
[$main::Req, "GET /ping"]
--- more_headers eval
["Content-Type: application/json", ""]
--- tcp_reply eval
"HTTP/1.1 100 Continue\r\n\r\n$EiHmac::Created"
--- error_code eval
[502, 200]
--- response_headers eval
["Content-Type: application/json", "Content-Type: text/plain"]
--- response_body eval
[$main::Invalid, "pong"]



=== TEST 15: an upstream 103 then a 401 does not escape as a 401
--- tcp_reply eval
"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
. main::reply("401 Unauthorized", "Content-Type: application/json\r\nWWW-Authenticate: Bearer\r\n", '{"success":false,"error":"Invalid API key"}')
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)www-authenticate|link



=== TEST 16: an upstream connection that answered 100 is never kept for another request
--- http_config eval
$main::KeptUpstream
--- config eval
$main::KeptLocation
--- tcp_query eval
main::fwd11()
--- tcp_reply eval
["HTTP/1.1 100 Continue\r\nContent-Length: 0\r\n\r\n",
 "HTTP/1.1 200 OK\r\nContent-Length: 23\r\n\r\n{\"success\":true,\"id\":7}"]
--- tcp_no_close
--- error_code: 502
--- response_body eval
$main::Invalid
--- no_error_log
free keepalive peer: saving connection
[alert]
[emerg]
[crit]



=== TEST 17: (the check above can fail) an ordinary answer's connection is kept
--- http_config eval
$main::KeptUpstream
--- config eval
$main::KeptLocation
--- tcp_query eval
main::fwd11()
--- tcp_reply eval
"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 23\r\n\r\n{\"success\":true,\"id\":7}"
--- tcp_no_close
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}
--- error_log
free keepalive peer: saving connection



=== TEST 18: a rewritten error keeps no header of the body it replaced
--- tcp_reply eval
main::reply("500 Internal Server Error",
    "Content-Type: text/html\r\nContent-Encoding: identity\r\nContent-Encoding: identity\r\n"
    . "ETag: \"a\"\r\nETag: \"b\"\r\nLast-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n"
    . "Last-Modified: Tue, 02 Jan 2024 00:00:00 GMT\r\nContent-Language: fr\r\n"
    . "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\r\nDigest: sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\r\n"
    . "Content-Disposition: attachment\r\nContent-Location: /x\r\nX-Studio: 1\r\n",
    "<html>oops</html>")
--- error_code: 500
--- response_headers
Content-Type: application/json
X-Studio: 1
--- raw_response_headers_unlike: (?i)content-encoding|etag|last-modified|content-language|content-md5|digest|content-disposition|content-location
--- response_body chomp
{"success":false,"error":"internal server error"}



=== TEST 19: a refused gzip and br answer keeps neither coding
--- tcp_reply eval
main::reply("404 Not Found", "Content-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Encoding: br\r\nETag: \"z\"\r\n", "\x1f\x8b")
--- error_code: 502
--- response_body eval
$main::Invalid
--- raw_response_headers_unlike: (?i)content-encoding|etag



=== TEST 20: a rewritten 401 keeps no validator of its body
--- tcp_reply eval
main::reply("401 Unauthorized", "Content-Type: application/json\r\nETag: \"a\"\r\nETag: \"b\"\r\nLast-Modified: Mon, 01 Jan 2024 00:00:00 GMT\r\n", '{"success":false,"error":"Invalid API key"}')
--- error_code: 502
--- raw_response_headers_unlike: (?i)etag|last-modified
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}



=== TEST 21: unbuffered, an upstream error body that breaks off becomes a 502 in JSON
--- config eval
main::unbuffered()
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n0123456789"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream prematurely closed connection



=== TEST 22: unbuffered, an upstream error body that stalls becomes a 504 in JSON
--- config eval
main::unbuffered("        proxy_read_timeout 300ms;\n")
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n0123456789"
--- tcp_no_close
--- error_code: 504
--- response_body chomp
{"success":false,"error":"upstream timed out"}
--- error_log
upstream timed out



=== TEST 23: buffered, an upstream error body that stalls becomes a 504 in JSON
--- config eval
EiHmac::location("        proxy_read_timeout 300ms;\n")
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n0123456789"
--- tcp_no_close
--- error_code: 504
--- response_body chomp
{"success":false,"error":"upstream timed out"}
--- error_log
upstream timed out



=== TEST 24: an upstream error with an invalid chunk becomes a 502 in JSON
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream sent invalid chunked response



=== TEST 25: unbuffered, an upstream error with an invalid chunk becomes a 502 in JSON
--- config eval
main::unbuffered()
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream sent invalid chunked response



=== TEST 26: a 401 with an invalid chunk is still the gateway's complete 502
--- tcp_reply eval
"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}



=== TEST 27: unbuffered, a 401 with an invalid chunk is the gateway's complete 502
--- config eval
main::unbuffered()
--- tcp_reply eval
"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}



=== TEST 28: unbuffered, an upstream GenericApiResponse error passes as it is
--- config eval
main::unbuffered()
--- tcp_reply eval
main::chunked("400 Bad Request", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", '{"success":false,', '"error":"Key with this name already exists"}')
--- error_code: 400
--- response_headers
Content-Type: application/json
Content-Length: 61
--- response_body chomp
{"success":false,"error":"Key with this name already exists"}



=== TEST 29: unbuffered, an HTML 500 becomes a GenericApiResponse
--- config eval
main::unbuffered()
--- tcp_reply eval
main::reply("500 Internal Server Error", "Content-Type: text/html\r\n", "<html><body>oops</body></html>")
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}



=== TEST 30: unbuffered, an upstream that echoes the key in small chunks never shows it
--- config eval
main::unbuffered()
--- tcp_reply eval
sub {
    my $req = shift;
    return main::chunked("200 OK", "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n", map { substr($req, $_ * 3, 3) } 0 .. int((length($req) - 1) / 3));
}
--- error_code: 200
--- response_headers
Content-Type: text/plain
--- response_body eval
my $b = $main::Fwd; $b =~ s/\Q$EiHmac::Key\E/$main::Mask/g; $b



=== TEST 31: unbuffered, Studio rejecting the gateway's key is a 502
--- config eval
main::unbuffered()
--- tcp_reply eval
main::reply("401 Unauthorized", "Content-Type: application/json\r\nWWW-Authenticate: Bearer\r\n", '{"success":false,"error":"Invalid API key"}')
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}



=== TEST 32: unbuffered, an upstream too slow to answer gives 504
--- config eval
main::unbuffered("        proxy_read_timeout 300ms;\n")
--- tcp_reply_delay: 1s
--- tcp_reply eval
main::reply("200 OK", "", "late")
--- error_code: 504
--- response_body chomp
{"success":false,"error":"upstream timed out"}



=== TEST 33: with limit_rate, a 401 with an invalid chunk is still a complete 502
--- config eval
EiHmac::location("        limit_rate 40;")
--- tcp_reply eval
"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}



=== TEST 34: with limit_rate, an error with an invalid chunk is still a complete 502
--- config eval
EiHmac::location("        limit_rate 40;")
--- tcp_reply eval
"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}



=== TEST 35: unbuffered with limit_rate, a 401 cut off is a complete 502
--- config eval
main::unbuffered("        limit_rate 40;")
--- tcp_reply eval
"HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream rejected the gateway's API key"}
