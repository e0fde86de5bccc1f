# $ei_hmac_key_fingerprint is made only when something reads it (the
# digest is skipped otherwise): a reload (SIGHUP) that starts reading it
# gets it at once, a key that the canonical body escapes has the
# fingerprint of the key itself, and a reload that stops reading it leaves
# the requests as they were.  Plain Test::More, since it drives one nginx
# across reloads.

use strict;
use warnings;

use Test::More;
use Digest::SHA qw(sha256_hex);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use Time::HiRes qw(sleep);
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;

my ($gw, $up) = map { EiHmac::free_port() } 1 .. 2;

# the fingerprint read by add_header and by the access log, or not at all
sub conf {
    my ($read) = @_;
    my $header = $read
        ? 'add_header X-Fingerprint "[$ei_hmac_key_fingerprint]" always;'
        : 'add_header X-Fingerprint "none" always;';
    my $log = $read
        ? "access_log $dir/fp.log fp;"
        : 'access_log off;';

    EiHmac::write_nginx_conf($dir, $module, 'on', <<"_EOC_");
    log_format fp 'fp=[\$ei_hmac_key_fingerprint] outcome=[\$ei_hmac_outcome]';

    server {
        listen 127.0.0.1:$gw;
        location /v1/api/ {
            ei_hmac on;
            ei_hmac_api_key "ei_reload_fp_key_0000";
            ei_hmac_development_keys off;
            $header
            $log
            proxy_pass http://127.0.0.1:$up;
        }
    }
@{[ EiHmac::standin($up) ]}
_EOC_
}

my $http = HTTP::Tiny->new(timeout => 5);

# a strong key, and one with a quote and a backslash that the canonical
# body escapes
my $key = '3f9a1c0e7b2d4f68a5c9e01b7d3f2a64';
my $odd = 'Zq7"Kp2\\xW9@mR4$vT6&nB8*cY3^hJ5%';

sub fp { 'sha256:' . substr(sha256_hex($_[0]), 0, 16) }

sub json_string {
    my ($s) = @_;
    $s =~ s/(["\\])/\\$1/g;
    return "\"$s\"";
}

sub add_key {
    my ($k, $dev) = @_;
    return $http->post("http://127.0.0.1:$gw/v1/api/1/hmackeys", {
        headers => { 'Content-Type' => 'application/json' },
        content => '{"name":"ci","hmacKey":' . json_string($k)
                   . ',"isDevelopmentKey":' . ($dev ? 'true' : 'false') . '}',
    });
}

sub reload_until {
    my ($want) = @_;
    my $res;
    for (1 .. 50) {
        $res = add_key($key);
        last if ($res->{headers}{'x-fingerprint'} // '') eq $want;
        sleep 0.1;
    }
    return $res;
}

conf(0);
my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

my $res;
for (1 .. 50) {
    $res = add_key($key);
    last if $res->{status} != 599;
    sleep 0.1;
}

is($res->{status}, 200, 'not read: accepted');
is($res->{headers}{'x-fingerprint'}, 'none', 'not read: nothing reads it');

# the reload adds a reader of the variable
conf(1);
kill 'HUP', $pid;

$res = reload_until('[' . fp($key) . ']');
is($res->{status}, 200, 'read after a reload: accepted');
is($res->{headers}{'x-fingerprint'}, '[' . fp($key) . ']',
   'read after a reload: the fingerprint of the key');

$res = add_key($odd);
is($res->{status}, 200, 'an escaped key: accepted');
is($res->{headers}{'x-fingerprint'}, '[' . fp($odd) . ']',
   'an escaped key: the fingerprint of the key, not of its escaped form');

$res = add_key($key, 1);
is($res->{status}, 403, 'a development key: refused');
is($res->{headers}{'x-fingerprint'}, '[' . fp($key) . ']',
   'a refused development key: its fingerprint');

$res = $http->post("http://127.0.0.1:$gw/v1/api/1/hmackeys", {
    headers => { 'Content-Type' => 'application/json' },
    content => '{"name":"ci","hmacKey":"password1","isDevelopmentKey":false}',
});
is($res->{status}, 400, 'a weak key: refused');
is($res->{headers}{'x-fingerprint'}, '[]', 'a weak key: no fingerprint');

# and a reload that stops reading it
conf(0);
kill 'HUP', $pid;

$res = reload_until('none');
is($res->{status}, 200, 'no longer read: accepted');
is($res->{headers}{'x-fingerprint'}, 'none', 'no longer read: not sent');

kill 'QUIT', $pid;
waitpid($pid, 0);

my $log = EiHmac::slurp("$dir/fp.log");
like($log, qr/^fp=\[\Q@{[ fp($key) ]}\E\] outcome=\[forwarded\]$/m,
     'the access log has the fingerprint of a forwarded key');
like($log, qr/^fp=\[\Q@{[ fp($key) ]}\E\] outcome=\[rejected_development_key\]$/m,
     'the access log has the fingerprint of a refused development key');

my $text = EiHmac::slurp("$dir/error.log");
unlike($text, qr/\[alert\]|\[crit\]|\[emerg\]|exited on signal/,
       'no alert, no crash');
unlike($text, qr/\Q$key\E|ei_reload_fp_key/, 'no key is logged');

done_testing();
