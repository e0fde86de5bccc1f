# The hmacKey (README "What a request goes through", steps 9-10, and "How
# hmacKey strength is estimated"): strength, length, denylist and
# development keys.  A refused key is never logged, and nothing is sent
# upstream.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;

# SHA-256 of "please-set-me" and of the strong test key
our $Denylist = <<'_EOF_';
# keys that must never be accepted
c2b852d2a03be7fd89c7c5312ac54fedf26ba9a0d4e99587cf6db11b0236cfca

_EOF_

sub req { "POST /v1/api/1/hmackeys\n" . EiHmac::body('ci', @_) }

add_block_preprocessor(sub { EiHmac::defaults(shift) });

run_tests();

__DATA__

=== TEST 1: an Edge Impulse placeholder key is too weak
--- request eval
main::req('0')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 3 bits, at least 128 required"}
--- error_log
ei_hmac rejected_weak_key, project "1"



=== TEST 2: please-set-me is too weak
--- request eval
main::req('please-set-me')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 52 bits, at least 128 required"}
--- no_error_log
please-set-me
[alert]



=== TEST 3: a run of one character is too weak
--- request eval
main::req('a' x 32)
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 9 bits, at least 128 required"}



=== TEST 4: an ascending sequence is too weak
--- request eval
main::req('0123456789abcdef0123456789abcdef')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 21 bits, at least 128 required"}



=== TEST 5: a keyboard walk is too weak
--- request eval
main::req('qwertyuiopasdfghjklzxcvbnm123456')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 62 bits, at least 128 required"}



=== TEST 6: 64-bit hex is too weak
--- request eval
main::req('3f9a1c0e7b2d4f68')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 64 bits, at least 128 required"}



=== TEST 7: words with digits and symbols are too weak
--- request eval
main::req('edgeimpulse-hmac-key-2024-prod!!')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 100 bits, at least 128 required"}



=== TEST 8: a repeated block is too weak
--- request eval
main::req('k3yk3yk3yk3yk3yk3yk3yk3yk3yk3yk3')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 18 bits, at least 128 required"}



=== TEST 9: an empty key is refused
--- request eval
main::req('')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey must not be empty"}



=== TEST 10: a key with a space is refused
--- request eval
main::req('3f9a1c0e7b2d4f68 a5c9e01b7d3f2a6')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey must be printable ASCII without spaces"}



=== TEST 11: a key with non-ASCII is refused
--- request eval
main::req("3f9a1c0e7b2d4f68a5c9e01b7d3f2a6\\u00e9")
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey must be printable ASCII without spaces"}



=== TEST 12: a key longer than the firmware keeps is refused, saying why
--- request eval
main::req('3f9a1c0e7b2d4f68a5c9e01b7d3f2a64' . '3f9a1c0e7b2d4f68a5c9e01b7d3f2a64')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too long: at most 32 bytes, since Edge Impulse device firmware truncates longer keys"}



=== TEST 13: with ei_hmac_key_max_length 64, a 64-hex-digit key passes
--- config eval
EiHmac::location("        ei_hmac_key_max_length 64;")
--- request eval
main::req('3f9a1c0e7b2d4f68a5c9e01b7d3f2a64' . 'b7e2049d1c6a5f38e0d4c9b1a7f3e625')
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', '3f9a1c0e7b2d4f68a5c9e01b7d3f2a64' . 'b7e2049d1c6a5f38e0d4c9b1a7f3e625'))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 14: ei_hmac_key_min_bits lowers the bar
--- config eval
EiHmac::location("        ei_hmac_key_min_bits 64;")
--- request eval
main::req('3f9a1c0e7b2d4f68')
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', '3f9a1c0e7b2d4f68'))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 15: a key on the denylist is refused whatever its strength
--- config eval
EiHmac::location("        ei_hmac_key_min_bits 0;\n        ei_hmac_key_denylist ../html/deny.txt;")
--- user_files eval
">>> deny.txt\n$main::Denylist"
--- request eval
main::req('please-set-me')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is on the deny list of compromised keys"}
--- error_log
ei_hmac rejected_denylisted, project "1"



=== TEST 16: a key not on the denylist passes it
--- config eval
EiHmac::location("        ei_hmac_key_denylist ../html/deny.txt;")
--- user_files eval
">>> deny.txt\n$main::Denylist"
--- request eval
main::req($main::K)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 17: a development key is refused with ei_hmac_development_keys off
--- config eval
EiHmac::location("        ei_hmac_development_keys off;")
--- request eval
main::req($main::K, 'true')
--- error_code: 403
--- response_body chomp
{"success":false,"error":"development keys are not accepted by this gateway"}
--- error_log
ei_hmac rejected_development_key, project "1"



=== TEST 18: a production key passes with ei_hmac_development_keys off
--- config eval
EiHmac::location("        ei_hmac_development_keys off;")
--- request eval
main::req($main::K, 'false')
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 19: a weak key is never written to the log, even at debug level
--- request eval
main::req('Summer2024!Summer2024!')
--- error_code: 400
--- response_body_like: ^\{"success":false,"error":"hmacKey is too weak: about \d+ bits, at least 128 required"\}$
--- no_error_log
Summer2024
[alert]



=== TEST 20: a weak block repeated up to 1024 bytes is still weak (password x 128)
--- config eval
EiHmac::location("        ei_hmac_key_max_length 1024;")
--- request eval
main::req('password' x 128)
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 19 bits, at least 128 required"}
--- error_log
ei_hmac rejected_weak_key, project "1"



=== TEST 21: a weak block repeated with a tail is still weak (0123456789abcdef x 48 and 5 bytes)
--- config eval
EiHmac::location("        ei_hmac_key_max_length 1024;")
--- request eval
main::req(('0123456789abcdef' x 48) . '01234')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 25 bits, at least 128 required"}



=== TEST 22: a long run broken once a block is still weak (aaaaaaaaaaaaaaab x 64)
--- config eval
EiHmac::location("        ei_hmac_key_max_length 1024;")
--- request eval
main::req('aaaaaaaaaaaaaaab' x 64)
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 28 bits, at least 128 required"}



=== TEST 23: a strong block said twice is as strong as the block
--- config eval
EiHmac::location("        ei_hmac_key_max_length 64;")
--- request eval
main::req('3f9a1c0e7b2d4f68a5c9e01b7d3f2a64' x 2)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', '3f9a1c0e7b2d4f68a5c9e01b7d3f2a64' x 2))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 24: a weak phrase repeated past 256 bytes, then one character more, is weak: the whole key is searched
--- config eval
EiHmac::location("        ei_hmac_key_max_length 1024;")
--- request eval
main::req(('correcthorsebatterystaple' x 40) . '1')
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 87 bits, at least 128 required"}



=== TEST 25: a random key of 1000 bytes is accepted and forwarded whole
--- config eval
EiHmac::location("        ei_hmac_key_max_length 1024;")
--- request eval
use Digest::SHA ();
main::req(substr(join('', map { Digest::SHA::sha256_hex($_) } 1 .. 16), 0, 1000))
--- tcp_query eval
use Digest::SHA ();
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', substr(join('', map { Digest::SHA::sha256_hex($_) } 1 .. 16), 0, 1000)))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 26: a block of 40 random "l" and "1" said five times with one character changed is weak: chance repeats do not hide its period
--- config eval
EiHmac::location("        ei_hmac_key_max_length 256;")
--- request eval
my $k = 'l1l1ll11111llll1lll11ll11lllll11lllllll1' x 5;
substr($k, 100, 1) = 'l';
main::req($k)
--- error_code: 400
--- response_body chomp
{"success":false,"error":"hmacKey is too weak: about 121 bits, at least 128 required"}
--- error_log
ei_hmac rejected_weak_key, project "1"



=== TEST 27: 1024 random "l" and "1" are accepted and forwarded whole
--- config eval
EiHmac::location("        ei_hmac_key_max_length 1024;")
--- request eval
use Digest::SHA ();
(my $k = substr(join('', map { Digest::SHA::sha256_hex($_) } 1 .. 16), 0, 1024)) =~ tr/0-9a-f/l1l1l1l1l1l1l1l1/;
main::req($k)
--- tcp_query eval
use Digest::SHA ();
(my $k = substr(join('', map { Digest::SHA::sha256_hex($_) } 1 .. 16), 0, 1024)) =~ tr/0-9a-f/l1l1l1l1l1l1l1l1/;
EiHmac::upstream_request('/v1/api/1/hmackeys', EiHmac::body('ci', $k))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}
