# A hostile upstream seen by an HTTP/2 client (README "Responses"): an
# error that breaks off or carries an invalid chunk ends in complete JSON,
# never headers then a stream reset, with proxy_buffering on and off; an
# answer that cannot be masked is a 502.  Driven with curl, since
# Test::Nginx speaks HTTP/1 only; the upstream is a raw socket that picks
# its answer by the projectId.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);
use IO::Socket::INET;
use POSIX ();
use lib 't/lib';
use EiHmac;

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;
plan skip_all => 'curl without HTTP/2'
    unless `curl --version 2>/dev/null` =~ /HTTP2/;

my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;

my ($gw, $up) = (EiHmac::free_port(), EiHmac::free_port());
my $key = $EiHmac::Key;

my $json = "Content-Type: application/json\r\n";
my %answer = (
    # Studio rejecting the key, then a chunk that is not one
    1 => "HTTP/1.1 401 Unauthorized\r\n${json}Transfer-Encoding: chunked\r\n"
         . "\r\nzz\r\n",
    # an error body cut off
    2 => "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n"
         . "Content-Length: 100\r\n\r\n0123456789",
    # an error with an invalid chunk
    3 => "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\n"
         . "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n",
    # a compressed answer, then an identity header nginx would believe
    4 => "HTTP/1.1 200 OK\r\n${json}Content-Encoding: gzip\r\n"
         . "Content-Encoding: identity\r\nContent-Length: 2\r\n\r\n\x1f\x8b",
    # 100 then the real answer
    5 => "HTTP/1.1 100 Continue\r\n\r\n" . $EiHmac::Created,
);

# the mock upstream: one answer a connection, chosen by the projectId
my $listen = IO::Socket::INET->new(LocalAddr => "127.0.0.1:$up", Listen => 16,
                                   ReuseAddr => 1) or die "listen: $!";
my $mock = fork() // die "fork: $!";

if ($mock == 0) {
    while (my $c = $listen->accept) {
        my $req = '';
        while ($req !~ /\r\n\r\n/ && sysread($c, my $buf, 4096)) {
            $req .= $buf;
        }
        my ($len) = $req =~ /^Content-Length: (\d+)/mi;
        my ($head) = $req =~ /\A(.*?\r\n\r\n)/s;
        while (length($req) - length($head // '') < ($len // 0)
               && sysread($c, my $buf, 4096))
        {
            $req .= $buf;
        }
        my ($id) = $req =~ m{^POST /\w+/api/(\d+)/hmackeys };
        print $c $answer{$id // 0} // $EiHmac::Created;
        close $c;
    }
    POSIX::_exit(0);
}

close $listen;

EiHmac::write_nginx_conf($dir, $module, 'off', <<"_EOC_");
    server {
        listen 127.0.0.1:$gw http2;

        location /b/api/ {
            ei_hmac on;
            ei_hmac_api_key $key;
            proxy_pass http://127.0.0.1:$up;
        }

        location /u/api/ {
            ei_hmac on;
            ei_hmac_api_key $key;
            proxy_buffering off;
            proxy_pass http://127.0.0.1:$up;
        }
    }
_EOC_

my $pid = EiHmac::start_nginx($nginx, $dir, $gw);

open my $fh, '>', "$dir/payload" or die $!;
print $fh EiHmac::body('h2', $EiHmac::StrongKey);
close $fh;

# curl's exit status too: a stream reset after the headers is an error
sub h2 {
    my ($path) = @_;

    my $out = `curl -s --http2-prior-knowledge -o - -w '\\n%{http_code} %{http_version}' -H 'Content-Type: application/json' --data-binary \@$dir/payload http://127.0.0.1:$gw$path 2>&1; echo " \$?"`;
    my ($resp, $status) = $out =~ /\A(.*)\n(\d+ \d \d+)\n\z/s;

    return ($status // "none", $resp // $out);
}

my $invalid = '{"success":false,"error":"upstream sent an invalid response"}';
my $down = '{"success":false,"error":"upstream is unavailable"}';
my $rejected = q({"success":false,"error":"upstream rejected the gateway's API key"});

for my $mode ('b', 'u') {
    my $how = $mode eq 'b' ? 'buffered' : 'unbuffered';

    is_deeply([h2("/$mode/api/1/hmackeys")], ['502 2 0', $rejected],
              "HTTP/2, $how: a 401 with an invalid chunk is a complete 502");
    is_deeply([h2("/$mode/api/2/hmackeys")], ['502 2 0', $down],
              "HTTP/2, $how: an error cut off is a complete 502");
    is_deeply([h2("/$mode/api/3/hmackeys")], ['502 2 0', $down],
              "HTTP/2, $how: an error with an invalid chunk is a complete 502");
    is_deeply([h2("/$mode/api/4/hmackeys")], ['502 2 0', $invalid],
              "HTTP/2, $how: a compressed answer is refused");
    is_deeply([h2("/$mode/api/5/hmackeys")], ['502 2 0', $invalid],
              "HTTP/2, $how: a 100 then an answer is refused");
    is_deeply([h2("/$mode/api/6/hmackeys")], ['200 2 0', '{"success":true,"id":7}'],
              "HTTP/2, $how: an ordinary answer passes");
}

kill 'QUIT', $pid;
waitpid($pid, 0);
kill 'TERM', $mock;
waitpid($mock, 0);

my $text = EiHmac::slurp("$dir/error.log");
unlike($text, qr/\[alert\]|\[crit\]|exited on signal/, 'no alert, no crash');

done_testing();
