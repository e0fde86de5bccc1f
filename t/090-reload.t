# A reload (SIGHUP) with a changed key file: the next request carries the new
# key.  Plain Test::More, since it drives one nginx across a reload.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use POSIX ":sys_wait_h";
use Time::HiRes qw(sleep);
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;

sub write_key {
    open my $fh, '>', "$dir/studio.key" or die $!;
    print $fh "$_[0]\n";
    close $fh;
    chmod 0600, "$dir/studio.key";
}

my ($gw, $up, $slow) = map { EiHmac::free_port() } 1 .. 3;

write_key('ei_key_before_reload_0000');

EiHmac::write_nginx_conf($dir, $module, 'on', <<"_EOC_");
    server {
        listen 127.0.0.1:$gw;
        location /v1/api/ {
            ei_hmac on;
            ei_hmac_api_key_file $dir/studio.key;
            proxy_pass http://127.0.0.1:$up;
        }

        location /slow/ {
            ei_hmac on;
            ei_hmac_api_key_file $dir/studio.key;
            proxy_pass http://127.0.0.1:$slow;
        }
    }

    server {
        listen 127.0.0.1:$up;
        default_type application/json;
        location / {
            if (\$http_x_api_key = "ei_key_before_reload_0000") {
                return 200 '{"success":true,"id":1}';
            }
            if (\$http_x_api_key = "ei_key_after_reload_1111") {
                return 200 '{"success":true,"id":2}';
            }
            return 401 '{"success":false,"error":"Invalid API key"}';
        }
    }
_EOC_

my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

my $http = HTTP::Tiny->new(timeout => 5);
my $body = '{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64",'
         . '"isDevelopmentKey":false}';

sub add_key {
    return $http->post("http://127.0.0.1:$gw/v1/api/1/hmackeys", {
        headers => { 'Content-Type' => 'application/json' },
        content => $body,
    });
}

my $res;
for (1 .. 50) {
    $res = add_key();
    last if $res->{status} != 599;
    sleep 0.1;
}

is($res->{status}, 200, 'before the reload: accepted');
is($res->{content}, '{"success":true,"id":1}', 'before the reload: the first key');

write_key('ei_key_after_reload_1111');
kill 'HUP', $pid;

for (1 .. 50) {
    $res = add_key();
    last if $res->{content} eq '{"success":true,"id":2}';
    sleep 0.1;
}

is($res->{status}, 200, 'after the reload: accepted');
is($res->{content}, '{"success":true,"id":2}', 'after the reload: the new key');

# a request in flight during a reload completes on the old worker
my $srv = IO::Socket::INET->new(Listen => 5, LocalAddr => "127.0.0.1:$slow",
                                Proto => 'tcp', ReuseAddr => 1) or die $!;
my $srv_pid = fork() // die $!;

if ($srv_pid == 0) {
    my $c = $srv->accept;
    my $req = '';
    while ($req !~ /\r\n\r\n.*\}/s) {
        $c->sysread(my $buf, 4096) or last;
        $req .= $buf;
    }
    sleep 1;
    my $answer = '{"success":true,"id":3}';
    $c->syswrite("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 . "Content-Length: " . length($answer)
                 . "\r\nConnection: close\r\n\r\n$answer");
    $c->close;
    exit 0;
}

my $client_pid = fork() // die $!;

if ($client_pid == 0) {
    my $r = $http->post("http://127.0.0.1:$gw/slow/api/1/hmackeys", {
        headers => { 'Content-Type' => 'application/json' },
        content => $body,
    });
    open my $fh, '>', "$dir/inflight" or die;
    print $fh "$r->{status} $r->{content}";
    close $fh;
    exit 0;
}

sleep 0.4;
kill 'HUP', $pid;
waitpid($client_pid, 0);
waitpid($srv_pid, 0);

open my $inflight, '<', "$dir/inflight" or die $!;
is(scalar <$inflight>, '200 {"success":true,"id":3}',
   'a request in flight during a reload completes');
close $inflight;

$res = add_key();
is($res->{content}, '{"success":true,"id":2}', 'after the second reload');

# a reload with a broken key file keeps the running configuration
write_key("two\nlines");
kill 'HUP', $pid;
sleep 0.5;

$res = add_key();
is($res->{content}, '{"success":true,"id":2}', 'a broken key file keeps the old key');

kill 'QUIT', $pid;
waitpid($pid, 0);

open my $log, '<', "$dir/error.log" or die $!;
my $text = do { local $/; <$log> };

like($text, qr/ei_hmac_api_key_file ".*studio\.key" holds more than one line/,
     'the broken key file is reported');
unlike($text, qr/\[alert\]|\[crit\]|exited on signal/, 'no alert, no crash');
unlike($text, qr/ei_key_(before|after)_reload/, 'the key is never logged');

done_testing();
