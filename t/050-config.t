# Directives (README "Directives"): key files checked when the configuration
# loads, one key directive per level, nearest level wins, per-project keys
# through map, out-of-range values refused.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;
use File::Temp qw(tempdir);

no_shuffle();
no_long_string();

our $K = $EiHmac::StrongKey;
our $Dir = tempdir(CLEANUP => 1);
chmod 0755, $Dir;

sub key_file {
    my ($name, $content, $mode) = @_;
    my $path = "$Dir/$name";

    open my $fh, '>', $path or die "$path: $!";
    binmode $fh;
    print $fh $content;
    close $fh;
    chmod $mode, $path;

    return $path;
}

our $Good = key_file('good.key', "ei_file_key_7c2e9a41b5d08f36\n", 0600);
our $Open = key_file('open.key', "ei_file_key_7c2e9a41b5d08f36\n", 0644);
our $Empty = key_file('empty.key', "", 0600);
our $NewlineOnly = key_file('newline.key', "\n", 0600);
our $Cr = key_file('cr.key', "ei_file_key_7c2e9a41b5d08f36\r\n", 0600);
our $TwoLines = key_file('two.key', "ei_file_key\nsecond\n", 0600);
our $Space = key_file('space.key', "ei file key\n", 0600);
our $Missing = "$Dir/missing.key";

sub req { "POST /v1/api/$_[0]/hmackeys\n" . EiHmac::body('ci', $K) }

sub gateway {
    my ($directives, $prefix) = @_;

    $prefix //= '/v1/api/';

    return <<"_EOC_";
    location $prefix {
        ei_hmac on;
$directives
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

=== TEST 1: the key from a private file is injected, without a warning
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Good;")
--- request eval
main::req(1)
--- tcp_query eval
EiHmac::upstream_request_key('ei_file_key_7c2e9a41b5d08f36', '/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}
--- no_error_log
readable by group or others
[alert]
[emerg]



=== TEST 2: a key file readable by others works, with a warning naming it
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Open;")
--- request eval
main::req(1)
--- tcp_query eval
EiHmac::upstream_request_key('ei_file_key_7c2e9a41b5d08f36', '/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}
--- error_log eval
qr/\[warn\].*ei_hmac_api_key_file ".*open\.key" is readable by group or others/



=== TEST 3: a missing key file stops nginx, naming directive and file
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Missing;")
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_file ".*missing\.key" cannot be opened/



=== TEST 4: an empty key file stops nginx
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Empty;")
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_file ".*empty\.key" is empty/



=== TEST 5: a key file of one newline stops nginx
--- config eval
main::gateway("        ei_hmac_api_key_file $main::NewlineOnly;")
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_file ".*newline\.key" is empty/



=== TEST 6: a key file with CR stops nginx
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Cr;")
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_file ".*cr\.key" holds a carriage return/



=== TEST 7: a key file of two lines stops nginx
--- config eval
main::gateway("        ei_hmac_api_key_file $main::TwoLines;")
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_file ".*two\.key" holds more than one line/



=== TEST 8: a key file with a space stops nginx
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Space;")
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_api_key_file ".*space\.key" holds a space or a byte that is not visible ASCII/



=== TEST 9: both key directives at one level are an error
--- config eval
main::gateway("        ei_hmac_api_key_file $main::Good;\n        ei_hmac_api_key abc;")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_api_key" directive conflicts with "ei_hmac_api_key_file"/



=== TEST 10: ei_hmac on without any key is an error
--- config eval
main::gateway("")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac" is on, but neither "ei_hmac_api_key_file" nor "ei_hmac_api_key" is set/



=== TEST 11: the nearest level wins: a location's value key over the http file key
--- http_config eval
"ei_hmac_api_key_file $main::Good;"
--- config eval
main::gateway("        ei_hmac_api_key ei_location_key;")
--- request eval
main::req(1)
--- tcp_query eval
EiHmac::upstream_request_key('ei_location_key', '/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 12: an http-level file key is inherited by a location
--- http_config eval
"ei_hmac_api_key_file $main::Good;"
--- config eval
main::gateway("")
--- request eval
main::req(1)
--- tcp_query eval
EiHmac::upstream_request_key('ei_file_key_7c2e9a41b5d08f36', '/v1/api/1/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 13: per-project keys through map on $ei_hmac_project_id
--- http_config
map $ei_hmac_project_id $studio_key {
    42      ei_key_for_project_42;
    default "";
}
--- config eval
main::gateway('        ei_hmac_api_key $studio_key;')
--- request eval
main::req(42)
--- tcp_query eval
EiHmac::upstream_request_key('ei_key_for_project_42', '/v1/api/42/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 14: an unmapped project gets 500, logged at error, nothing sent
--- http_config
map $ei_hmac_project_id $studio_key {
    42      ei_key_for_project_42;
    default "";
}
--- config eval
main::gateway('        ei_hmac_api_key $studio_key;')
--- request eval
main::req(7)
--- error_code: 500
--- response_body chomp
{"success":false,"error":"gateway has no valid API key for this project"}
--- error_log eval
qr/\[error\].*ei_hmac error_no_key, project "7": "gateway has no valid API key for this project" \(ei_hmac_api_key is empty\)/
--- no_error_log eval
qr/ei_hmac_api_key is empty for project/



=== TEST 15: a key value with a space at request time gets 500
--- http_config
map $ei_hmac_project_id $studio_key {
    default "two words";
}
--- config eval
main::gateway('        ei_hmac_api_key $studio_key;')
--- request eval
main::req(7)
--- error_code: 500
--- response_body chomp
{"success":false,"error":"gateway has no valid API key for this project"}
--- error_log eval
qr/\[error\].*ei_hmac error_no_key, project "7": "gateway has no valid API key for this project" \(ei_hmac_api_key is not visible ASCII\)/



=== TEST 16: ei_hmac_key_max_length 0 is out of range
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_key_max_length 0;")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_key_max_length" directive value must be between 1 and 1024/



=== TEST 17: ei_hmac_key_min_bits over 1024 is out of range
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_key_min_bits 2000;")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_key_min_bits" directive value must be between 0 and 1024/



=== TEST 18: an invalid project id in ei_hmac_projects is an error
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_projects 12 012;")
--- must_die
--- error_log eval
qr/\[emerg\].*invalid project id "012" in "ei_hmac_projects"/



=== TEST 19: an unknown ei_hmac_unknown_fields value is an error
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_unknown_fields maybe;")
--- must_die
--- error_log eval
qr/\[emerg\].*invalid value "maybe"/



=== TEST 20: a denylist line that is not a digest is an error naming the line
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_key_denylist ../html/deny.txt;")
--- user_files
>>> deny.txt
# comment
c2b852d2a03be7fd89c7c5312ac54fedf26ba9a0d4e99587cf6db11b0236cfca
C2B852D2A03BE7FD89C7C5312AC54FEDF26BA9A0D4E99587CF6DB11B0236CFCA
--- must_die
--- error_log eval
qr/\[emerg\].*ei_hmac_key_denylist ".*deny\.txt" line 3 is not a lowercase hex SHA-256 digest/



=== TEST 21: ei_hmac is a location directive
--- config
    ei_hmac on;
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac" directive is not allowed here/



=== TEST 22: ei_hmac_max_body_size must leave room for a body
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_max_body_size 1;")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_max_body_size" directive value must be between 2 and 16777216/



=== TEST 23: a projectId over 2^53 - 1 in ei_hmac_projects is an error naming it
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_projects 9007199254740992;")
--- must_die
--- error_log eval
qr/\[emerg\].*invalid project id "9007199254740992" in "ei_hmac_projects"/



=== TEST 24: the largest projectId is accepted in ei_hmac_projects
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_projects 1 9007199254740991;")
--- request eval
main::req(9007199254740991)
--- tcp_query eval
EiHmac::upstream_request_key('k', '/v1/api/9007199254740991/hmackeys', EiHmac::body('ci', $main::K))
--- error_code: 200
--- response_body chomp
{"success":true,"id":7}



=== TEST 25: an invalid ei_hmac_unknown_fields value names the directive and the values
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_unknown_fields maybe;")
--- must_die
--- error_log eval
qr/\[emerg\].*invalid value "maybe" in "ei_hmac_unknown_fields", it must be "drop" or "reject"/



=== TEST 26: ei_hmac_unknown_fields twice at one level is an error naming it
--- config eval
main::gateway("        ei_hmac_api_key k;\n        ei_hmac_unknown_fields drop;\n        ei_hmac_unknown_fields reject;")
--- must_die
--- error_log eval
qr/\[emerg\].*"ei_hmac_unknown_fields" directive is duplicate/
