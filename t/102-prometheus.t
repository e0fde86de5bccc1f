# A real Prometheus scrapes the gateway (README, "Metrics"): Debian's
# prometheus runs on 127.0.0.1 (a free port, scrape and rule interval
# 1 s, conf/prometheus-alerts.yml loaded), and its HTTP query API shows the
# series and values that were counted, and the alert on Studio rejecting
# the gateway's key firing.  The alert rules also pass `promtool check
# rules` and their own `promtool test rules`.  prometheus and promtool are
# test dependencies (make deps): missing, the test fails.

use strict;
use warnings;

use Test::More;
use Cwd qw(getcwd);
use Digest::SHA qw(sha256_hex);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use JSON::PP qw(decode_json);
use Time::HiRes qw(sleep time);
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

sub tool { my ($t) = grep { -x } map { "$_/$_[0]" } split /:/, $ENV{PATH}; $t }

my $prometheus = tool('prometheus');
my $promtool = tool('promtool');

ok($promtool, 'promtool is installed (Debian package prometheus)');
ok($prometheus, 'prometheus is installed (Debian package prometheus)')
    or diag('install it with: apt-get install prometheus');

unless ($prometheus && $promtool) {
    done_testing();
    exit;
}

my $top = getcwd();

my $out = `$promtool check rules $top/conf/prometheus-alerts.yml 2>&1`;
is($? >> 8, 0, 'promtool check rules conf/prometheus-alerts.yml') or diag($out);
like($out, qr/SUCCESS: 3 rules found/, 'three alerting rules');

$out = `cd $top/t/prometheus && $promtool test rules alerts.test.yml 2>&1`;
is($? >> 8, 0, 'promtool test rules: each alert fires when it should')
    or diag($out);

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;

my ($gw, $up, $prom) = map { EiHmac::free_port() } 1 .. 3;
my $key = 'ei_prometheus_test_key_40c1d2e3';
my $fp = 'sha256:' . substr(sha256_hex($key), 0, 16);

open my $fh, '>', "$dir/studio.key" or die $!;
print $fh "$key\n";
close $fh;
chmod 0600, "$dir/studio.key";

EiHmac::write_nginx_conf($dir, $module, 'on', <<"_EOC_" . EiHmac::standin($up), 2);
    ei_hmac_metrics_zone 1m;
    ei_hmac_api_key_file $dir/studio.key;

    server {
        listen 127.0.0.1:$gw;

        location /v1/api/ {
            ei_hmac on;
            ei_hmac_projects 1 2;
            proxy_pass http://127.0.0.1:$up;
        }

        location = /metrics {
            allow 127.0.0.1;
            deny all;
            ei_hmac_metrics;
        }
    }

_EOC_

open $fh, '>', "$dir/prometheus.yml" or die $!;
print $fh <<"_EOC_";
global:
  scrape_interval: 1s
  evaluation_interval: 1s
rule_files:
  - $top/conf/prometheus-alerts.yml
scrape_configs:
  - job_name: ei_hmac
    metrics_path: /metrics
    static_configs:
      - targets: ['127.0.0.1:$gw']
_EOC_
close $fh;

my ($nginx_pid, $prom_pid);

END {
    # stopped by the pids started here, whatever happened
    if ($prom_pid) { kill 'TERM', $prom_pid; waitpid($prom_pid, 0); }
    if ($nginx_pid) { kill 'QUIT', $nginx_pid; waitpid($nginx_pid, 0); }
}

$nginx_pid = EiHmac::start_nginx($nginx, $dir, $gw);

my $http = HTTP::Tiny->new(timeout => 5, keep_alive => 0);
my $body = EiHmac::body('ci', $EiHmac::StrongKey);

sub add_key {
    my ($project) = @_;
    return $http->post("http://127.0.0.1:$gw/v1/api/$project/hmackeys", {
        headers => { 'Content-Type' => 'application/json' },
        content => $body,
    })->{status};
}

is(add_key(1), 200, 'accepted') for 1 .. 3;

$prom_pid = fork() // die "fork: $!";

if ($prom_pid == 0) {
    open STDOUT, '>', "$dir/prometheus.log";
    open STDERR, '>&', \*STDOUT;
    exec $prometheus, "--config.file=$dir/prometheus.yml",
         "--storage.tsdb.path=$dir/data",
         "--web.listen-address=127.0.0.1:$prom", '--log.level=warn';
    die "exec: $!";
}

# one instant query: the samples, as { labels => value }
sub query {
    my ($q) = @_;
    my $res = $http->get("http://127.0.0.1:$prom/api/v1/query?query="
                         . join('', map { sprintf '%%%02X', ord } split //, $q));
    return undef unless $res->{success};
    my $data = eval { decode_json($res->{content}) } or return undef;
    return $data->{data}{result};
}

# the value of a query with one sample, once it is what is expected (or
# after 30 s)
sub value_of {
    my ($q, $want) = @_;
    my $v;
    my $end = time() + 30;

    while (time() < $end) {
        my $r = query($q);
        $v = $r && @$r == 1 ? $r->[0]{value}[1] : undef;
        return $v if defined $v && (!defined $want || $v eq $want);
        sleep 0.25;
    }

    return $v;
}

is(value_of('up{job="ei_hmac"}', '1'), '1', 'Prometheus scrapes the gateway');

is(value_of('ei_hmac_requests_total{project="1",outcome="forwarded"}', '3'),
   '3', 'ei_hmac_requests_total arrives with its value');
is(value_of('ei_hmac_responses_total{project="1",status="200",source="upstream"}',
            '3'), '3', 'ei_hmac_responses_total arrives with its value');
is(value_of('ei_hmac_upstream_response_seconds_count{project="1"}', '3'), '3',
   'the histogram arrives: _count');
is(value_of('ei_hmac_upstream_response_seconds_bucket{project="1",le="+Inf"}',
            '3'), '3', 'the histogram arrives: +Inf bucket');
my $median = value_of('histogram_quantile(0.5, ei_hmac_upstream_response_seconds_bucket{project="1"})');
ok(defined $median && $median > 0 && $median <= 10,
   'Prometheus reads the buckets as a histogram');
is(value_of("ei_hmac_api_key_info{project=\"any\",source=\"file\",fingerprint=\"$fp\"}",
            '1'), '1', 'ei_hmac_api_key_info arrives with the key\'s fingerprint');
is(value_of('count(ei_hmac_build_info{version=~".+",nginx="1.22.1",jansson=~".+",openssl=~".+"})',
            '1'), '1', 'ei_hmac_build_info arrives with its labels');

my $loaded = value_of('ei_hmac_config_loaded_timestamp_seconds');
ok(defined $loaded && abs($loaded - time()) < 120,
   'ei_hmac_config_loaded_timestamp_seconds arrives: a moment ago');

is(value_of('ei_hmac_upstream_api_key_rejected_total{project="2"}', '0'), '0',
   'the key-rejected counter is scraped at 0 before any 401');

my $rules = $http->get("http://127.0.0.1:$prom/api/v1/rules");
my @names = map { $_->{name} } map { @{ $_->{rules} } }
            @{ decode_json($rules->{content})->{data}{groups} };
is_deeply([sort @names], [qw(EiHmacFleetKeyMismatch EiHmacStudioRejectsGatewayKey
                             EiHmacUpstreamErrors)],
          'Prometheus loaded the three alerting rules');

is(add_key(2), 502, 'Studio rejects the gateway\'s key: 502');

is(value_of('ei_hmac_upstream_api_key_rejected_total{project="2"}', '1'), '1',
   'ei_hmac_upstream_api_key_rejected_total counts it');

is(value_of('ALERTS{alertname="EiHmacStudioRejectsGatewayKey",alertstate="firing",project="2"}',
            '1'), '1', 'the alert on Studio rejecting the key fires');

my $r = query('ALERTS{alertname!="EiHmacStudioRejectsGatewayKey",alertstate="firing"}');
is(scalar @{ $r // [] }, 0, 'no other alert fires');

kill 'TERM', $prom_pid;
waitpid($prom_pid, 0);
is($? & 127, 0, 'prometheus stopped by its pid');
$prom_pid = undef;

open my $log, '<', "$dir/error.log" or die $!;
my $errors = do { local $/; <$log> };
close $log;

unlike($errors, qr/\[alert\]|\[crit\]|\[emerg\]|exited on signal/,
       'no alert, no crash');

done_testing();
