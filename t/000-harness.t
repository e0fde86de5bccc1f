# Self-test of the Test::Nginx runner.  Stock nginx features only, so that
# it passes unchanged under openresty's Test::Nginx and under the compat
# runner in t/compat; the fixed plan checks that both count the same tests.

use Test::Nginx::Socket;

repeat_each(2);
no_shuffle();     # TEST 12 has no --- config and reuses TEST 11's nginx
no_long_string();
env_to_nginx('EI_HMAC_HARNESS=1');

plan tests => repeat_each() * 79;

run_tests();

__DATA__

=== TEST 1: request line defaults, return, no_error_log lines
--- config
    location = /t {
        return 200 "hello\n";
    }
--- request
GET /t
--- response_body
hello
--- no_error_log
[error]
[alert]



=== TEST 2: POST body and more_headers, as proxy_pass forwards them to the mock
--- config
    location = /t {
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host upstream;
    }
--- tcp_listen: $TEST_NGINX_RAND_PORT_1
--- tcp_query eval
"POST /t HTTP/1.0\r\nHost: upstream\r\nConnection: close\r\nContent-Length: 11\r\nX-Foo: bar\r\n\r\nhello world"
--- tcp_reply eval
"HTTP/1.0 200 OK\r\nContent-Length: 3\r\nX-Up: yes\r\n\r\nok\n"
--- more_headers
X-Foo: bar
--- request
POST /t
hello world
--- response_headers
X-Up: yes
Content-Length: 3
--- response_body
ok
--- no_error_log
[error]



=== TEST 3: tcp_reply sub sees the query and returns packets; tcp_query_len
--- config
    location = /echo {
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host upstream;
    }
--- tcp_listen: $TEST_NGINX_RAND_PORT_1
--- tcp_query_len: 57
--- tcp_reply eval
sub {
    my $req = shift;
    my $body = "got " . length($req) . " bytes: " . ($req =~ /^(\S+ \S+)/)[0] . "\n";
    return ["HTTP/1.0 200 OK\r\n",
            "Content-Length: " . length($body) . "\r\n\r\n", $body];
}
--- request
GET /echo
--- response_body
got 57 bytes: GET /echo
--- no_error_log
[error]



=== TEST 4: response_headers: values and absent headers
--- config
    location = /h {
        add_header X-Present yes;
        return 204;
    }
--- request
GET /h
--- error_code: 204
--- response_headers
X-Present: yes
!X-Absent
!Content-Type
--- raw_response_headers_like: ^HTTP/1\.1 204 No Content\r\n
--- no_error_log
[error]



=== TEST 5: 404 from the default location /, error_log substrings
--- config
--- request
GET /missing.html
--- error_code: 404
--- response_headers_like
Content-Type: text/html.*
Server: nginx/\d+\.\d+\.\d+
--- response_body_like: 404 Not Found
--- error_log
[error]
No such file or directory



=== TEST 6: user_files in the html dir, with a modification time
--- config
--- user_files
>>> sub/hello.txt 199801171935.33
hello from a user file
--- request
GET /sub/hello.txt
--- response_headers
Content-Type: text/plain
Last-Modified: Sat, 17 Jan 1998 19:35:33 GMT
--- response_body
hello from a user file



=== TEST 7: pipelined_requests on one connection, a chunked response among them
--- config
    location = /a {
        return 200 "a\n";
    }
    location = /b {
        sub_filter 'x' 'y';
        sub_filter_types *;
        return 201 "bxb\n";
    }
--- pipelined_requests eval
["GET /a", "GET /b"]
--- error_code eval
[200, 201]
--- response_headers eval
["Content-Length: 2", "Transfer-Encoding: chunked"]
--- response_body eval
["a\n", "byb\n"]
--- no_error_log
[error]



=== TEST 8: several requests, one sent in two packets
--- config
    location = /hdr {
        return 200 "$server_protocol|$http_host|$http_connection|$content_length|$http_x_a\n";
    }
--- more_headers
# comment lines are skipped
X-A: 1
--- request eval
["GET /hdr HTTP/1.0",
 ["POST /hdr\nhel", {value => "lo\n", delay_before => 0.05}]]
--- response_body eval
["HTTP/1.0|localhost|close||1\n", "HTTP/1.1|localhost|close|5|1\n"]
--- no_error_log
[error]



=== TEST 9: more_headers replaces Host and Connection; response_body_unlike
--- config
    location = /hdr {
        return 200 "$http_host|$http_connection\n";
    }
--- more_headers
Host: example.com
Connection: close
--- request
GET /hdr
--- response_body_unlike: localhost



=== TEST 10: raw_request sent as it is, in packets
--- config
    location = /a {
        return 200 "raw\n";
    }
--- raw_request eval
["GET /a HT", "TP/1.0\r\n\r\n"]
--- response_headers
Connection: close
--- response_body
raw



=== TEST 11: http_config, main_config and $TEST_NGINX_* expansion
--- main_config
    worker_rlimit_nofile 1024;
--- http_config
    map $uri $answer {
        default "port $TEST_NGINX_SERVER_PORT";
    }
--- config
    location = /m {
        return 200 "$answer $server_port\n";
    }
--- request
GET /m
--- response_body
port $TEST_NGINX_SERVER_PORT $TEST_NGINX_SERVER_PORT
--- error_code_like: ^2\d\d$



=== TEST 12: no config: the previous block's nginx answers
--- request
GET /m
--- response_body_like: ^port \d+ \d+$



=== TEST 13: error_log and no_error_log with eval'ed lists of qr// and strings
--- config
    location = /log {
        return 200 "ok\n";
    }
--- request
GET /log
--- response_body
ok
--- error_log eval
[qr{http request line: "GET /log HTTP/1\.1"}, "http finalize request"]
--- no_error_log eval
[qr/\[(?:error|crit|alert|emerg)\]/, "no such line ever"]



=== TEST 14: per-block log_level
--- config
    location = /q {
        return 200 "quiet\n";
    }
--- log_level: warn
--- request
GET /q
--- response_body
quiet
--- no_error_log
http request line: "GET /q
http finalize request: 0, "/q?"



=== TEST 15: must_die on a bad directive, error_log sees the [emerg]
--- config
    location = /t {
        return a b c;
    }
--- must_die
--- suppress_stderr
--- error_log
[emerg]
invalid number of arguments in "return" directive
--- no_error_log
[error]



=== TEST 16: must_die with the exit code, from main_config
--- main_config
    no_such_directive on;
--- config
--- must_die: 1
--- suppress_stderr
--- error_log
[emerg]
unknown directive "no_such_directive"



=== TEST 17: the mock shuts its writing side: nginx reports the upstream
--- config
    location = /t {
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host upstream;
    }
--- tcp_listen: $TEST_NGINX_RAND_PORT_1
--- tcp_shutdown: 1
--- request
GET /t
--- error_code: 502
--- error_log
upstream prematurely closed connection



=== TEST 18: tcp_no_close: nginx ends the response by its length
--- config
    location = /t {
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
    }
--- tcp_listen: $TEST_NGINX_RAND_PORT_1
--- tcp_no_close
--- tcp_reply eval
"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nopen\n"
--- request
GET /t
--- response_body
open
--- wait: 0.05



=== TEST 19: client timeout with abort and ignore_response
--- config
    location = /slow {
        proxy_pass http://127.0.0.1:$TEST_NGINX_RAND_PORT_1;
    }
--- tcp_listen: $TEST_NGINX_RAND_PORT_1
--- tcp_reply_delay: 1
--- tcp_reply eval
"HTTP/1.0 200 OK\r\n\r\nlate"
--- request
GET /slow
--- timeout: 300ms
--- abort
--- ignore_response
--- no_error_log
[alert]



=== TEST 20: client shutdown after the request
--- config
    location = /a {
        return 200 "a\n";
    }
--- request
GET /a
--- shutdown: 1
--- response_body
a



=== TEST 21: a skipped block would fail
--- config
--- request
GET /nothing
--- error_code: 999
--- SKIP



=== TEST 22: the last block, user_files as a Perl list
--- config
--- user_files eval
[["listed.txt" => "from a list\n"]]
--- request
GET /listed.txt
--- response_body
from a list
--- LAST



=== TEST 23: after LAST, never run
--- config
--- request
GET /nothing
--- error_code: 999
