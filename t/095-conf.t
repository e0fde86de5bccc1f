# The example configurations of conf/ pass nginx -t.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

my $dir = tempdir(CLEANUP => 1);

open my $key, '>', "$dir/studio.key" or die $!;
print $key "ei_example_key_for_nginx_t\n";
close $key;
chmod 0600, "$dir/studio.key";

for my $name (qw(demo production)) {
    open my $in, '<', "conf/$name.conf" or die "conf/$name.conf: $!";
    my $text = do { local $/; <$in> };
    close $in;

    $text =~ s/\@MODULE\@/$module/g;
    $text =~ s/\@PREFIX\@/$dir/g;
    $text =~ s/\@KEY_FILE\@/$dir\/studio.key/g;

    # nginx resolves upstream names when it loads the configuration, and a
    # test machine may have no DNS: only the name is replaced
    $text =~ s/server studio\.edgeimpulse\.com:443/server 127.0.0.1:443/
        if $name eq 'production';

    open my $out, '>', "$dir/$name.conf" or die $!;
    print $out $text;
    close $out;

    my $output = `$nginx -t -p $dir -c $dir/$name.conf -e $dir/error.log 2>&1`;

    is($?, 0, "conf/$name.conf passes nginx -t") or diag($output);
    like($output, qr/test is successful/, "conf/$name.conf: nginx says so");
    unlike($output, qr/\[warn\]/, "conf/$name.conf: no warning");
}

done_testing();
