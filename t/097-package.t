# The version is written once (src/ei_version.h), CHANGELOG's newest
# release is that version and makes a Debian changelog that dpkg reads with
# it, and `make install` puts the module, its load_module snippet and the
# docs under DESTDIR and PREFIX.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);
use lib 't/lib';
use EiHmac qw(slurp);

my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

my ($version) = slurp('src/ei_version.h')
    =~ /^#define\s+EI_HMAC_VERSION\s+"(\d+\.\d+\.\d+)"$/m;
ok($version, 'src/ei_version.h: EI_HMAC_VERSION is x.y.z');

my ($newest) = slurp('CHANGELOG') =~ /^## (\S+) - \d{4}-\d\d-\d\d$/m;
is($newest, $version, "CHANGELOG's newest release is the version");

my @written = grep { !m{^(src/ei_version\.h|CHANGELOG):} }
              split /\n/, `git grep -n -F '"$version"' 2>/dev/null`;
is("@written", '', 'no other file writes the version as a string');

# debian/changelog, as `make deb` writes it
my $dir = tempdir(CLEANUP => 1);
system("debian/gen-changelog > $dir/changelog") == 0
    or BAIL_OUT('debian/gen-changelog failed');

my ($source) = slurp('debian/control') =~ /^Source:\s*(\S+)/m;
chomp(my $parsed = `dpkg-parsechangelog -l $dir/changelog -S Version 2>&1`);
is($parsed, $version, 'the Debian changelog has the version');
chomp($parsed = `dpkg-parsechangelog -l $dir/changelog -S Source 2>&1`);
is($parsed, $source, 'the Debian changelog names the source package');

my $entries = () = slurp("$dir/changelog") =~ /^\S+ \(/mg;
# "## Unreleased" at the top is not a release
my $releases = () = slurp('CHANGELOG') =~ /^## \S+ - \d{4}-\d\d-\d\d$/mg;
is($entries, $releases, 'one Debian changelog entry a release');

# dh_nginx finds the module and writes mod-http-ei-hmac.conf from the
# package's name: libnginx-mod-http-ei-hmac holds ngx_http_ei_hmac_module.so
like(slurp('debian/control'), qr/^Package: libnginx-mod-http-ei-hmac$/m,
     'the binary package is named for dh_nginx');

# make install
SKIP: {
    skip 'module not built', 4 unless -f 'build/ngx_http_ei_hmac_module.so';

    my $stage = "$dir/stage";
    my $out = `make -s install DESTDIR=$stage PREFIX=/opt/ei 2>&1`;
    is($?, 0, 'make install DESTDIR= PREFIX=') or diag($out);

    chomp(my @files = sort `cd $stage && find . -type f`);
    is_deeply(\@files, [sort map { "./opt/ei/$_" }
        'lib/nginx/modules/ngx_http_ei_hmac_module.so',
        'share/nginx/modules-available/mod-http-ei-hmac.conf',
        map({ "share/doc/ngx_http_ei_hmac_module/$_" }
            qw(README.md CHANGELOG LICENSE examples/demo.conf
               examples/production.conf examples/prometheus-alerts.yml))],
        'make install: the files, under DESTDIR and PREFIX');

    my $snippet = 'share/nginx/modules-available/mod-http-ei-hmac.conf';
    is(slurp("$stage/opt/ei/$snippet"),
       "load_module /opt/ei/lib/nginx/modules/ngx_http_ei_hmac_module.so;\n",
       'make install: the snippet loads the module from PREFIX');

    $out = `make -s uninstall DESTDIR=$stage PREFIX=/opt/ei 2>&1`;
    chomp(@files = `cd $stage && find . -type f`);
    is("@files", '', 'make uninstall removes them') or diag($out);
}

# the master names the module's version in the error log at notice, at
# every start and reload (nginx -t loads the configuration the same way)
SKIP: {
    skip 'module not built', 1 unless $module && -f $module;

    my $prefix = "$dir/ngx";
    mkdir $prefix;
    mkdir "$prefix/logs";
    open my $fh, '>', "$prefix/nginx.conf" or die $!;
    print $fh "load_module $module;\n",
              "error_log $prefix/logs/error.log notice;\n",
              "pid $prefix/nginx.pid;\n",
              "events {}\nhttp {}\n";
    close $fh;

    my $binary = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
    system("$binary -q -t -p $prefix/ -c $prefix/nginx.conf");
    like(slurp("$prefix/logs/error.log"),
         qr/\[notice\] .*ei_hmac module version \Q$version\E$/m,
         'the error log names the version at notice');
}

done_testing();
