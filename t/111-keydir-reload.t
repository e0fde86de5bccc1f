# Rotating per-project keys (README, "Operations"): a key file replaced and
# nginx reloaded (SIGHUP); a request in flight finishes with the old key,
# the next ones get the new key, ei_hmac_api_key_info shows the new
# fingerprint; a broken file fails the reload naming it and the old keys
# keep serving; nginx -t reports stray and broken files.  Plain Test::More,
# since it drives one nginx across reloads.

use strict;
use warnings;

use Test::More;
use Digest::SHA qw(sha256_hex);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use Time::HiRes qw(sleep);
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

my $dir = tempdir(CLEANUP => 1);
my $keys = "$dir/keys";
mkdir $keys, 0700 or die $!;

my %key = (old1 => 'ei_rot_key_1_before_0000', new1 => 'ei_rot_key_1_after_1111',
           k2 => 'ei_rot_key_2_2222', k3 => 'ei_rot_key_3_3333');

# written next to the folder and renamed into it, as an operator should:
# a reload never sees a half-written file
sub put_key {
    my ($name, $text) = @_;
    open my $fh, '>', "$dir/tmp.key" or die $!;
    print $fh $text;
    close $fh;
    chmod 0600, "$dir/tmp.key";
    rename "$dir/tmp.key", "$keys/$name" or die $!;
}

put_key('1.key', "$key{old1}\n");
put_key('2.key', "$key{k2}\n");

my ($gw, $up, $slow) = map { EiHmac::free_port() } 1 .. 3;

EiHmac::write_nginx_conf($dir, $module, 'on', <<"_EOC_");
    ei_hmac_metrics_zone 64k;

    map \$http_x_api_key \$key_of {
        default              "none";
        "$key{old1}"  "old1";
        "$key{new1}"  "new1";
        "$key{k2}"    "k2";
        "$key{k3}"    "k3";
    }

    server {
        listen 127.0.0.1:$gw;
        location /v1/api/ {
            ei_hmac on;
            ei_hmac_api_key_dir $keys;
            proxy_pass http://127.0.0.1:$up;
        }

        location /slow/ {
            ei_hmac on;
            ei_hmac_api_key_dir $keys;
            proxy_pass http://127.0.0.1:$slow;
        }

        location = /metrics { ei_hmac_metrics; }
    }

    server {
        listen 127.0.0.1:$up;
        default_type application/json;
        location / {
            return 200 '{"success":true,"key":"\$key_of"}';
        }
    }
_EOC_

my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

my $http = HTTP::Tiny->new(timeout => 5, keep_alive => 0);
my $body = '{"name":"ci","hmacKey":"3f9a1c0e7b2d4f68a5c9e01b7d3f2a64",'
         . '"isDevelopmentKey":false}';

sub add_key {
    my ($project, $prefix) = @_;
    my $r = $http->post("http://127.0.0.1:$gw/" . ($prefix // 'v1')
                        . "/api/$project/hmackeys", {
        headers => { 'Content-Type' => 'application/json' },
        content => $body,
    });
    return "$r->{status} $r->{content}";
}

sub fingerprint { 'sha256:' . substr(sha256_hex($_[0]), 0, 16) }

sub key_info {
    my ($project) = @_;
    my (undef, $series) = EiHmac::scrape($gw);
    my @fp = map { /fingerprint="([^"]+)"/ ? $1 : () }
             grep { /^ei_hmac_api_key_info\{project="$project",source="dir"/ }
             keys %$series;
    return join ',', sort @fp;
}

my $res;
for (1 .. 50) {
    $res = add_key(1);
    last if $res !~ /^599/;
    sleep 0.1;
}

is($res, '200 {"success":true,"key":"old1"}', 'before: project 1 gets its key');
is(add_key(2), '200 {"success":true,"key":"k2"}', 'before: project 2 gets its key');
is(add_key(3), '403 {"success":false,"error":"project is not served by this gateway"}',
   'before: project 3 has no file and no fallback');
is(key_info(1), fingerprint($key{old1}), 'before: the fingerprint of 1.key');

# a request in flight: the slow upstream records the key it was sent, then
# answers once 1.key has been replaced and nginx reloaded
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
    my ($got) = $req =~ /^x-api-key: (.*?)\r$/mi;
    open my $fh, '>', "$dir/inflight-key.tmp" or die;
    print $fh $got // '';
    close $fh;
    rename "$dir/inflight-key.tmp", "$dir/inflight-key";
    sleep 0.1 until -e "$dir/reloaded";
    my $answer = '{"success":true,"id":3}';
    $c->syswrite("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                 . "Content-Length: " . length($answer)
                 . "\r\nConnection: close\r\n\r\n$answer");
    $c->close;
    exit 0;
}
close $srv;

my $client_pid = fork() // die $!;

if ($client_pid == 0) {
    my $r = add_key(1, 'slow');
    open my $fh, '>', "$dir/inflight" or die;
    print $fh $r;
    close $fh;
    exit 0;
}

for (1 .. 50) {
    last if -e "$dir/inflight-key";
    sleep 0.1;
}

put_key('1.key', "$key{new1}\n");
put_key('3.key', $key{k3});
kill 'HUP', $pid;

for (1 .. 50) {
    $res = add_key(1);
    last if $res eq '200 {"success":true,"key":"new1"}';
    sleep 0.1;
}

is($res, '200 {"success":true,"key":"new1"}', 'after: project 1 gets the new key');

open my $done, '>', "$dir/reloaded" or die $!;
close $done;
waitpid($client_pid, 0);
waitpid($srv_pid, 0);

is(EiHmac::slurp("$dir/inflight-key"), $key{old1},
   'the request in flight was sent with the old key');
is(EiHmac::slurp("$dir/inflight"), '200 {"success":true,"id":3}',
   'the request in flight completes');
is(add_key(2), '200 {"success":true,"key":"k2"}', 'after: project 2 keeps its key');
is(add_key(3), '200 {"success":true,"key":"k3"}', 'after: a new file serves project 3');
is(key_info(1), fingerprint($key{new1}), 'after: the fingerprint of the new 1.key');
is(key_info(3), fingerprint($key{k3}), 'after: the fingerprint of 3.key');

# a broken file fails the reload; the old keys keep serving
put_key('2.key', "two\nlines\n");
put_key('1.key', "ei_rot_key_1_never_used\n");
kill 'HUP', $pid;
sleep 1;

is(add_key(1), '200 {"success":true,"key":"new1"}', 'broken reload: 1 keeps the running key');
is(add_key(2), '200 {"success":true,"key":"k2"}', 'broken reload: 2 keeps the running key');
is(key_info(1), fingerprint($key{new1}), 'broken reload: the running fingerprint');

# nginx -t names the broken file, and warns about stray names
put_key('notes.txt', "not a key\n");
my $t = `$nginx -t -p $dir -c $dir/nginx.conf -e $dir/test.log 2>&1`;
isnt($?, 0, 'nginx -t fails on a broken file');
like($t, qr/\[emerg\] ei_hmac_api_key_dir "\Q$keys\E\/2\.key" holds more than one line/,
     'nginx -t names the broken file');

put_key('2.key', "$key{k2}\n");
$t = `$nginx -t -p $dir -c $dir/nginx.conf -e $dir/test.log 2>&1`;
is($?, 0, 'nginx -t passes once the file is fixed');
like($t, qr/\[warn\] ei_hmac_api_key_dir "\Q$keys\E" ignores "notes\.txt"/,
     'nginx -t warns about a stray name');

kill 'QUIT', $pid;
waitpid($pid, 0);

my $text = EiHmac::slurp("$dir/error.log");

like($text, qr/\[emerg\].*ei_hmac_api_key_dir "\Q$keys\E\/2\.key" holds more than one line/,
     'the failed reload names the broken file');
unlike($text, qr/\[alert\]|\[crit\]|exited on signal/, 'no alert, no crash');
unlike($text, qr/ei_rot_key_/, 'no key is ever logged');

done_testing();
