# TLS to the upstream (README "Interaction with the proxy module",
# proxy_ssl_verify): the gateway verifies Studio's certificate and sends
# SNI.  A throwaway CA and server certificates are made with openssl when the
# suite starts; nothing secret is committed.

use Test::Nginx::Socket 'no_plan';
use lib 't/lib';
use EiHmac;
use File::Temp qw(tempdir);

no_shuffle();
no_long_string();

our $Dir = tempdir(CLEANUP => 1);
chmod 0755, $Dir;

sub sh {
    my $cmd = shift;
    system("$cmd >/dev/null 2>&1") == 0 or die "failed: $cmd\n";
}

# two CAs; "good" is trusted by the gateway, "rogue" is not
for my $ca (qw(good rogue)) {
    sh("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=$ca test CA'"
       . " -keyout $Dir/$ca-ca.key -out $Dir/$ca-ca.pem");
}

for my $cert (['studio', 'good'], ['rogue', 'rogue']) {
    my ($name, $ca) = @$cert;
    open my $ext, '>', "$Dir/$name.ext" or die;
    print $ext "subjectAltName=DNS:studio.test\n";
    close $ext;
    sh("openssl req -newkey rsa:2048 -nodes -subj '/CN=studio.test'"
       . " -keyout $Dir/$name.key -out $Dir/$name.csr");
    sh("openssl x509 -req -in $Dir/$name.csr -CA $Dir/$ca-ca.pem"
       . " -CAkey $Dir/$ca-ca.key -CAcreateserial -days 2"
       . " -extfile $Dir/$name.ext -out $Dir/$name.pem");
}

chmod 0644, glob("$Dir/*");

# a stand-in for Studio over TLS that answers only with the right key and SNI
our $HttpConfig = <<"_EOC_";
    server {
        listen 127.0.0.1:\$TEST_NGINX_RAND_PORT_2 ssl;
        ssl_certificate $Dir/studio.pem;
        ssl_certificate_key $Dir/studio.key;
        default_type application/json;

        location / {
            if (\$ssl_server_name != "studio.test") {
                return 421 '{"success":false,"error":"wrong SNI"}';
            }
            if (\$http_x_api_key != "$EiHmac::Key") {
                return 401 '{"success":false,"error":"Invalid API key"}';
            }
            return 200 '{"success":true,"id":99}';
        }
    }

    server {
        listen 127.0.0.1:\$TEST_NGINX_RAND_PORT_3 ssl;
        ssl_certificate $Dir/rogue.pem;
        ssl_certificate_key $Dir/rogue.key;
        default_type application/json;

        location / {
            return 200 '{"success":true,"id":666}';
        }
    }
_EOC_

sub gateway {
    my ($port, $name) = @_;

    return <<"_EOC_";
    location /v1/api/ {
        ei_hmac on;
        ei_hmac_api_key "$EiHmac::Key";
        proxy_pass https://127.0.0.1:\$TEST_NGINX_RAND_PORT_$port;
        proxy_ssl_server_name on;
        proxy_ssl_name $name;
        proxy_ssl_verify on;
        proxy_ssl_verify_depth 2;
        proxy_ssl_trusted_certificate $Dir/good-ca.pem;
        proxy_set_header Host studio.test;
    }
_EOC_
}

our $Req = "POST /v1/api/3/hmackeys\n" . EiHmac::body('ci', $EiHmac::StrongKey);

add_block_preprocessor(sub {
    my $block = shift;

    $block->set_value("http_config", $HttpConfig);
    $block->set_value("request", $Req);
    EiHmac::defaults($block);
});

run_tests();

__DATA__

=== TEST 1: a verified certificate with the right name: proxied with SNI and key
--- config eval
main::gateway(2, 'studio.test')
--- error_code: 200
--- response_body chomp
{"success":true,"id":99}



=== TEST 2: a certificate that does not match the name: refused, 502 in JSON
--- config eval
main::gateway(2, 'other.test')
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream SSL certificate does not match "other.test"



=== TEST 3: a certificate from an unknown CA: refused, 502 in JSON
--- config eval
main::gateway(3, 'studio.test')
--- error_code: 502
--- response_body chomp
{"success":false,"error":"upstream is unavailable"}
--- error_log
upstream SSL certificate verify error
--- no_error_log
"id":666
[alert]
