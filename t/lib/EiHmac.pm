# Shared pieces of the Test::Nginx suites: the usual gateway location, a
# mock Studio answer, and what the upstream must receive.  Plain Perl, so
# that the suites run unchanged under openresty's Test::Nginx and under the
# project's compat runner.

package EiHmac;

use strict;
use warnings;

use Exporter 'import';
use IO::Socket::INET;

our @EXPORT_OK = qw($Key $StrongKey $Created location upstream_request
                    body defaults slurp);

our $Key = 'ei_test_3f1b9c27d64e08a5b7c1e9f2d0a4b6c8';

# 32 lowercase hex digits, as `openssl rand -hex 16` makes them
our $StrongKey = '3f9a1c0e7b2d4f68a5c9e01b7d3f2a64';

our $Created = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    . "Content-Length: 23\r\nConnection: close\r\n\r\n"
    . '{"success":true,"id":7}';


# the gateway's location, with extra directives
sub location {
    my ($extra) = @_;

    $extra //= '';

    return <<"_EOC_";
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "$Key";
$extra
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
_EOC_
}


# a mock upstream answer with a Content-Length, closing its connection
sub reply {
    my ($status, $headers, $body) = @_;

    return "HTTP/1.1 $status\r\n$headers"
        . "Content-Length: " . length($body) . "\r\nConnection: close\r\n\r\n"
        . $body;
}


# the same in chunks; $headers names the Transfer-Encoding
sub chunked_reply {
    my ($status, $headers, @chunks) = @_;

    return "HTTP/1.1 $status\r\n${headers}Connection: close\r\n\r\n"
        . join('', map { sprintf("%x\r\n%s\r\n", length $_, $_) }
                   grep { length } @chunks)
        . "0\r\n\r\n";
}


# a body; undef values are left out, in the order name, hmacKey, dev
sub body {
    my ($name, $key, $dev) = @_;

    $dev //= 'false';

    return qq({"name":"$name","hmacKey":"$key","isDevelopmentKey":$dev});
}


# what proxy_pass sends for a validated request
sub upstream_request {
    my ($path, $body, @headers) = @_;

    return upstream_request_key($Key, $path, $body, @headers);
}


# the same, with another server-held key
sub upstream_request_key {
    my ($key, $path, $body, @headers) = @_;

    return "POST $path HTTP/1.0\r\nHost: studio.test\r\nConnection: close\r\n"
        . "Content-Length: " . length($body) . "\r\n"
        . join('', map { "$_\r\n" } @headers)
        . "Content-Type: application/json\r\nx-api-key: $key\r\n\r\n$body";
}


# defaults for every block of a suite: the gateway location, a mock
# upstream that must receive nothing unless the block says otherwise, JSON
# request and response types, and no alert or crash in the log
sub defaults {
    my ($block, %opt) = @_;

    $block->set_value("config", $opt{config} // location())
        unless defined $block->config;

    $block->set_value("tcp_listen", '$TEST_NGINX_RAND_PORT_1')
        unless defined $block->tcp_listen;

    $block->set_value("tcp_reply", $Created)
        unless defined $block->tcp_reply;

    $block->set_value("tcp_query_len", 0)
        unless defined $block->tcp_query_len || defined $block->tcp_query;

    $block->set_value("more_headers", "Content-Type: application/json")
        unless defined $block->more_headers;

    if (!defined $block->response_headers) {
        my $reqs = $block->pipelined_requests;
        my $json = "Content-Type: application/json";

        $block->set_value("response_headers",
                          ref $reqs ? [($json) x scalar @$reqs] : $json);
    }

    $block->set_value("no_error_log",
                      "[alert]\n[emerg]\n[crit]\nexited on signal\n")
        unless defined $block->no_error_log;
}


# For the suites that drive one nginx themselves (reload, HTTP/2, metrics):
# a free port on 127.0.0.1, a whole nginx.conf in $dir around the given
# servers (with one worker process unless told), and nginx started in the
# foreground, its pid returned.

sub free_port {
    my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1',
                                  LocalPort => 0, Proto => 'tcp') or die $!;
    return $s->sockport;
}


sub write_nginx_conf {
    my ($dir, $module, $master, $servers, $workers) = @_;

    $workers //= 1;

    open my $conf, '>', "$dir/nginx.conf" or die "$dir/nginx.conf: $!";
    print $conf <<"_EOC_";
load_module $module;
daemon off;
master_process $master;
worker_processes $workers;
pid $dir/nginx.pid;
error_log $dir/error.log info;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
$servers
}
_EOC_
    close $conf;
}


# A stand-in for Studio listening on $port: 401 (Studio rejecting the
# gateway's key) for project 2, 200 for every other request.

sub standin {
    my ($port) = @_;

    return <<"_EOC_";
    server {
        listen 127.0.0.1:$port;
        default_type application/json;
        access_log off;

        location /v1/api/2/ {
            return 401 '{"success":false,"error":"Invalid API key"}';
        }

        location / {
            return 200 '{"success":true,"id":7}';
        }
    }
_EOC_
}


# The metrics of a gateway: the text, and a hash of its samples by
# NAME{LABELS} as they are written.

sub scrape {
    my ($port, $path) = @_;
    my %series;

    require HTTP::Tiny;
    my $res = HTTP::Tiny->new(timeout => 5, keep_alive => 0)
        ->get("http://127.0.0.1:$port" . ($path // '/metrics'));

    return ('', {}) unless $res->{success};

    for (split /\n/, $res->{content}) {
        $series{$1} = $2 if /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/;
    }

    return ($res->{content}, \%series);
}


sub start_nginx {
    my ($nginx, $dir, $port) = @_;

    my $pid = fork() // die "fork: $!";

    if ($pid == 0) {
        open STDERR, '>', "$dir/stderr.log";
        exec $nginx, '-p', $dir, '-c', "$dir/nginx.conf", '-e',
             "$dir/error.log";
        die "exec: $!";
    }

    for (1 .. 50) {
        last if IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port");
        select(undef, undef, undef, 0.1);
    }

    return $pid;
}


# the whole of a file
sub slurp {
    my ($path) = @_;

    open my $fh, '<', $path or die "$path: $!";
    local $/;
    return scalar <$fh>;
}

1;
