# HTTP/2 clients (README "What a request goes through", step 6): the body
# is read, counted and validated the same way, with and without a
# content-length.  Driven with curl, since Test::Nginx speaks HTTP/1 only.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);
use IO::Socket::INET;
use Time::HiRes qw(sleep);
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;
plan skip_all => 'curl without HTTP/2'
    unless `curl --version 2>/dev/null` =~ /HTTP2/;

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;

my ($gw, $up, $gwu, $upu) = map { EiHmac::free_port() } 1 .. 4;
my $key = 'ei_h2_test_key_5a7c9e1b3d';

EiHmac::write_nginx_conf($dir, $module, 'off', <<"_EOC_");
    server {
        listen 127.0.0.1:$gw http2;
        client_body_buffer_size 1k;

        location /v1/api/ {
            ei_hmac on;
            ei_hmac_api_key $key;
            ei_hmac_max_body_size 4k;
            proxy_pass http://127.0.0.1:$up;
        }
    }

    server {
        listen 127.0.0.1:$up;
        default_type application/json;
        location / {
            if (\$http_x_api_key != "$key") {
                return 401 '{"success":false,"error":"Invalid API key"}';
            }
            if (\$http_content_length != "83") {
                return 400 '{"success":false,"error":"not the canonical body"}';
            }
            return 200 '{"success":true,"id":2}';
        }
    }

    # credential names with "_" for "-", as an HTTP/2 client may send them
    server {
        listen 127.0.0.1:$gwu http2;
        underscores_in_headers on;

        location /v1/api/ {
            ei_hmac on;
            ei_hmac_api_key $key;
            proxy_pass http://127.0.0.1:$upu;
        }
    }

    server {
        listen 127.0.0.1:$upu;
        underscores_in_headers on;
        default_type application/json;
        location / {
            return 200 '{"success":true,"id":"[\$http_x_jwt_token][\$http_proxy_authorization][\$http_x_trace]"}';
        }
    }
_EOC_

my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

my $good = '{"name":"h2","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64",'
         . '"isDevelopmentKey":false}';

sub h2 {
    my ($body, @args) = @_;

    open my $fh, '>', "$dir/payload" or die $!;
    print $fh $body;
    close $fh;

    my $out = `curl -s --http2-prior-knowledge -o - -w '\\n%{http_code} %{http_version}' @args http://127.0.0.1:$gw/v1/api/4/hmackeys 2>&1`;
    my ($resp, $status) = $out =~ /\A(.*)\n(\d+ \d)\z/s;

    return ($status // "none", $resp // $out);
}

my @json = ('-H', "'Content-Type: application/json'");

my ($s, $b) = h2($good, @json, '--data-binary', "\@$dir/payload");
is($s, '200 2', 'HTTP/2 with a length: forwarded');
is($b, '{"success":true,"id":2}', 'HTTP/2 with a length: Studio\'s answer');

($s, $b) = h2($good . (' ' x 2000), @json, '-T', "$dir/payload", '-X', 'POST');
is($s, '200 2', 'HTTP/2, body spilled to a file: forwarded canonical');

($s, $b) = h2($good, '-H', "'Content-Type: text/plain'", '--data-binary', "\@$dir/payload");
is($s, '415 2', 'HTTP/2 wrong media type: 415');
is($b, '{"success":false,"error":"Content-Type must be application/json"}',
   'HTTP/2 wrong media type: JSON');

# A body over the limit is refused without being read: nginx answers 413
# and then resets the stream (RST_STREAM NO_ERROR, RFC 9113 section 8.1),
# which curl 7.88 reports as an error without showing the answer, so the
# log tells what was answered.
h2('x' x 5000, @json, '--data-binary', "\@$dir/payload");
`head -c 6000 /dev/zero | tr '\\0' x | curl -s --http2-prior-knowledge -H 'Content-Type: application/json' -X POST -T - -o /dev/null http://127.0.0.1:$gw/v1/api/4/hmackeys 2>&1`;

($s, $b) = h2('{"name":1}', @json, '--data-binary', "\@$dir/payload");
is($s, '400 2', 'HTTP/2 schema error: 400');

open my $pf, '>', "$dir/payload" or die $!;
print $pf $good;
close $pf;

my $u = `curl -s --http2-prior-knowledge -H 'Content-Type: application/json' -H 'x_jwt_token: client-jwt' -H 'proxy_authorization: Basic Y2xpZW50' -H 'X_Api_Key: client-key' -H 'x_trace: kept' --data-binary \@$dir/payload -w ' %{http_code} %{http_version}' http://127.0.0.1:$gwu/v1/api/4/hmackeys 2>&1`;
is($u, '{"success":true,"id":"[][][kept]"} 200 2',
   'HTTP/2 with underscores_in_headers: credential names with "_" are removed');

kill 'QUIT', $pid;
waitpid($pid, 0);

open my $log, '<', "$dir/error.log" or die $!;
my $text = do { local $/; <$log> };
my @large = $text =~ /ei_hmac rejected_too_large, project "4": "request body is too large: at most 4096 bytes"/g;
is(scalar @large, 2, 'HTTP/2 too large, with and without a length: 413');
like($text, qr/ei_hmac rejected_media_type, project "4"/, 'the 415 is logged');
unlike($text, qr/\[alert\]|\[crit\]|exited on signal/, 'no alert, no crash');

done_testing();
