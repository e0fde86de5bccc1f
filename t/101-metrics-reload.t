# Metrics across workers and reloads (README, "Metrics"): requests on many
# connections spread over two workers (reuseport) are counted exactly once;
# a reload (SIGHUP) keeps the counters when the zone keeps its size and
# resets them when it changes; ei_hmac_api_key_info follows a key
# rotation; a zone too small for the projects warns once per
# configuration; the text passes `promtool check metrics`.  Plain
# Test::More, since it drives one nginx across reloads.

use strict;
use warnings;

use Test::More;
use Digest::SHA qw(sha256_hex);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use List::Util qw(sum0);
use Time::HiRes qw(sleep time);
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

# promtool is a test dependency (make deps): missing, it is a failure
my ($promtool) = grep { -x } map { "$_/promtool" } split /:/, $ENV{PATH};
ok($promtool, 'promtool is installed (Debian package prometheus)')
    or diag('install it with: apt-get install prometheus');

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;

my ($gw, $up, $down) = map { EiHmac::free_port() } 1 .. 3;
my $body = EiHmac::body('ci', $EiHmac::StrongKey);

sub write_key {
    open my $fh, '>', "$dir/studio.key" or die $!;
    print $fh "$_[0]\n";
    close $fh;
    chmod 0600, "$dir/studio.key";
}

sub fingerprint { 'sha256:' . substr(sha256_hex($_[0]), 0, 16) }

sub write_conf {
    my ($zone, $projects) = @_;

    EiHmac::write_nginx_conf($dir, $module, 'on', <<"_EOC_" . EiHmac::standin($up), 2);
    ei_hmac_metrics_zone $zone;
    ei_hmac_api_key_file $dir/studio.key;
    log_format workers '\$pid \$status \$request';

    server {
        listen 127.0.0.1:$gw reuseport;
        access_log $dir/access.log workers;

        location /v1/api/ {
            ei_hmac on;
            ei_hmac_projects $projects;
            proxy_pass http://127.0.0.1:$up;
        }

        location /down/ {
            ei_hmac on;
            proxy_pass http://127.0.0.1:$down;
        }

        location = /metrics {
            ei_hmac_metrics;
        }
    }

_EOC_
}

# each request on its own connection, from four clients at once
sub send_all {
    my @reqs = @_;
    my @kids;

    for my $k (0 .. 3) {
        my $pid = fork() // die "fork: $!";

        if ($pid == 0) {
            my $http = HTTP::Tiny->new(timeout => 5, keep_alive => 0);
            my $bad = 0;

            for (my $i = $k; $i < @reqs; $i += 4) {
                my ($method, $path, $status) = @{ $reqs[$i] };
                my $res = $http->request($method, "http://127.0.0.1:$gw$path", {
                    headers => { 'Content-Type' => 'application/json' },
                    content => $body,
                });
                $bad++ if $res->{status} != $status;
            }

            exit($bad ? 1 : 0);
        }

        push @kids, $pid;
    }

    my $bad = 0;
    for (@kids) {
        waitpid($_, 0);
        $bad++ if $?;
    }

    return $bad == 0;
}

# the samples once every request sent has been counted (a worker counts a
# request after its response, so a scrape may come a moment too early)
sub settled {
    my ($total) = @_;
    my ($text, $s);
    my $end = time() + 5;

    do {
        ($text, $s) = EiHmac::scrape($gw);
        my $n = sum0(map { $s->{$_} } grep { /^ei_hmac_requests_total\{/ }
                                      keys %$s);
        return ($text, $s) if $n >= $total;
        sleep 0.05;
    } while (time() < $end);

    return ($text, $s);
}

sub promtool_ok {
    my ($text, $name) = @_;

    SKIP: {
        skip 'no promtool', 1 unless $promtool;

        open my $fh, '>', "$dir/scrape.txt" or die $!;
        print $fh $text;
        close $fh;

        my $out = `$promtool check metrics < $dir/scrape.txt 2>&1`;
        is($? >> 8, 0, "$name: promtool check metrics is clean")
            or diag($out);
        is($out, '', "$name: promtool has nothing to say");
    }
}

sub workers_of {
    my ($master) = @_;
    return grep { /^\d+$/ } map { s/\s//gr } split /\n/, `ps -o pid= --ppid $master`;
}

# a reload, and the metrics once the workers of the old configuration are
# gone, so that no request reaches them
sub reload {
    my ($pid, $what) = @_;
    my @old = workers_of($pid);
    my $end = time() + 10;

    kill 'HUP', $pid;

    while (time() < $end) {
        my @now = workers_of($pid);
        my %old = map { $_ => 1 } @old;

        return EiHmac::scrape($gw)
            if @now == 2 && !grep { $old{$_} } @now;
        sleep 0.1;
    }

    fail("reload: $what: the old workers did not go");
    return EiHmac::scrape($gw);
}

write_key('ei_metrics_key_before_rotation_0001');
write_conf('1m', '1 2');

my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

# --- many connections, two workers ------------------------------------------

my @mix = ((['POST', '/v1/api/1/hmackeys', 200]) x 20,
           (['POST', '/v1/api/2/hmackeys', 502]) x 8,
           (['POST', '/down/api/1/hmackeys', 502]) x 4,
           (['GET', '/v1/api/1/hmackeys', 405]) x 4,
           (['POST', '/v1/api/7/hmackeys', 403]) x 4);

ok(send_all(@mix), 'every answer had the expected status');

my ($text, $s) = settled(40);

my %want = (
    'ei_hmac_requests_total{project="1",outcome="forwarded"}' => 24,
    'ei_hmac_requests_total{project="2",outcome="forwarded"}' => 8,
    'ei_hmac_requests_total{project="none",outcome="rejected_method"}' => 4,
    'ei_hmac_requests_total{project="any",outcome="rejected_project"}' => 4,
    'ei_hmac_responses_total{project="1",status="200",source="upstream"}' => 20,
    'ei_hmac_responses_total{project="1",status="502",source="nginx"}' => 4,
    'ei_hmac_responses_total{project="2",status="502",source="upstream"}' => 8,
    'ei_hmac_responses_total{project="none",status="405",source="gateway"}' => 4,
    'ei_hmac_responses_total{project="any",status="403",source="gateway"}' => 4,
    'ei_hmac_upstream_api_key_rejected_total{project="2"}' => 8,
    'ei_hmac_upstream_api_key_rejected_total{project="1"}' => 0,
    'ei_hmac_upstream_response_seconds_count{project="1"}' => 24,
    'ei_hmac_upstream_response_seconds_bucket{project="1",le="+Inf"}' => 24,
    'ei_hmac_upstream_response_seconds_count{project="2"}' => 8,
    'ei_hmac_upstream_response_seconds_bucket{project="2",le="+Inf"}' => 8,
);

for my $k (sort keys %want) {
    is($s->{$k}, $want{$k}, "two workers: $k");
}

is(scalar(grep { /^ei_hmac_(requests|responses)_total\{/ } keys %$s), 9,
   'two workers: no other request or response series');
is($s->{'ei_hmac_api_key_info{project="any",source="file",fingerprint="'
        . fingerprint('ei_metrics_key_before_rotation_0001') . '"}'}, 1,
   'the key file\'s fingerprint: sha256: and 16 hex digits of its SHA-256');

open my $log, '<', "$dir/access.log" or die $!;
my %workers = map { (split ' ')[0] => 1 } grep { !/metrics/ } <$log>;
close $log;
is(scalar keys %workers, 2, 'the requests were served by both workers');

promtool_ok($text, 'after the mix');

my $loaded = $s->{ei_hmac_config_loaded_timestamp_seconds};
ok($loaded && abs($loaded - time()) < 60,
   'the configuration was loaded a moment ago');

# --- a reload keeps the counters, and shows the rotated key --------------------

write_key('ei_metrics_key_after_rotation_0002');
my $new_fp = fingerprint('ei_metrics_key_after_rotation_0002');

($text, $s) = reload($pid, 'a rotated key');

for my $k (sort keys %want) {
    is($s->{$k}, $want{$k}, "after a reload: $k kept");
}

is($s->{qq{ei_hmac_api_key_info{project="any",source="file",fingerprint="$new_fp"}}},
   1, 'after the rotation: the new key\'s fingerprint');
is(scalar(grep { /^ei_hmac_api_key_info\{/ } keys %$s), 1,
   'after the rotation: one key, the new one');
ok($s->{ei_hmac_config_loaded_timestamp_seconds} > $loaded,
   'after a reload: a later configuration time');

ok(send_all((['POST', '/v1/api/1/hmackeys', 200]) x 4), 'after a reload: accepted');
($text, $s) = settled(44);
is($s->{'ei_hmac_requests_total{project="1",outcome="forwarded"}'}, 28,
   'after a reload: counting goes on from the kept values');

# --- another zone size starts again from zero ---------------------------------

write_conf('2m', '1 2');

($text, $s) = reload($pid, 'a larger zone');
is(scalar(grep { /^ei_hmac_requests_total/ } keys %$s), 0,
   'a new zone size: no counts yet');

ok(send_all((['POST', '/v1/api/1/hmackeys', 200]) x 1), 'a new zone: accepted');
($text, $s) = settled(1);
is($s->{'ei_hmac_requests_total{project="1",outcome="forwarded"}'}, 1,
   'a new zone size: counted from zero');

# --- a zone too small for the projects: "other", one warning per configuration --

write_conf('32k', join(' ', 1 .. 300));

($text, $s) = reload($pid, 'a small zone');

ok(send_all((['POST', '/v1/api/300/hmackeys', 200]) x 2), 'a full zone: accepted');
($text, $s) = settled(2);
is($s->{'ei_hmac_requests_total{project="other",outcome="forwarded"}'}, 2,
   'a project without a slot is counted as "other"');
promtool_ok($text, 'with "other"');

($text, $s) = reload($pid, 'the same small zone');
is($s->{'ei_hmac_requests_total{project="other",outcome="forwarded"}'}, 2,
   'the same small zone: "other" kept');

kill 'QUIT', $pid;
waitpid($pid, 0);

open $log, '<', "$dir/error.log" or die $!;
my $errors = do { local $/; <$log> };
close $log;

my @full = $errors =~ /\[warn\].*"ei_hmac_metrics_zone" is full: (\d+) projects are counted as "other"/g;
is(scalar @full, 2, 'one "zone is full" warning per configuration');
ok(@full && $full[0] > 200, 'the warning counts the projects without a slot');
unlike($errors, qr/\[alert\]|\[crit\]|\[emerg\]|exited on signal/,
       'no alert, no crash');
unlike($errors, qr/ei_metrics_key_(before|after)_rotation/,
       'the key is never logged');

done_testing();
