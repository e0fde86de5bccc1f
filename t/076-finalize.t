# A refusal is finalized exactly once on every path, also when answering
# it fails (README "Tests": fault injection).  These blocks load the module
# built with its fault injection points, build/faults/ (make test builds
# it): a request carrying "X-EI-Hmac-Fault: reject" fails inside the
# refusal as if an allocation there had failed.  nginx's own 500 then
# answers, in JSON, instead of the request stalling until a timeout.

use Cwd qw(abs_path);

BEGIN {
    my $faults = 'build/faults/ngx_http_ei_hmac_module.so';

    die "t/076-finalize.t needs $faults: run make test\n" unless -f $faults;

    $ENV{TEST_NGINX_LOAD_MODULES} = abs_path($faults);
}

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $Weak = EiHmac::body('ci', 'password1');
our $Strong = EiHmac::body('ci', $EiHmac::StrongKey);

add_block_preprocessor(sub { EiHmac::defaults(shift) });

run_tests();

__DATA__

=== TEST 1: a failure answering a refusal made after the body is a 500, not a stall
--- request eval
"POST /v1/api/1/hmackeys\n$main::Weak"
--- more_headers
Content-Type: application/json
X-EI-Hmac-Fault: reject
--- timeout: 5
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}
--- error_log eval
[qr/\[info\].*ei_hmac rejected_weak_key, project "1"/,
 qr/ei_hmac injected fault "reject"/]



=== TEST 2: a failure answering a refusal made before the body is a 500
--- request eval
"POST /v1/api/1/other\n$main::Strong"
--- more_headers
Content-Type: application/json
X-EI-Hmac-Fault: reject
--- timeout: 5
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}
--- error_log
ei_hmac injected fault "reject"



=== TEST 3: a failure answering a chunked request refused after its body
--- raw_request eval
"POST /v1/api/1/hmackeys HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
. "Content-Type: application/json\r\nX-EI-Hmac-Fault: reject\r\n"
. "Transfer-Encoding: chunked\r\n\r\n"
. sprintf("%x\r\n%s\r\n0\r\n\r\n", length($main::Weak), $main::Weak)
--- timeout: 5
--- error_code: 500
--- response_body chomp
{"success":false,"error":"internal server error"}



=== TEST 4: without the fault the same request is the gateway's 400
--- request eval
"POST /v1/api/1/hmackeys\n$main::Weak"
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 17 bits, at least 128 required"}
--- no_error_log eval
["[alert]", "[emerg]", "[crit]", "injected fault"]
