# Metrics (README "Metrics", and the directives ei_hmac_metrics_zone and
# ei_hmac_metrics): the directives and their nginx -t errors,
# the exposition, and exact counts after a known mix of requests, each on
# its own connection, served by two workers.  Reloads, key rotation,
# promtool and a real Prometheus are in 101-metrics-reload.t and
# 102-prometheus.t, which drive nginx themselves.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;
use Digest::SHA qw(sha256_hex);

no_shuffle();
no_long_string();
master_on();
workers(2);

our $K = $EiHmac::StrongKey;
our $Denied = '9b2e4c6a8d0f13572468ace0bdf19753';
our $FileKey = 'ei_metrics_file_key_5e1c0b7a';

sub req {
    my ($path, $body, $type) = @_;
    return "POST $path\n" . ($body // EiHmac::body('ci', $K));
}

# what Test::Nginx sends as the last request: the metrics, once the
# requests before it have been logged (a worker counts a request after
# its response, so the request line is completed 0.3 s later)
our $Scrape = ["GET /metr", { value => "ics\n", delay_before => 0.3 }];

# the lines of one metric family, exactly, in the order they are written
sub family {
    my ($name, @lines) = @_;
    my $text = join '', map { "$_\n" } @lines;
    return qr/\n# TYPE \Q$name\E [a-z]+\n\Q$text\E# HELP /;
}

our $Gateway = <<"_EOC_";
        ei_hmac_api_key "$EiHmac::Key";
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1;
_EOC_

our $Upstream = EiHmac::standin('$TEST_NGINX_RAND_PORT_1');

add_block_preprocessor(sub {
    my $block = shift;

    if (defined $block->must_die) {
        $block->set_value("request", "GET /\n") unless $block->request;
        $block->set_value("no_error_log", "[alert]\n[crit]\n")
            unless defined $block->no_error_log;
    }

    $block->set_value("no_error_log",
                      "[alert]\n[emerg]\n[crit]\nexited on signal\n")
        unless defined $block->no_error_log;
});

run_tests();

__DATA__

=== TEST 1: a zone smaller than nginx's minimum stops nginx
--- http_config
    ei_hmac_metrics_zone 16k;
--- config
    location = /metrics { ei_hmac_metrics; }
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_metrics_zone" of 16k is too small: at least 32k/



=== TEST 2: ei_hmac_metrics without ei_hmac_metrics_zone stops nginx
--- config
    location = /metrics {
        ei_hmac_metrics;
    }
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_metrics" needs "ei_hmac_metrics_zone" at the http level in .*nginx\.conf:\d+/



=== TEST 3: ei_hmac_metrics with ei_hmac on stops nginx
--- http_config
    ei_hmac_metrics_zone 1m;
--- config eval
"    location /v1/api/ {
        ei_hmac on;
        ei_hmac_metrics;
$main::Gateway
    }"
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_metrics" cannot be used in a location with "ei_hmac on" in .*nginx\.conf:\d+/



=== TEST 4: ei_hmac_metrics_zone belongs to the http level
--- config
    ei_hmac_metrics_zone 1m;
    location = /metrics { ei_hmac_metrics; }
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_metrics_zone" directive is not allowed here/



=== TEST 5: a second ei_hmac_metrics_zone stops nginx
--- http_config
    ei_hmac_metrics_zone 1m;
    ei_hmac_metrics_zone 2m;
--- config
    location = /metrics { ei_hmac_metrics; }
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_metrics_zone" directive is duplicate/



=== TEST 6: a size that is not one stops nginx
--- http_config
    ei_hmac_metrics_zone lots;
--- config
    location = /metrics { ei_hmac_metrics; }
--- must_die
--- error_log eval
qr/\[emerg\].*invalid size "lots" in "ei_hmac_metrics_zone"/



=== TEST 7: GET answers the text format 0.0.4 with every family, HELP and TYPE
--- http_config
    ei_hmac_metrics_zone 64k;
--- config
    location = /metrics { ei_hmac_metrics; }
--- request
GET /metrics
--- response_headers
Content-Type: text/plain; version=0.0.4; charset=utf-8
--- response_body_like eval
my $re = '';
for (['build_info', 'gauge'], ['config_loaded_timestamp_seconds', 'gauge'],
     ['api_key_info', 'gauge'], ['requests_total', 'counter'],
     ['responses_total', 'counter'],
     ['upstream_api_key_rejected_total', 'counter'],
     ['upstream_response_seconds', 'histogram']) {
    $re .= "(?=.*^# HELP ei_hmac_$_->[0] \\S.*\\n# TYPE ei_hmac_$_->[0] $_->[1]\$)";
}
$re .= '(?=.*^ei_hmac_build_info\{version="[^"]+",nginx="1\.\d+\.\d+",'
     . 'jansson="\d[^"]*",openssl="\d[^"]*"\} 1$)';
$re .= '(?=.*^ei_hmac_config_loaded_timestamp_seconds 1\d{9}\.\d{3}$)';
qr/\A$re/ms



=== TEST 8: HEAD answers the headers only, other methods 405 with Allow
--- http_config
    ei_hmac_metrics_zone 64k;
--- config
    location = /metrics { ei_hmac_metrics; }
--- request eval
["HEAD /metrics", "POST /metrics\nx", "DELETE /metrics"]
--- error_code eval
[200, 405, 405]
--- response_headers eval
["Content-Type: text/plain; version=0.0.4; charset=utf-8",
 "Allow: GET, HEAD", "Allow: GET, HEAD"]
--- response_body_like eval
["^\$", "405 Not Allowed", "405 Not Allowed"]



=== TEST 9: exact counts of a known mix of requests, each on its own connection, two workers
--- user_files eval
[["deny.txt", main::sha256_hex($main::Denied) . "\n"]]
--- http_config eval
"    ei_hmac_metrics_zone 64k;
$main::Upstream"
--- config eval
"    location /v1/api/ {
        ei_hmac on;
        ei_hmac_projects 1 2 3 4;
        ei_hmac_max_body_size 1k;
        ei_hmac_development_keys off;
        ei_hmac_key_denylist ../html/deny.txt;
$main::Gateway
    }

    location /down/ {
        ei_hmac on;
        ei_hmac_api_key \"$EiHmac::Key\";
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_2;
    }

    location /nokey/ {
        ei_hmac on;
        ei_hmac_api_key \$http_x_no_such_header;
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1;
    }

    location /rewritten/ {
        rewrite ^ /rewritten/api/1/hmackeys break;
        ei_hmac on;
$main::Gateway
    }

    location /small/ {
        client_max_body_size 10;
        ei_hmac on;
$main::Gateway
    }

    location /denied/ {
        deny all;
        ei_hmac on;
$main::Gateway
    }

    location = /metrics {
        ei_hmac_metrics;
    }"
--- more_headers eval
[("Content-Type: application/json") x 8, "Content-Type: text/plain",
 ("Content-Type: application/json") x 12]
--- request eval
[
    main::req("/v1/api/1/hmackeys"),
    main::req("/v1/api/1/hmackeys"),
    main::req("/v1/api/2/hmackeys"),
    main::req("/down/api/3/hmackeys"),
    "GET /v1/api/1/hmackeys",
    main::req("/v1/api/1/other"),
    main::req("/v1/api/01/hmackeys"),
    main::req("/v1/api/9/hmackeys"),
    main::req("/v1/api/1/hmackeys"),
    "POST /v1/api/1/hmackeys\n",
    main::req("/v1/api/1/hmackeys", EiHmac::body('x' x 1100, $main::K)),
    main::req("/v1/api/1/hmackeys", '{"name":'),
    main::req("/v1/api/1/hmackeys", '{"name":"ci"}'),
    main::req("/v1/api/1/hmackeys", EiHmac::body('ci', 'password1')),
    main::req("/v1/api/1/hmackeys", EiHmac::body('ci', $main::Denied)),
    main::req("/v1/api/1/hmackeys", EiHmac::body('ci', $main::K, 'true')),
    main::req("/nokey/api/4/hmackeys"),
    main::req("/rewritten/api/1/hmackeys"),
    main::req("/small/api/1/hmackeys"),
    main::req("/denied/api/1/hmackeys"),
    $main::Scrape,
]
--- error_code eval
[200, 200, 502, 502, 405, 404, 400, 403, 415, 400, 413, 400, 400, 400, 400,
 403, 500, 500, 413, 403, 200]
--- response_body_like eval
[(qr/^\{"success":/) x 20, qr/
    (?=.*${\ main::family('ei_hmac_requests_total',
        'ei_hmac_requests_total{project="none",outcome="rejected_method"} 1',
        'ei_hmac_requests_total{project="none",outcome="rejected_uri"} 1',
        'ei_hmac_requests_total{project="none",outcome="rejected_project_id"} 1',
        'ei_hmac_requests_total{project="none",outcome="error_internal"} 1',
        'ei_hmac_requests_total{project="none",outcome="none"} 2',
        'ei_hmac_requests_total{project="any",outcome="rejected_project"} 1',
        'ei_hmac_requests_total{project="1",outcome="forwarded"} 2',
        'ei_hmac_requests_total{project="1",outcome="rejected_media_type"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_empty"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_too_large"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_json"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_schema"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_weak_key"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_denylisted"} 1',
        'ei_hmac_requests_total{project="1",outcome="rejected_development_key"} 1',
        'ei_hmac_requests_total{project="2",outcome="forwarded"} 1',
        'ei_hmac_requests_total{project="3",outcome="forwarded"} 1',
        'ei_hmac_requests_total{project="4",outcome="error_no_key"} 1')})
    (?=.*${\ main::family('ei_hmac_responses_total',
        'ei_hmac_responses_total{project="none",status="400",source="gateway"} 1',
        'ei_hmac_responses_total{project="none",status="403",source="nginx"} 1',
        'ei_hmac_responses_total{project="none",status="404",source="gateway"} 1',
        'ei_hmac_responses_total{project="none",status="405",source="gateway"} 1',
        'ei_hmac_responses_total{project="none",status="413",source="nginx"} 1',
        'ei_hmac_responses_total{project="none",status="500",source="gateway"} 1',
        'ei_hmac_responses_total{project="any",status="403",source="gateway"} 1',
        'ei_hmac_responses_total{project="1",status="200",source="upstream"} 2',
        'ei_hmac_responses_total{project="1",status="400",source="gateway"} 5',
        'ei_hmac_responses_total{project="1",status="403",source="gateway"} 1',
        'ei_hmac_responses_total{project="1",status="413",source="gateway"} 1',
        'ei_hmac_responses_total{project="1",status="415",source="gateway"} 1',
        'ei_hmac_responses_total{project="2",status="502",source="upstream"} 1',
        'ei_hmac_responses_total{project="3",status="502",source="nginx"} 1',
        'ei_hmac_responses_total{project="4",status="500",source="gateway"} 1')})
    (?=.*${\ main::family('ei_hmac_upstream_api_key_rejected_total',
        'ei_hmac_upstream_api_key_rejected_total{project="any"} 0',
        'ei_hmac_upstream_api_key_rejected_total{project="1"} 0',
        'ei_hmac_upstream_api_key_rejected_total{project="2"} 1',
        'ei_hmac_upstream_api_key_rejected_total{project="3"} 0',
        'ei_hmac_upstream_api_key_rejected_total{project="4"} 0')})
    (?=.*^ei_hmac_upstream_response_seconds_bucket\{project="1",le="\+Inf"\}\ 2$)
    (?=.*^ei_hmac_upstream_response_seconds_count\{project="1"\}\ 2$)
    (?=.*^ei_hmac_upstream_response_seconds_bucket\{project="2",le="\+Inf"\}\ 1$)
    (?=.*^ei_hmac_upstream_response_seconds_count\{project="2"\}\ 1$)
    (?=.*^ei_hmac_upstream_response_seconds_bucket\{project="3",le="\+Inf"\}\ 1$)
    (?=.*^ei_hmac_upstream_response_seconds_count\{project="3"\}\ 1$)
    (?!.*^ei_hmac_upstream_response_seconds_count\{project="(?:none|any|4)"\})
/msx]
--- no_error_log
[alert]
[crit]
[emerg]
exited on signal



=== TEST 10: ei_hmac_api_key_info: the first 16 hex digits of the key file's SHA-256, once per key
--- user_files eval
[["studio.key", "$main::FileKey\n"]]
--- http_config
    ei_hmac_metrics_zone 64k;
    ei_hmac_api_key_file ../html/studio.key;
--- config eval
"    location /v1/api/ {
        ei_hmac on;
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1;
    }

    location /other/ {
        ei_hmac on;
        ei_hmac_api_key_file ../html/studio.key;
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1;
    }

    location = /metrics { ei_hmac_metrics; }"
--- request
GET /metrics
--- response_body_like eval
my $fp = 'sha256:' . substr(main::sha256_hex($main::FileKey), 0, 16);
main::family('ei_hmac_api_key_info',
    qq{ei_hmac_api_key_info{project="any",source="file",fingerprint="$fp"} 1})
--- no_error_log
[alert]
[crit]
[emerg]



=== TEST 11: a zone too small for the projects counts the rest as "other"
--- http_config eval
"    ei_hmac_metrics_zone 32k;
$main::Upstream"
--- config eval
"    location /v1/api/ {
        ei_hmac on;
        ei_hmac_projects " . CORE::join(' ', 1 .. 300) . ";
$main::Gateway
    }

    location = /metrics { ei_hmac_metrics; }"
--- more_headers
Content-Type: application/json
--- request eval
[main::req("/v1/api/1/hmackeys"), main::req("/v1/api/300/hmackeys"),
 main::req("/v1/api/301/hmackeys"), $main::Scrape]
--- error_code eval
[200, 200, 403, 200]
--- response_body_like eval
[qr/^\{"success":true/, qr/^\{"success":true/, qr/^\{"success":false/, qr/
    (?=.*^ei_hmac_requests_total\{project="1",outcome="forwarded"\}\ 1$)
    (?=.*^ei_hmac_requests_total\{project="other",outcome="forwarded"\}\ 1$)
    (?=.*^ei_hmac_requests_total\{project="any",outcome="rejected_project"\}\ 1$)
    (?=.*^ei_hmac_responses_total\{project="other",status="200",source="upstream"\}\ 1$)
    (?!.*project="300")
/msx]
