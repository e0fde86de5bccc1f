# Faults: an upstream that resets mid-response or answers a huge body, a
# client that is slow, stops half-way or leaves while the upstream answers.
# Each ends in the JSON of README "Responses" or a clean close, and no
# worker dies.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $Body = EiHmac::body('ci', $EiHmac::StrongKey);
our $Req = "POST /v1/api/9/hmackeys\n$Body";
our $Fwd = EiHmac::upstream_request('/v1/api/9/hmackeys', $Body);

sub head {
    my ($status, $len, $type) = @_;
    $type //= 'application/json';
    return "HTTP/1.1 $status\r\nContent-Type: $type\r\n"
        . "Content-Length: $len\r\nConnection: close\r\n\r\n";
}

add_block_preprocessor(sub {
    my $block = shift;

    $block->set_value("request", $Req)
        unless defined $block->request || defined $block->raw_request;
    $block->set_value("tcp_query", $Fwd)
        unless defined $block->tcp_query || defined $block->tcp_query_len;
    EiHmac::defaults($block);
});

run_tests();

__DATA__

=== TEST 1: an upstream error cut off mid-body: a clean close, no crash
--- tcp_reply eval
main::head("500 Internal Server Error", 1000, "text/html") . "<html>partial"
--- ignore_response
--- error_log
upstream prematurely closed connection while reading upstream
--- no_error_log
[alert]
exited on signal



=== TEST 2: a success cut off mid-body: a clean close, no crash
--- tcp_reply eval
main::head("200 OK", 1000) . '{"success":true,'
--- ignore_response
--- error_log
upstream prematurely closed connection while reading upstream
--- no_error_log
[alert]
exited on signal



=== TEST 3: a huge 2xx body passes whole, the key masked as it streams
--- tcp_reply eval
main::head("200 OK", 3_000_000, "text/plain") . ('a' x 3_000_000)
--- response_headers
Content-Type: text/plain
Content-Length: 3000000
--- response_body eval
'a' x 3_000_000



=== TEST 4: a huge error body is rewritten without being held
--- tcp_reply eval
main::head("500 Internal Server Error", 2_000_000, "text/html") . ('<p>' x 666_666) . 'xx'
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}



=== TEST 5: a client that sends its body slowly is served
--- raw_request eval
["POST /v1/api/9/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
 . "Content-Type: application/json\r\nContent-Length: " . length($main::Body) . "\r\n\r\n",
 substr($main::Body, 0, 20), substr($main::Body, 20, 30), substr($main::Body, 50)]
--- raw_request_middle_delay: 0.2
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 6: a client that stops half-way: nothing sent upstream, no crash
--- raw_request eval
"POST /v1/api/9/hmackeys HTTP/1.1\r\nHost: localhost\r\n"
. "Content-Type: application/json\r\nContent-Length: " . length($main::Body) . "\r\n\r\n"
. substr($main::Body, 0, 30)
--- timeout: 0.5
--- abort
--- ignore_response
--- tcp_query_len: 0
--- no_error_log
[alert]
exited on signal



=== TEST 7: a client that leaves while the upstream is answering: no crash
--- tcp_reply_delay: 1s
--- tcp_reply eval
main::head("200 OK", 23) . '{"success":true,"id":7}'
--- timeout: 0.3
--- abort
--- ignore_response
--- wait: 1.5
--- no_error_log
[alert]
exited on signal
