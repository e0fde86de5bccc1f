# Per-project keys from a folder (README, ei_hmac_api_key_dir): each
# project gets exactly its own key upstream, a project without a file gets
# the location's key, or 403 with nothing sent when there is none; stray
# names are ignored (with a warn, silently when hidden), broken files and a
# missing folder stop nginx naming the file; a folder of 1,000 projects.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;
use Digest::SHA qw(sha256_hex);
use File::Temp qw(tempdir);

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;

sub key_of { sprintf 'ei_dir_key_%d_7c3a9e', $_[0] }

sub put {
    my ($dir, $name, $text, $mode) = @_;
    open my $fh, '>', "$dir/$name" or die "$dir/$name: $!";
    print $fh $text;
    close $fh;
    chmod $mode // 0600, "$dir/$name";
}

sub folder {
    my $dir = tempdir(CLEANUP => 1);
    chmod 0700, $dir;
    put($dir, $_->[0], $_->[1]) for @_;
    return $dir;
}

# 42 and 7 have a file; 5 is mounted as Kubernetes mounts a secret (a
# symbolic link into the hidden ..data folder)
our $Dir = folder(['42.key', key_of(42) . "\n"], ['7.key', key_of(7)]);
mkdir "$Dir/..2026_12_03" or die $!;
put("$Dir/..2026_12_03", '5.key', key_of(5) . "\n");
symlink '..2026_12_03', "$Dir/..data" or die $!;
symlink '..data/5.key', "$Dir/5.key" or die $!;

# notes.txt, 042.key and 0.key are not keys
our $StrayDir = folder(['42.key', key_of(42) . "\n"],
                       ['notes.txt', "rotate monthly\n"],
                       ['042.key', "not-this-one\n"], ['0.key', "nor-this\n"],
                       ['.hidden.key', "nor-this\n"]);

our $EmptyDir = folder(['1.key', key_of(1)], ['13.key', '']);
our $CrDir = folder(['13.key', key_of(13) . "\r\n"]);
our $SubDir = folder(['1.key', key_of(1)]);
mkdir "$SubDir/13.key" or die $!;
our $Missing = tempdir(CLEANUP => 1) . '/none';
our $LooseDir = folder(['3.key', key_of(3)]);
chmod 0644, "$LooseDir/3.key";

our $Thousand = folder(map { ["$_.key", key_of($_) . "\n"] } 1 .. 1000);
our @Some = (1, 2, 3, map { $_ * 10 - 1 } 1 .. 100);

# an upstream that answers which project's key it received
our $Which = "    map \$http_x_api_key \$key_of {\n        default 0;\n"
    . join('', map { '        "' . key_of($_) . "\" $_;\n" } 1 .. 1000)
    . "    }\n";

sub req { "POST /v1/api/$_[0]/hmackeys\n" . EiHmac::body('ci', $K) }

sub dir_location {
    my ($dir, $extra) = @_;
    return <<"_EOC_";
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key_dir $dir;
$extra
        proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1;
        proxy_set_header Host studio.test;
    }
_EOC_
}

add_block_preprocessor(sub {
    my $block = shift;

    if (defined $block->must_die) {
        $block->set_value("request", "GET /\n") unless $block->request;
        $block->set_value("no_error_log", "[alert]\n[crit]\n")
            unless defined $block->no_error_log;
    }

    EiHmac::defaults($block);
});

run_tests();

__DATA__

=== TEST 1: project 42 gets the key of 42.key upstream
--- config eval
main::dir_location($main::Dir, '')
--- request eval
main::req(42)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(42), '/v1/api/42/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 2: project 7 gets the key of 7.key (a file without a trailing LF)
--- config eval
main::dir_location($main::Dir, '')
--- request eval
main::req(7)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(7), '/v1/api/7/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 3: a key mounted as Kubernetes mounts secrets (a link into ..data) is used
--- config eval
main::dir_location($main::Dir, '')
--- request eval
main::req(5)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(5), '/v1/api/5/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 4: a project without a file gets the location's ei_hmac_api_key
--- config eval
main::dir_location($main::Dir, qq{        ei_hmac_api_key "$EiHmac::Key";})
--- request eval
main::req(99)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/99/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 5: a project with a file gets its own key, not the fallback
--- config eval
main::dir_location($main::Dir, qq{        ei_hmac_api_key "$EiHmac::Key";})
--- request eval
main::req(42)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(42), '/v1/api/42/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 6: the fallback may be an ei_hmac_api_key_file set at the http level
--- user_files eval
[["studio.key", "$EiHmac::Key\n"]]
--- http_config
    ei_hmac_api_key_file ../html/studio.key;
--- config eval
main::dir_location($main::Dir, '')
--- request eval
main::req(43)
--- tcp_query eval
EiHmac::upstream_request('/v1/api/43/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 7: without a file and without a fallback: 403, nothing sent upstream
--- config eval
main::dir_location($main::Dir, '')
--- request eval
main::req(99)
--- error_code: 403
--- response_body chomp
{"success":false,"error":"project is not served by this gateway"}
--- error_log
ei_hmac rejected_project, project "99"



=== TEST 8: stray names are ignored with a warn, hidden ones silently; 042.key is not 42's
--- config eval
main::dir_location($main::StrayDir, '')
--- request eval
main::req(42)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(42), '/v1/api/42/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- error_log eval
[qr/\[warn\].*ei_hmac_api_key_dir ".*" ignores "notes\.txt": not named "<projectId>\.key"/,
 qr/\[warn\].*ei_hmac_api_key_dir ".*" ignores "042\.key"/,
 qr/\[warn\].*ei_hmac_api_key_dir ".*" ignores "0\.key"/]
--- no_error_log eval
[qr/ignores "\./, 'not-this-one', 'nor-this', '[emerg]', '[alert]']



=== TEST 9: a hidden folder and its links are not warned about
--- config eval
main::dir_location($main::Dir, '')
--- request eval
main::req(7)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(7), '/v1/api/7/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- no_error_log eval
[qr/ignores/, '[warn]', '[emerg]', '[alert]']



=== TEST 10: an empty key file stops nginx, naming the file
--- config eval
main::dir_location($main::EmptyDir, '')
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_dir ".*\/13\.key" is empty/



=== TEST 11: a key file with a CR stops nginx, naming the file
--- config eval
main::dir_location($main::CrDir, '')
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_dir ".*\/13\.key" holds a carriage return/



=== TEST 12: a folder named like a key stops nginx
--- config eval
main::dir_location($main::SubDir, '')
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_dir ".*\/13\.key" is not a regular file/



=== TEST 13: a missing folder stops nginx
--- config eval
main::dir_location($main::Missing, '')
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_dir ".*\/none" cannot be opened/



=== TEST 14: a key file readable by others is used, with a warn naming it
--- config eval
main::dir_location($main::LooseDir, '')
--- request eval
main::req(3)
--- tcp_query eval
EiHmac::upstream_request_key(main::key_of(3), '/v1/api/3/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- error_log eval
qr/\[warn\].*ei_hmac_api_key_dir ".*\/3\.key" is readable by group or others/



=== TEST 15: a folder of 1,000 projects: each gets exactly its own key
--- http_config eval
$main::Which . <<"_EOC_"
    server {
        listen 127.0.0.1:\$TEST_NGINX_RAND_PORT_2;
        default_type application/json;
        location / {
            return 200 '{"success":true,"id":\$key_of}';
        }
    }
_EOC_
--- config eval
main::dir_location($main::Thousand, '') =~ s/RAND_PORT_1/RAND_PORT_2/r
--- request eval
[map { main::req($_) } @main::Some]
--- error_code eval
[(200) x @main::Some]
--- response_body eval
[map { qq({"success":true,"id":$_}) } @main::Some]
--- response_headers eval
[("Content-Type: application/json") x @main::Some]



=== TEST 16: a folder of 1,000 projects: one not in it is refused
--- config eval
main::dir_location($main::Thousand, '')
--- request eval
main::req(1001)
--- error_code: 403
--- response_body chomp
{"success":false,"error":"project is not served by this gateway"}



=== TEST 17: ei_hmac_api_key_info shows each folder key's fingerprint
--- http_config
    ei_hmac_metrics_zone 64k;
--- config eval
main::dir_location($main::Dir, '') . "    location = /metrics { ei_hmac_metrics; }\n"
--- request
GET /metrics
--- response_headers
Content-Type: text/plain; version=0.0.4; charset=utf-8
--- response_body_like eval
my $re = '';
for my $id (5, 7, 42) {
    my $fp = 'sha256:' . substr(main::sha256_hex(main::key_of($id)), 0, 16);
    $re .= qq{ei_hmac_api_key_info\\{project="$id",source="dir",fingerprint="$fp"\\} 1\\n};
}
qr/$re/



=== TEST 18: ei_hmac_api_key_dir alone is enough for ei_hmac on
--- config eval
main::dir_location($main::Dir, '') . "    location /other/ { ei_hmac on; ei_hmac_api_key_dir $main::Dir; proxy_pass http://127.0.0.1:\$TEST_NGINX_RAND_PORT_1; }\n"
--- request eval
main::req(1)
--- error_code: 403



=== TEST 19: ei_hmac_api_key_dir twice at one level is an error
--- config eval
main::dir_location($main::Dir, "        ei_hmac_api_key_dir $main::Dir;")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_api_key_dir" directive is duplicate/
