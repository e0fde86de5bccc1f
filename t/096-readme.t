# Every nginx configuration of README.md (its code blocks tagged `nginx`)
# and every conf/*.conf passes nginx -t with the module loaded, with dummy
# key files, and with Studio's host name replaced where nginx would resolve
# it when loading (a test machine may have no DNS).  A block that looks like
# nginx configuration but is not tagged `nginx` fails, so that none escapes
# the check; so does a repository file the README names that is not there.

use strict;
use warnings;

use Test::More;
use File::Temp qw(tempdir);
use lib 't/lib';
use EiHmac qw(slurp);

my $nginx = $ENV{TEST_NGINX_BINARY} || '/usr/sbin/nginx';
my ($module) = split ' ', ($ENV{TEST_NGINX_LOAD_MODULES} || '');

plan skip_all => 'module not built' unless $module && -f $module;

my $dir = tempdir(CLEANUP => 1);
my $files = 0;

# directives that start a line of nginx configuration in a README block
my $directive = qr/^\s*(?:load_module|events|http|server|location|map|
                         upstream|listen|resolver|proxy_\w+|ei_hmac\w*)
                   (?:\s|\{|;|$)/mx;


sub spew {
    my ($path, $text, $mode) = @_;

    open my $fh, '>', $path or die "$path: $!";
    print $fh $text;
    close $fh;
    chmod $mode // 0644, $path;
}


# the files a configuration names, as dummies: key files and key folders
# private to their owner (the module warns otherwise), a denylist
sub dummy_files {
    my ($text) = @_;

    $text =~ s{(ei_hmac_api_key_file\s+)(\S+?);}{
        my $path = "$dir/key" . ++$files;
        spew($path, "ei_readme_example_key_$files\n", 0600);
        "$1$path;";
    }ge;

    $text =~ s{(ei_hmac_api_key_dir\s+)(\S+?);}{
        my $path = "$dir/keys" . ++$files;
        mkdir $path, 0700;
        spew("$path/1.key", "ei_readme_example_key_$files\n", 0600);
        "$1$path;";
    }ge;

    $text =~ s{(ei_hmac_key_denylist\s+)(\S+?);}{
        my $path = "$dir/deny" . ++$files;
        spew($path, "# no digest\n");
        "$1$path;";
    }ge;

    return $text;
}


# a README block as a whole nginx.conf: in the context its directives
# need, with the module loaded and an events block
sub whole_conf {
    my ($text) = @_;

    if ($text !~ /^\s*(?:load_module|events|http)\b/m) {
        if ($text =~ /^\s*(?:server|map|upstream)\b/m) {
            $text = "http {\n$text\n}\n";
        } elsif ($text =~ /^\s*location\b/m) {
            $text = "http {\nserver {\n$text\n}\n}\n";
        } elsif ($text =~ /^\s*(?:ei_hmac\s+on|proxy_pass)\b/m) {
            $text = "http {\nserver {\nlocation /v1/api/ {\n$text\n}\n}\n}\n";
        } else {
            $text = "http {\n$text\n}\n";
        }
    }

    $text .= "events {}\n" unless $text =~ /^\s*events\b/m;

    $text =~ s{^(\s*load_module\s+)\S*ngx_http_ei_hmac_module\.so;}{$1$module;}m
        or $text = "load_module $module;\n$text";

    return $text;
}


sub nginx_t {
    my ($name, $text) = @_;

    my $conf = "$dir/nginx.conf";
    spew($conf, dummy_files($text));

    my $output = `$nginx -t -p $dir -c $conf -e $dir/error.log 2>&1`;

    is($?, 0, "$name passes nginx -t") or diag("$output\n$text");
    unlike($output, qr/\[warn\]/, "$name: no warning") or diag($output);
}


# Studio's name where nginx resolves it when loading (an upstream server,
# a proxy_pass without variables); a name in a variable is resolved later
sub without_dns {
    my ($text) = @_;

    $text =~ s/(\bserver\s+)studio\.edgeimpulse\.com\b/${1}127.0.0.1/g;
    $text =~ s{(\bproxy_pass\s+https?://)studio\.edgeimpulse\.com\b}
              {${1}127.0.0.1}g;

    return $text;
}


# README.md
my $readme = slurp('README.md');
my ($fenced, $n) = ('', 0);

while ($readme =~ /^```(\w*)\n(.*?)^```\s*$/msg) {
    my ($lang, $code) = ($1, $2);

    if ($lang eq 'nginx') {
        $n++;
        my ($first) = $code =~ /^\s*(\S.{0,40})/;
        nginx_t("README nginx block $n ($first)",
                whole_conf(without_dns($code)));
    } elsif ($lang eq 'prometheus') {
        # an example scrape: comments and samples of the text format only
        unlike($code, qr/^(?!# |ei_hmac_\w+(?:\{[^}\n]*\})? \S+$|\.\.\.$).*\S/m,
               'README prometheus block is the metrics text format');
    } else {
        unlike($code, $directive,
               "README $lang block is not untagged nginx configuration");
    }
}

ok($n >= 3, "README has nginx blocks ($n)");

# indented code blocks (outside fences): none may be nginx configuration,
# bar the Syntax/Default/Context summaries of the directives
(my $unfenced = $readme) =~ s/^```.*?^```\s*$//msg;

while ($unfenced =~ /(?:\A|\n\n)((?:(?: {4}|\t).*\n|\n)+)/g) {
    my $block = $1;

    next if $block !~ /\S/ || $block =~ /^\s*Syntax:/;

    my ($first) = $block =~ /^\s*(\S.{0,40})/;
    unlike($block, $directive,
           "README indented block ($first) is not nginx configuration");
}

# repository files the README names exist, and it cites no other document
for my $path ($readme =~ /`((?:conf|t|src|bench|debian|\.ci)\/[^`\s]*)`/g,
              $readme =~ /`([\w.-]+\.md)`/g)
{
    ok(scalar(grep { -e } glob $path), "README names $path, which exists");
}

unlike($readme, qr/\bSPEC\b/, 'README cites no specification outside it');

# the sources cite the README, which users read, not a file outside the
# repository
my @cites = grep { !m{^(t/compat/|t/096-readme\.t:)} }
            split /\n/, `git grep -n -w -e SPEC -e SPEC.md -- src t conf bench debian Makefile config '*.c' 2>/dev/null`;
is("@cites", '', 'no source file cites a specification outside the repository');


# conf/*.conf, with the placeholders conf/run fills in
for my $path (glob 'conf/*.conf') {
    my $text = slurp($path);

    $text =~ s/\@MODULE\@/$module/g;
    $text =~ s/\@PREFIX\@/$dir/g;
    $text =~ s/\@KEY_FILE\@/$dir\/studio.key/g;
    $text =~ s/\@RESOLVER\@/127.0.0.1/g;

    spew("$dir/studio.key", "ei_example_key_for_nginx_t\n", 0600);

    unlike($text, qr/\@[A-Z_]+\@/, "$path: every placeholder is known");
    nginx_t($path, without_dns($text));
}

done_testing();
