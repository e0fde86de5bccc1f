# The example configurations of conf/ do what their comments say: listen
# and allow agree, the production example starts without DNS and answers
# 502 in JSON until Studio's name resolves, and the demo stand-in gives
# every created key its own id.  (That every file of conf/ passes nginx -t
# is t/096-readme.t.)  Plain Test::More, since it drives nginx itself.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use lib 't/lib';
use EiHmac qw(slurp);

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

my $body = EiHmac::body('ci', $EiHmac::StrongKey);


# conf/NAME.conf with its placeholders filled in, written to $dir/nginx.conf
sub write_conf {
    my ($name, $dir, @edits) = @_;

    my $text = slurp("conf/$name.conf");

    $text =~ s/\@MODULE\@/$module/g;
    $text =~ s/\@PREFIX\@/$dir/g;
    $text =~ s/\@KEY_FILE\@/$dir\/studio.key/g;
    $text =~ s{access_log /dev/stdout}{access_log $dir/access.log}g;

    while (my ($from, $to) = splice @edits, 0, 2) {
        $text =~ s/$from/$to/g or die "conf/$name.conf: no $from";
    }

    open my $out, '>', "$dir/nginx.conf" or die $!;
    print $out $text;
    close $out;
}


sub stop {
    my ($pid) = @_;

    kill 'QUIT', $pid;
    waitpid $pid, 0;
}


sub post {
    my ($http, $port) = @_;

    return $http->post("http://127.0.0.1:$port/v1/api/1/hmackeys", {
        headers => { 'Content-Type' => 'application/json' },
        content => $body,
    });
}


# An address nginx listens on must be one the allowed clients can reach:
# a listen on one address takes only allow rules that hold it.
for my $path (glob 'conf/*.conf') {
    my $text = slurp($path);
    my @listen = $text =~ /^\s*listen\s+(\d+\.\d+\.\d+\.\d+):\d+/mg;
    my @allow = $text =~ /^\s*allow\s+([\d.\/]+)\s*;/mg;

    my @out;

    for my $net (@allow) {
        my ($base, $bits) = split m{/}, $net;
        $bits //= 32;
        my $mask = $bits ? (~0 << (32 - $bits)) & 0xffffffff : 0;
        my $n = unpack 'N', pack 'C4', split /\./, $base;

        push @out, $net
            if @listen && !grep {
                ((unpack 'N', pack 'C4', split /\./, $_) & $mask)
                    == ($n & $mask)
            } @listen;
    }

    is("@out", '', "$path: every allowed network reaches a listen address");
}


# production without DNS: nginx starts, and a valid request gets 502 JSON
{
    my $dir = tempdir(CLEANUP => 1);
    chmod 0755, $dir;

    open my $key, '>', "$dir/studio.key" or die $!;
    print $key "ei_example_key_for_the_conf_test\n";
    close $key;
    chmod 0600, "$dir/studio.key";

    my ($gw, $dns, $metrics) = map { EiHmac::free_port() } 1 .. 3;

    # the resolver: a port on which nothing answers
    write_conf('production', $dir,
               qr/\@RESOLVER\@/ => "127.0.0.1:$dns",
               qr/resolver_timeout 5s/ => 'resolver_timeout 1s',
               qr/listen 8080;/ => "listen 127.0.0.1:$gw;",
               qr/listen 9145;/ => "listen 127.0.0.1:$metrics;",
               qr/worker_processes auto/ => 'worker_processes 1',
               qr/error_log stderr notice/ => "error_log $dir/error.log");

    my $pid = EiHmac::start_nginx($nginx, $dir, $gw);
    my $r = post(HTTP::Tiny->new(timeout => 10), $gw);

    is($r->{status}, 502, 'production without DNS: 502');
    is($r->{headers}{'content-type'}, 'application/json',
       'production without DNS: JSON');
    is($r->{content}, '{"success":false,"error":"upstream is unavailable"}',
       'production without DNS: the reason');

    my ($text) = EiHmac::scrape($metrics);
    like($text, qr/^ei_hmac_responses_total\{project="any",status="502",source="nginx"\} 1$/m,
         'production: its metrics count the 502');

    stop($pid);

    my $log = slurp("$dir/error.log");
    like($log, qr/studio\.edgeimpulse\.com could not be resolved/,
         'production without DNS: nginx says why');
    unlike($log, qr/\[(alert|emerg|crit)\]/, 'production: no alert');
}


# demo: every created key has its own id, also on one keep-alive connection
{
    my $dir = tempdir(CLEANUP => 1);
    chmod 0755, $dir;

    my ($gw, $up) = map { EiHmac::free_port() } 1 .. 2;

    write_conf('demo', $dir,
               qr/127\.0\.0\.1:8080/ => "127.0.0.1:$gw",
               qr/127\.0\.0\.1:8081/ => "127.0.0.1:$up",
               qr/error_log stderr notice/ => "error_log $dir/error.log");

    my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

    my $keepalive = HTTP::Tiny->new(keep_alive => 1, timeout => 10);
    my @ids;

    for my $http ($keepalive, $keepalive, $keepalive,
                  HTTP::Tiny->new(keep_alive => 0, timeout => 10))
    {
        my $r = post($http, $gw);

        is($r->{status}, 200, 'demo: key created');
        push @ids, $r->{content} =~ /^\{"success":true,"id":([1-9][0-9]*)\}$/
            ? $1 : "not an id: $r->{content}";
    }

    my %seen;
    is(scalar(grep { !$seen{$_}++ } @ids), scalar @ids,
       "demo: every key its own id (@ids)");

    stop($pid);

    unlike(slurp("$dir/error.log"), qr/\[(alert|emerg|crit)\]/,
           'demo: no alert');
}

done_testing();
