package Test::Nginx::Compat::Server;

# The nginx side of the compat runner: the settings a .t preamble changes,
# the server root, nginx.conf, starting and stopping nginx, reading its logs,
# and the embedded TCP server of --- tcp_listen.  Test::Nginx::Socket drives
# it block by block.  Defaults, environment variables and file layout follow
# openresty's Test::Nginx::Util, so a .t file behaves the same under both.

use strict;
use warnings;

use Exporter 'import';
use File::Path qw(make_path remove_tree);
use File::Spec ();
use IO::Socket::INET ();
use IO::Socket::UNIX ();
use POSIX qw(WNOHANG);
use Socket qw(SOCK_STREAM);
use Time::HiRes qw(sleep time);
use Test::More ();

our @EXPORT = qw(
    env_to_nginx is_str repeat_each config_preamble worker_connections
    master_process_enabled no_long_string workers master_on master_off
    log_level no_shuffle no_root_location use_hup server_name server_addr
    server_root html_dir server_port server_port_for_client timeout
    check_accum_error_log add_block_preprocessor bail_out
    add_cleanup_handler add_test_cleanup_handler
);

# For Test::Nginx::Socket only: the machinery and the state it shares.
our %EXPORT_TAGS = (internal => [qw(
    expand_env_in_text parse_time init_server prepare_nginx launch_nginx
    try_nginx stop_nginx finish_block write_user_files log_data
    start_tcp_mock finish_tcp_mock cleanup cleanup_test
    $NoShuffle $RepeatEach $NoLongString $Sleep $Timeout $ServerAddr
    $ServerName $ServerPort $ClientPort $ErrLogFile $AccLogFile $ErrLogPos
    $RandPorts $ChildPid $UseValgrind $UseHup @BlockPreprocessors
)]);
our @EXPORT_OK = @{ $EXPORT_TAGS{internal} };

# ---- settings ---------------------------------------------------------

our $NginxBinary   = $ENV{TEST_NGINX_BINARY} || 'nginx';
our $ServerPort    = $ENV{TEST_NGINX_SERVER_PORT} || $ENV{TEST_NGINX_PORT}
                     || 1984;
# Like the real one, fixed when the module loads: server_port() changes the
# port nginx listens on, not the one the client connects to.
our $ClientPort    = $ENV{TEST_NGINX_CLIENT_PORT} || $ServerPort;
our $ServerAddr    = '127.0.0.1';
our $ServerName    = 'localhost';
our $Timeout       = $ENV{TEST_NGINX_TIMEOUT} || 3;
our $Sleep         = $ENV{TEST_NGINX_SLEEP} || 0.015;
our $LogLevel      = $ENV{TEST_NGINX_LOG_LEVEL} || 'debug';
our $Master        = $ENV{TEST_NGINX_MASTER_PROCESS} || 'off';
our $Workers       = 1;
our $WorkerConns   = 64;
our $RepeatEach    = 1;
our $NoShuffle     = $ENV{TEST_NGINX_NO_SHUFFLE} || 0;
our $NoRootLocation = 0;
our $NoLongString;
our $CheckAccumErrLog = $ENV{TEST_NGINX_CHECK_ACCUM_ERR_LOG};
our $ConfigPreamble = '';
our $UseValgrind   = $ENV{TEST_NGINX_USE_VALGRIND};
our $UseHup        = $ENV{TEST_NGINX_USE_HUP};
our (@EnvToNginx, @BlockPreprocessors, @CleanupHandlers, @TestCleanupHandlers);

our $ServRoot = $ENV{TEST_NGINX_SERVROOT} || File::Spec->rel2abs('t/servroot');
$ENV{TEST_NGINX_SERVER_ROOT} = $ServRoot;
our $LogDir     = "$ServRoot/logs";
our $ErrLogFile = "$LogDir/error.log";
our $AccLogFile = "$LogDir/access.log";
our $HtmlDir    = "$ServRoot/html";
our $ConfDir    = "$ServRoot/conf";
our $ConfFile   = "$ConfDir/nginx.conf";
our $PidFile    = "$LogDir/nginx.pid";

our ($NginxV, $NginxVersion);   # `nginx -V` output, version as 1.022001
our $ErrLogPos = 0;             # error.log offset already checked
our $RandPorts = {};            # TEST_NGINX_RAND_PORT_N of the current block
our $ChildPid;                  # nginx when we must wait for it (valgrind)
our $NginxPid;                  # the nginx we started last
our $ConfigVersion = '';        # HUP mode: which nginx.conf is live
our ($Started, $Mock);

sub env_to_nginx {
    for my $v (@_) {
        die "env_to_nginx: bad argument value: $v\n" if $v !~ /^[A-Za-z_]/;
        push @EnvToNginx, $v;
    }
}

# Setters double as getters when called without an argument, as in the
# real harness.
sub repeat_each        { $RepeatEach = shift if @_; $RepeatEach }
sub workers            { $Workers = shift if @_; $Workers }
sub worker_connections { $WorkerConns = shift if @_; $WorkerConns }
sub log_level          { $LogLevel = shift if @_; $LogLevel }
sub timeout            { $Timeout = shift if @_; $Timeout }
sub server_port        { $ServerPort = shift if @_; $ServerPort }
sub server_port_for_client { $ClientPort = shift if @_; $ClientPort }
sub server_addr        { $ServerAddr = shift if @_; $ServerAddr }
sub server_name        { $ServerName = shift if @_; $ServerName }
sub master_process_enabled {
    $Master = shift() ? 'on' : 'off' if @_;
    $Master;
}
sub master_on             { $Master = 'on' }
sub master_off            { $Master = 'off' }
sub no_shuffle            { $NoShuffle = 1 }
sub no_long_string        { $NoLongString = 1 }
sub no_root_location      { $NoRootLocation = 1 }
sub use_hup               { $UseHup = 1 }
sub check_accum_error_log { $CheckAccumErrLog = 1 }
sub config_preamble       { $ConfigPreamble = shift }
sub server_root           { $ServRoot }
sub html_dir              { $HtmlDir }
sub add_block_preprocessor (&) { unshift @BlockPreprocessors, shift }
sub add_cleanup_handler      { unshift @CleanupHandlers, shift }
sub add_test_cleanup_handler { unshift @TestCleanupHandlers, shift }

sub is_str {
    my ($got, $expected, $desc) = @_;
    return Test::More::like($got, $expected, $desc) if ref $expected eq 'Regexp';
    return Test::More::is($got, $expected, $desc) if $NoLongString;
    require Test::LongString;
    return Test::LongString::is_string($got, $expected, $desc);
}

sub bail_out {
    cleanup();
    Test::More::BAIL_OUT(join '', @_);
}

sub parse_time {
    my $t = shift;
    return $t if !defined $t;
    return $1 / 1000 if $t =~ /^(.*\d)ms$/;
    $t =~ s/(\d)s$/$1/;
    return $t;
}

# ---- text expansion ---------------------------------------------------

sub gen_rand_port {
    my $used = shift;
    for (1 .. 1000) {
        # 1984 .. 1987 are the real harness's reserved ports.
        my $port = 1988 + int rand 63547;
        next if $used->{$port};
        my $s = IO::Socket::INET->new(LocalAddr => $ServerAddr,
            LocalPort => $port, Proto => 'tcp', Listen => 1, ReuseAddr => 1);
        next if !$s;
        close $s;
        return $port;
    }
    return undef;
}

# $TEST_NGINX_FOO is the environment variable (a missing one is fatal, as
# in the real harness); $TEST_NGINX_RAND_PORT_N a free port, the same one
# everywhere in the block.
sub expand_env_in_text {
    my ($text, $name, $ports) = @_;
    return $text if !defined $text || ref $text;
    $text =~ s{\$(TEST_NGINX_[_A-Z0-9]+)}{
        my $var = $1;
        if ($var =~ /^TEST_NGINX_RAND_PORT_\d+$/) {
            my %used = map { $_ => 1 } $ServerPort, values %$ports;
            $ports->{$var} //= gen_rand_port(\%used)
                // bail_out("$name - Cannot find an available listening port number for $var.\n");
        } else {
            defined $ENV{$var} or bail_out("$name - No environment $var defined.\n");
            $ENV{$var};
        }
    }ge;
    return $text;
}

# ---- server root and nginx.conf ---------------------------------------

sub init_server {
    if ($NginxBinary !~ m{/}) {
        my ($found) = grep { -x "$_/$NginxBinary" } split /:/, $ENV{PATH} // '';
        bail_out("Cannot find the nginx executable in the PATH environment")
            if !$found;
    }
    $NginxV = `$NginxBinary -V 2>&1`;
    bail_out("Failed to get the version of the Nginx in PATH: $NginxV")
        if $? != 0;
    $NginxVersion = $NginxV =~ m{/(\d+)\.(\d+)\.(\d+)}
                    ? sprintf('%d.%03d%03d', $1, $2, $3) : 0;
    $ENV{TEST_NGINX_SERVER_PORT} //= $ServerPort;
    $Master = 'on' if $UseHup;   # nginx reloads badly without a master
}

sub setup_server_root {
    if (-d $ServRoot) {
        if ($UseHup && $Started) {
            # The live nginx keeps its pid file and sockets; drop the rest.
            remove_tree($ConfDir, $HtmlDir, glob("$ServRoot/*_cache"));
            unlink grep { !/nginx\.pid$/ } glob("$LogDir/*");
        } else {
            # Remove only what we create, so that a mistaken
            # TEST_NGINX_SERVROOT cannot wipe real data.
            remove_tree($ConfDir, $HtmlDir, $LogDir, "$ServRoot/cache",
                        glob("$ServRoot/*_temp"), glob("$ServRoot/*_cache"));
            unlink glob("$ServRoot/tcp_query*");
            rmdir $ServRoot
                or bail_out("Can't remove $ServRoot (not empty?): $!");
        }
    }
    make_path($LogDir, $HtmlDir, $ConfDir);
    bail_out("Failed to create $ConfDir") if !-d $ConfDir;
    write_file("$HtmlDir/index.html", '<html><head><title>It works!</title>'
               . '</head><body>It works!</body></html>');
}

sub write_file {
    my ($path, $data) = @_;
    open my $out, '>', $path or bail_out("Can't open $path for writing: $!\n");
    binmode $out;
    print $out $data;
    close $out;
}

# ">>> name [touch -t date]" headers, or an eval'ed [[name, body, date]].
sub write_user_files {
    my ($block, $ports) = @_;
    my $name = $block->name;
    my $files = $block->user_files;
    return if !$files;
    if (!ref $files) {
        my @list;
        for my $line (split /^/, $files) {
            if ($line =~ />>> (\S+)(?:\s+(.+))?/) {
                push @list, [$1, undef, $2];
            } elsif (@list) {
                $list[-1][1] .= $line;
            }
        }
        $files = \@list;
    }
    bail_out("$name - wrong value type: ", ref $files,
             ", only scalar or ARRAY are accepted") if ref $files ne 'ARRAY';
    for my $f (@$files) {
        my ($fname, $body, $date) = @$f;
        my $path = $fname =~ m{^/} ? $fname : "$HtmlDir/$fname";
        make_path($1) if $path =~ m{(.*)/} && !-d $1;
        write_file($path, expand_env_in_text($body // '', $name, $ports));
        if ($date) {
            system("TZ=GMT touch -t '$date' '$path'") == 0
                or bail_out("Failed to touch $path");
        }
    }
}

sub write_config_file {
    my ($block, $config, $ports) = @_;
    my $name = $block->name;
    my $x = sub { expand_env_in_text($_[0] // '', $name, $ports) };
    my $http_config = $x->($block->http_config);
    my $main_config = join '', map { "load_module $_;\n" }
                      grep { length } split /\s+/, $ENV{TEST_NGINX_LOAD_MODULES} // '';
    $main_config .= $x->($block->main_config);
    my $post_main = $x->($block->post_main_config);
    my $server_name = $block->server_name // $ServerName;
    $server_name =~ s/([\\'])/\\$1/g;
    # nginx is run as root here, so Debian's compiled-in paths (temp files
    # under /var/lib/nginx) would work but leak out of the server root.
    my $temp = '';
    for my $t (qw(client_body proxy fastcgi scgi uwsgi)) {
        next if $NginxV =~ /--without-http_${t}_module/
                || $http_config =~ /\b${t}_temp_path\b/;
        $temp .= "    ${t}_temp_path $ServRoot/${t}_temp;\n";
    }
    my $daemon = $UseValgrind ? 'off' : 'on';
    my $env = join '', map { /\s/ ? "env '$_';\n" : "env $_;\n" } @EnvToNginx;
    my $root = $NoRootLocation ? '' : <<"_EOC_";
        location / {
            root $HtmlDir;
            index index.html index.htm;
        }
_EOC_
    # HUP mode: a second virtual server tells which nginx.conf is live.
    my $ver = !$UseHup ? '' : <<"_EOC_";
    server {
        listen          $ServerPort;
        server_name     'Test-Nginx';
        location = /ver { return 200 '$ConfigVersion'; }
    }
_EOC_
    my $user = $ENV{TEST_NGINX_WORKER_USER} ? "user $ENV{TEST_NGINX_WORKER_USER};\n"
             : $> == 0 ? "user root;\n" : '';
    write_file($ConfFile, <<"_EOC_");
worker_processes  $Workers;
daemon $daemon;
master_process $Master;
error_log $ErrLogFile $LogLevel;
pid       $PidFile;
$env
$main_config

http {
    access_log $AccLogFile;
$temp
    default_type text/plain;
    keepalive_timeout  68000ms;

$http_config
    server {
        listen          $ServerPort;
        server_name     '$server_name';
        client_max_body_size 30M;

        # Begin preamble config...
$ConfigPreamble
        # End preamble config...

        # Begin test case config...
$config
        # End test case config.

$root    }
$ver}

$post_main

events {
    accept_mutex off;
    worker_connections  $WorkerConns;
}
$user
_EOC_
}

# ---- running nginx ----------------------------------------------------

# A daemonized nginx that exited may stay a zombie (no init reaps it in
# some containers), which kill 0 still finds: that one is not running.
sub is_running {
    my $pid = shift;
    return 0 if !$pid || !kill 0, $pid;
    open my $st, '<', "/proc/$pid/stat" or return 1;
    return (<$st> // '') !~ /^\d+ \(.*\) Z/s;
}

sub read_pid {
    open my $in, '<', $PidFile or return undef;
    my $pid = <$in> // '';
    chomp $pid;
    return $pid =~ /^\d+$/ ? $pid : undef;
}

sub nginx_cmd {
    # -p keeps relative paths in the server root; -e sends the messages
    # nginx logs before it reads error_log (Debian's default is stderr)
    # to error.log too, where --- error_log of a must_die block finds them.
    my $cmd = "$NginxBinary -p $ServRoot/ -c $ConfFile";
    $cmd .= " -e $ErrLogFile" if $NginxVersion >= 1.019005;
    return $cmd;
}

# nginx's own false positives, beside this module (see the file).
our $CoreSupp = File::Spec->catfile((File::Spec->splitpath(__FILE__))[1],
                                    '..', '..', '..', 'nginx-core.supp');

sub valgrind_cmd {
    my $cmd = shift;
    my $opts = $UseValgrind =~ /^\d+$/
        ? '--num-callers=100 -q --tool=memcheck --leak-check=full'
          . ' --keep-debuginfo=yes --show-possibly-lost=no --gen-suppressions=all'
          . (-f 'valgrind.suppress' ? ' --suppressions=valgrind.suppress' : '')
          . " --suppressions=$CoreSupp"
        : "-q $UseValgrind";
    # Into a file rather than stderr, so that finish_block() can turn a
    # report into a test failure.
    return "valgrind $opts --log-file=$LogDir/valgrind.log $cmd";
}

# Stops the previous block's nginx, lays out the server root and writes
# nginx.conf.  In HUP mode a live nginx is told to reload instead; the
# return value says whether nginx still has to be started.
sub prepare_nginx {
    my ($block, $config, $ports) = @_;
    my $pid = read_pid();
    my $reload = $UseHup && $Started && is_running($pid)
                 && !defined $block->must_die;
    stop_nginx($block->name) if !$reload;
    $ConfigVersion = join '', map { ('a' .. 'z')[rand 26] } 1 .. 10;
    setup_server_root();
    write_user_files($block, $ports);
    write_config_file($block, $config, $ports);
    return 1 if !$reload;
    kill USR1 => $pid;   # reopen error.log, just removed
    sleep $Sleep;
    kill HUP => $pid;
    sleep $Sleep * 3;
    wait_config_version($block->name);
    return 0;
}

# HUP mode: poll the Test-Nginx server until the new workers answer, the
# old ones having finished their requests.
sub wait_config_version {
    my $name = shift;
    my $ok = 0;
    for my $try (1 .. 200) {
        my $s = IO::Socket::INET->new(PeerAddr => $ServerAddr,
            PeerPort => $ClientPort, Timeout => 2);
        my $got = '';
        if ($s) {
            print $s "GET /ver HTTP/1.0\r\nHost: Test-Nginx\r\n\r\n";
            local $/;
            $got = <$s> // '';
        }
        if (($got =~ /\r\n\r\n(.*)\z/s ? $1 : '') eq $ConfigVersion) {
            return if ++$ok >= 20;   # 20 answers in a row: no old worker left
            next;
        }
        $ok = 0;
        sleep $Sleep * $try > 1 ? 1 : $Sleep * $try;
    }
    Test::More->builder->no_ending(1);
    Test::More::fail("$name - failed to reload configuration");
}

# One nginx run as it is: the status of the starting command (nginx forks
# itself into the background when it starts fine), or of the fork under
# valgrind, where nginx stays in the foreground.
sub try_nginx {
    my ($block) = @_;
    my $cmd = nginx_cmd() . ' > /dev/null';
    $cmd .= ' 2> /dev/null' if defined $block->suppress_stderr;
    return system($cmd) if !$UseValgrind || defined $block->must_die;
    my $pid = fork // bail_out($block->name . " - fork() failed: $!");
    if (!$pid) {
        setpgrp;
        exec 'sh', '-c', 'exec ' . valgrind_cmd($cmd) or POSIX::_exit(127);
    }
    $ChildPid = $pid;
    return 0;
}

sub launch_nginx {
    my $block = shift;
    my $name = $block->name;
    my $deadline = time + 30;
    while ((my $status = try_nginx($block)) != 0) {
        # The port may still be held by an nginx that is going away: the
        # real harness retries for 30s; retry only that case, and fail at
        # once on anything else.
        my $log = log_text($ErrLogFile);
        if ($log =~ /Address already in use/ && time < $deadline) {
            sleep 0.2;
            next;
        }
        my @emerg = grep { /\[(?:emerg|alert|crit)\]/ } split /^/, $log;
        bail_out("$name - Cannot start nginx using command \"", nginx_cmd(),
                 "\" (status code $status).\n", @emerg);
    }
    $Started = 1;
    # The daemon writes its pid file after the starting command returned;
    # knowing the pid is what lets the next block stop this nginx.
    my $t = time + $Timeout;
    sleep $Sleep until ($NginxPid = read_pid() // $ChildPid) || time > $t;
    sleep $Sleep;
}

sub log_text {
    open my $in, '<', shift or return '';
    local $/;
    return <$in> // '';
}

sub stop_nginx {
    my ($name) = @_;
    my $pid = read_pid() // $ChildPid // $NginxPid;
    undef $NginxPid;
    if (is_running($pid)) {
        kill($ENV{TEST_NGINX_FAST_SHUTDOWN} ? 'TERM' : 'QUIT', $pid);
        my $t = time + $Timeout;
        while (is_running($pid) && time < $t) {
            waitpid($pid, WNOHANG) if $ChildPid;
            sleep 0.02;
        }
        if (is_running($pid)) {
            warn "$name - timeout when waiting for the process $pid to exit\n";
            kill KILL => $ChildPid ? -$pid : $pid;
        }
    }
    if ($ChildPid) {
        waitpid($ChildPid, 0);
        undef $ChildPid;
    }
    unlink $PidFile;
}

# After the requests of a block: under valgrind nginx is stopped at the
# end of every block (its report is complete only then) and any report is
# a failure.  The failure is an extra test only when something is found,
# so that plans written for the real harness stay valid.
sub finish_block {
    my $block = shift;
    return if !$UseValgrind || $UseHup || defined $block->must_die;
    stop_nginx($block->name);
    my $report = log_text("$LogDir/valgrind.log");
    return if $report !~ /\S/;
    Test::More->builder->no_ending(1);
    Test::More::fail($block->name . " - valgrind reported errors\n$report");
}

# The lines of a log file.  error.log is read from where the last check
# stopped, so that each check sees what the current request logged; the
# real harness waits a little for log-phase lines first.
sub log_data {
    my ($file) = @_;
    sleep $Sleep * 3;
    open my $in, '<', $file or return undef;
    my $err = $file eq $ErrLogFile && !$CheckAccumErrLog;
    seek $in, $ErrLogPos, 0 if $err;
    my @lines = <$in>;
    $ErrLogPos = tell $in if $err;
    return \@lines;
}

# ---- the embedded TCP server (--- tcp_listen) -------------------------

# Listens before the request is sent, and serves one connection in a
# child: reads the query (tcp_query_len bytes, the length of tcp_query, or
# a single read when neither is given), records it in a file, sends
# tcp_reply (a string, an array of strings, or a sub given the query that
# returns either) and closes, unless tcp_no_close.
sub start_tcp_mock {
    my ($block, $ports) = @_;
    my $name = $block->name;
    my $target = expand_env_in_text($block->tcp_listen, $name, $ports);
    my $reply = $block->tcp_reply;
    bail_out("$name - no --- tcp_reply specified but --- tcp_listen is specified")
        if !defined $reply && !defined $block->tcp_shutdown;
    my $want = $block->tcp_query_len;
    my $file;
    if (defined $block->tcp_query || defined $want) {
        $want //= length $block->tcp_query;
        $file = "$ServRoot/tcp_query.$$";
        unlink $file;
    }
    my $sock;
    for my $try (1 .. 30) {
        if ($target =~ /^\d+$/) {
            $sock = IO::Socket::INET->new(LocalHost => '127.0.0.1',
                LocalPort => $target, Proto => 'tcp', ReuseAddr => 1,
                Listen => 5);
        } elsif ($target =~ /\S+\.sock$/) {
            unlink $target;
            $sock = IO::Socket::UNIX->new(Local => $target,
                Type => SOCK_STREAM, Listen => 5);
        } else {
            bail_out("$name - bad tcp_listen target: $target");
        }
        last if $sock || $! !~ /in use/i;
        warn "WARNING: failed to create the tcp listening socket: $!\n";
        sleep 1;
    }
    bail_out("$name - failed to create the tcp listening socket: $!") if !$sock;

    my $pid = fork // bail_out("$name - fork() failed: $!");
    if ($pid) {
        $Mock = { pid => $pid, sock => $sock, file => $file, target => $target };
        return $Mock;
    }
    # The child must never return into the test script: no Test::More
    # summary, no END blocks, whatever happens in a tcp_reply sub.
    eval { serve_tcp_mock($block, $sock, $file, $want, $reply) };
    warn "WARNING: $name - tcp_listen server: $@" if $@;
    POSIX::_exit(0);
}

sub serve_tcp_mock {
    my ($block, $sock, $file, $want, $reply) = @_;
    my $client;
    sleep $Sleep until $client = $sock->accept;
    my $how = $block->tcp_shutdown;
    shutdown $client, $how if defined $how;
    # As in the real harness: 0 and 2 stop the reading, 1 the writing.
    my $no_read = defined $how && $how != 1;
    my $no_write = defined $how && $how == 1;
    my $buf = '';
    if (!$no_read) {
        # Unlike the real harness, stop at end of file instead of spinning.
        while (sysread $client, my $chunk, 4096) {
            $buf .= $chunk;
            if ($file) {
                # rename is atomic: the parent never reads a partial file.
                open my $out, '>', "$file.tmp" or die "$file.tmp: $!\n";
                print $out $buf;
                close $out;
                rename "$file.tmp", $file or die "$file: $!\n";
            }
            last if !$want || length $buf >= $want;
        }
    }
    my $delay = parse_time($block->tcp_reply_delay);
    sleep $delay if $delay;
    if (defined $reply && !$no_write) {
        $reply = $reply->($buf) if ref $reply eq 'CODE';
        $client->autoflush(1);
        # One write per element: an array reply is a series of packets.
        print $client $_ for ref $reply eq 'ARRAY' ? @$reply : ($reply);
    }
    sleep 1 while defined $block->tcp_no_close;
    close $client;
}

# What the mock received, then the mock is gone.
sub finish_tcp_mock {
    my $m = shift // return '';
    my $got = $m->{file} ? log_text($m->{file}) : '';
    if (is_running($m->{pid})) {
        kill TERM => $m->{pid};
        my $t = time + $Timeout;
        sleep 0.01 while waitpid($m->{pid}, WNOHANG) == 0 && time < $t;
        kill KILL => $m->{pid};
    }
    waitpid $m->{pid}, 0;
    close $m->{sock};
    unlink $m->{file} if $m->{file};
    unlink $m->{target} if $m->{target} =~ /\.sock$/;
    undef $Mock;
    return $got;
}

# ---- cleanup ------------------------------------------------------------

sub cleanup_test { my $block = shift; $_->($block) for @TestCleanupHandlers }

sub cleanup {
    $_->() for @CleanupHandlers;
    finish_tcp_mock($Mock) if $Mock;
}

END {
    local $?;   # keep the exit status Test::Builder has set
    cleanup();
    stop_nginx('END') if $Started && ($UseValgrind || !$ENV{TEST_NGINX_NO_CLEAN});
}

1;
