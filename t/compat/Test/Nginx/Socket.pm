package Test::Nginx::Socket;

# A small stand-in for openresty's Test::Nginx::Socket, which Debian does
# not package.  t/run-prove puts t/compat on PERL5LIB only when the real
# module is missing, so every .t file must mean the same under both: the
# sections below follow the real harness (its parsing of --- request, the
# checks it makes and their names and numbers), and a section this runner
# does not know stops the file with an error instead of being ignored.
#
# Blocks are parsed by Test::Base, as in the real harness, so filters such
# as `eval` and `chomp`, and ONLY / SKIP / LAST, come from there.

use strict;
use warnings;

use Test::Base -base;   # -base: inherit without Spiffy's source filter
use HTTP::Response ();
use IO::Select ();
use IO::Socket::INET ();
use List::Util qw(min shuffle);
use Scalar::Util qw(looks_like_number);
use Time::HiRes qw(sleep);
use Test::LongString ();

use Test::Nginx::Compat::Server qw(:DEFAULT :internal);

our $VERSION = '0.33';   # the real version whose semantics this follows

our @EXPORT = (@Test::Nginx::Compat::Server::EXPORT, qw(plan run_tests));

# Sections with the meaning the real harness gives them.  no_check_leak
# only matters in the real check-leak mode and is accepted as a no-op.
my %Known = map { $_ => 1 } qw(
    ONLY SKIP LAST
    main_config post_main_config http_config config server_name log_level
    init user_files
    request raw_request pipelined_requests more_headers timeout abort
    shutdown wait raw_request_middle_delay ignore_response
    error_code error_code_like response_body response_body_like
    response_body_unlike response_headers response_headers_like
    raw_response_headers_like raw_response_headers_unlike
    error_log no_error_log access_log no_access_log must_die suppress_stderr
    tcp_listen tcp_query tcp_query_len tcp_reply tcp_reply_delay
    tcp_no_close tcp_shutdown
    no_check_leak
);

# Test::Base's own fields of a block, not sections.
my %BlockFields = map { $_ => 1 }
    qw(name description seq_num is_filtered blocks_object original_values);

my $PrevConfig;
my $ConnectFailures = 0;

sub run_tests () {
    init_server();
    my @blocks = $NoShuffle ? blocks() : shuffle blocks();
    # Preprocessors run on every block before the first one starts, so that
    # a section we cannot honour stops the file before nginx does anything.
    for my $block (@blocks) {
        $_->($block) for @BlockPreprocessors;
        for my $section (sort keys %$block) {
            next if $Known{$section} || $BlockFields{$section}
                    || $section =~ /^_/;
            die "$0: " . $block->name . ": section '--- $section' is not "
              . "implemented by the compat Test::Nginx::Socket (t/compat); "
              . "implement it there or run under the real Test::Nginx\n";
        }
        $block->set_value(name => "$0 " . $block->name);
    }
    for my $block (@blocks) {
        run_block($block);
        cleanup_test($block);
    }
    cleanup();
}

# ---- one block ------------------------------------------------------

sub run_block {
    my $block = shift;
    my $name = $block->name;
    my $ports = $RandPorts = {};
    local $Test::Nginx::Compat::Server::LogLevel = $block->log_level
        if $block->log_level;
    my $config = expand_env_in_text(scalar $block->config, $name, $ports);

    # As in the real harness, a block without --- config reuses the running
    # nginx (and its error.log) of the block before it.
    if (defined $config) {
        $PrevConfig = $config;
        my $start = prepare_nginx($block, $config, $ports);
        return run_must_die($block) if defined $block->must_die;
        launch_nginx($block) if $start;
    } elsif (!defined $PrevConfig) {
        bail_out("$name - No '--- config' section specified and could not "
                 . "get previous one.");
    } elsif ($UseValgrind && !$UseHup) {
        # Valgrind mode stops nginx after each block (the real harness then
        # fails this block): start it again on the previous nginx.conf.
        launch_nginx($block);
    }

    if (defined(my $init = $block->init)) {
        eval $init;
        bail_out("$name - init failed: $@") if $@;
    }

    $ErrLogPos = 0;
    for my $rep (0 .. $RepeatEach - 1) {
        my $mock = defined $block->tcp_listen
                   ? start_tcp_mock($block, $ports) : undef;
        write_user_files($block, $ports) if $rep > 0;
        run_requests($block, $rep);
        next if !$mock;
        my $got = finish_tcp_mock($mock);
        is_str($got, $block->tcp_query, "$name - tcp_query ok")
            if defined $block->tcp_query;
        is(length $got, $block->tcp_query_len, "$name - TCP query length ok")
            if defined $block->tcp_query_len;
    }
    finish_block($block);
}

# nginx must fail to start: its status, then the error log checks.
sub run_must_die {
    my $block = shift;
    my $name = $block->name;
    my $must_die = $block->must_die;
    $ErrLogPos = 0;
    for my $rep (0 .. $RepeatEach - 1) {
        my $status = try_nginx($block);
        if ($status == -1) {
            fail("$name - failed to execute the nginx command line");
        } elsif ($status & 128) {
            fail("$name - nginx core dumped");
        } elsif (looks_like_number($must_die)) {
            is($must_die, $status >> 8, "$name - die with the expected exit code");
        } else {
            isnt($status, 0, "$name - die as expected");
        }
        check_error_log($block, $rep);
        if ($status == 0) {
            warn "WARNING: $name - nginx must die but it does not; killing it (req $rep)\n";
            sleep $Sleep;
            stop_nginx($name);
        }
    }
}

sub run_requests {
    my ($block, $rep) = @_;
    my $name = $block->name;
    my $reqs = requests_of($block);
    my $timeout = parse_time($block->timeout) // $Timeout;
    my $pipelined = $block->pipelined_requests;
    # Several requests, or pipelined ones, want one expected value each.
    my $need_array = $pipelined ? 1 : @$reqs > 1;
    my $idx = 0;

    for my $i (0 .. $#$reqs) {
        my ($raw, $head) = send_request($block, $reqs->[$i], $timeout);
        my $more = $pipelined ? @$pipelined : 0;   # responses left in $raw
        do {
            my ($res, $raw_headers, $left);
            ($res, $raw_headers, $left) = parse_response($name, $raw // '', $head)
                if !defined $block->ignore_response;
            if ($more) {
                $raw = $left;
                $more--;
            } elsif (defined $left && length $left) {
                (my $l = $left) =~ s/([\0-\037\200-\377])/sprintf('\x{%02x}', ord $1)/eg;
                warn "WARNING: $name - unexpected extra bytes after last chunk in ",
                     "response: \"$l\"\n";
            }
            if (!defined $block->ignore_response) {
                check_response($block, $res, $raw_headers, $idx, $rep, $need_array);
            }
            # The logs are checked after every response, not only the last.
            if ($more || $i < $#$reqs) {
                sleep $block->wait if $block->wait;
                check_error_log($block, $rep);
                check_access_log($block, $rep) if !defined $block->ignore_response;
            }
            $idx++;
        } while ($more);
    }
    sleep $block->wait if $block->wait;
    check_error_log($block, $rep);
    check_access_log($block, $rep) if !defined $block->ignore_response;
}

# ---- building requests ----------------------------------------------

# A list of requests, each a list of packets { value, delay_before }.
sub requests_of {
    my $block = shift;
    my $name = $block->name;
    my $raw = $block->raw_request;
    if (defined $raw) {
        return [[ map { { value => $_ } } ref $raw eq 'ARRAY' ? @$raw : $raw ]];
    }
    my $more = $block->more_headers // '';
    my $hdr = sub {
        my $i = shift;
        return $more if ref $more ne 'ARRAY';
        return $more->[$i] // bail_out("--- more_headers lacks data for the request $i");
    };
    if (my $reqs = $block->pipelined_requests) {
        bail_out("$name - invalid entries in --- pipelined_requests")
            if ref $reqs ne 'ARRAY';
        my $all = '';
        for my $i (0 .. $#$reqs) {
            my $req = expand_env_in_text($reqs->[$i], $name, $RandPorts);
            $all .= join '', map { $_->{value} } @{ build_request($name,
                $hdr->($i), $i == $#$reqs ? 'close' : 'keep-alive', [$req]) };
        }
        return [[{ value => $all }]];
    }
    my $request = $block->request;
    if (!ref $request) {
        # Leading comment lines and blank space are not part of it.
        1 while defined $request && $request =~ s/^\s*\#[^\n]+\s+|^\s+//gs;
        return [ build_request($name, $hdr->(0), 'close', [$request]) ];
    }
    bail_out("$name - invalid ---request : MUST be string or array of requests")
        if ref $request ne 'ARRAY';
    my @list;
    for my $i (0 .. $#$request) {
        my $one = $request->[$i];
        my @packets = ref $one eq 'ARRAY' ? @$one
                    : !ref $one ? ($one)
                    : bail_out("$name - Invalid syntax. $one should be a string or an array of packets.");
        push @list, build_request($name, $hdr->($i), 'close', \@packets);
    }
    return \@list;
}

# Turns "METHOD [URI [VERSION]]\nbody" into a real request, as the real
# harness does: the request line completed (defaults / and HTTP/1.1), then
# Host and Connection unless more_headers has them, more_headers, and a
# Content-Length for the body trimmed of surrounding white space (unless
# more_headers gives Content-Length or chunked).  The packet boundaries of
# the source text are kept at the same places in the result.
sub build_request {
    my ($name, $more, $conn, $packets) = @_;
    my @pk = map { ref $_ eq 'HASH' ? {%$_} : { value => $_ } } @$packets;
    for (@pk) {
        bail_out("$name - Invalid syntax. $_->{value} should be a string or hash with value.")
            if ref $_->{value};
    }
    my $text = join '', map { $_->{value} // '' } @pk;
    my ($first, $body) = $text =~ /\A([^\n]*\n?)(.*)\z/s;
    bail_out("$name - Request line should be non-empty") if $first eq '';
    $first =~ /^(\s*)(\S+)( *)(?:(\S+)( *))?(?:(\S+)( *))?(\s*)$/
        or bail_out("$name - Request line is not valid. Should be "
                    . "'meth [url [version]]' but got \"$first\".");
    my ($ws0, $meth, $ws1, $url, $ws2, $ver, $ws3, $eol)
        = ($1, $2, $3, $4 // '', $5 // '', $6 // '', $7 // '', $8);

    my ($headers, $chunked) = ('', 0);
    for my $line (split /\n+/, $more) {
        next if $line =~ /^\s*\#/;
        my ($k, $v) = split /:\s*/, $line, 2;
        $v //= '';
        $chunked = 1 if lc $k eq 'transfer-encoding' && $v eq 'chunked';
        $headers .= "$k: $v\r\n";
    }
    my $len = '';
    if (!$chunked && $body ne '' && $headers !~ /(?:^|\n)Content-Length:/) {
        $body =~ s/^\s+|\s+$//gs;
        $len = 'Content-Length: ' . length($body) . "\r\n";
    }
    my $auto = ($headers !~ /(?:^|\n)Host:/i ? "Host: $ServerName\r\n" : '')
             . ($headers !~ /(?:^|\n)Connection/i ? "Connection: $conn\r\n" : '');

    # [source length, replacement] pieces, in order.
    my @pieces = ([length $ws0, ''], [length $meth, "$meth "],
        [length $ws1, ''], [length $url, ($url eq '' ? '/' : $url) . ' '],
        [length $ws2, ''], [length $ver, ($ver eq '' ? 'HTTP/1.1' : $ver) . "\r\n"],
        [length($ws3) + length($eol), ''], [0, "$auto$headers$len\r\n"],
        [length($text) - length($first), $body]);
    my $out = join '', map { $_->[1] } @pieces;
    return [{ value => $out }] if @pk == 1;

    # Where a source offset lands in the result: inside a replaced piece at
    # the same distance from its start (as far as the replacement goes);
    # insertions at a boundary belong to the packet before it.
    my $map = sub {
        my $b = shift;
        my ($o, $n) = (0, 0);
        for my $p (@pieces) {
            my ($olen, $new) = @$p;
            last if $olen > 0 ? $b <= $o : $o > $b;
            return $n + min($b - $o, length $new) if $b < $o + $olen;
            ($o, $n) = ($o + $olen, $n + length $new);
        }
        return $n;
    };
    my ($src, $dst) = (0, 0);
    for my $i (0 .. $#pk) {
        $src += length($pk[$i]{value} // '');
        my $end = $i == $#pk ? length $out : $map->($src);
        $pk[$i]{value} = substr $out, $dst, $end - $dst;
        $dst = $end;
    }
    return \@pk;
}

# ---- the client -----------------------------------------------------

sub connect_server {
    my ($block, $timeout) = @_;
    my $name = $block->name;
    for my $try (1 .. ($ConnectFailures ? 20 : 50)) {
        my $sock = IO::Socket::INET->new(PeerAddr => $ServerAddr,
            PeerPort => $ClientPort, Proto => 'tcp', Timeout => $timeout);
        return $sock if $sock;
        my $err = $!;
        if ($ChildPid && waitpid($ChildPid, POSIX::WNOHANG()) != 0) {
            Test::More->builder->no_ending(1);
            fail("$name - Can't connect to $ServerAddr:$ClientPort: $err (aborted)\n");
            return undef;
        }
        # nginx may still be starting (valgrind is slow): back off, as the
        # real harness does.
        my $wait = min(1, ($Sleep + $Sleep * $try) * $try / 2);
        warn "$name - Can't connect to $ServerAddr:$ClientPort: $err\n"
            if $wait >= 0.6;
        sleep $wait;
    }
    my $msg = "$name - Can't connect to $ServerAddr:$ClientPort: $! (aborted)\n";
    bail_out($msg) if ++$ConnectFailures >= 3;
    Test::More->builder->no_ending(1);
    fail($msg);
    return undef;
}

# Writes the packets (sleeping delay_before, or raw_request_middle_delay,
# between them) while reading, until nginx closes the connection.  The
# timeout is per I/O event, as in the real harness.
sub send_request {
    my ($block, $packets, $timeout) = @_;
    my $name = $block->name;
    my $head = (join '', map { $_->{value} } @$packets) =~ /^\s*HEAD\s+/ ? 1 : 0;
    my $sock = connect_server($block, $timeout) or return (undef, $head);
    $sock->blocking(0);
    local $SIG{PIPE} = 'IGNORE';   # a write error is reported, not fatal
    my @queue = @$packets;
    my ($buf, $off, $resp) = ((shift @queue)->{value}, 0, '');
    my $sel = IO::Select->new($sock);
    while (1) {
        my ($r, $w) = IO::Select->select($sel, defined $buf ? $sel : undef,
                                         undef, $timeout);
        if (!$r && !$w) {
            close $sock;
            return ($resp, $head) if defined $block->abort;
            Test::More->builder->no_ending(1);
            fail("ERROR: client socket timed out - $name\n");
            return ($resp, $head);
        }
        if ($w && @$w) {
            my $n = syswrite $sock, $buf, length($buf) - $off, $off;
            if (!defined $n) {
                next if $!{EAGAIN} || $!{EWOULDBLOCK};
                warn "write failed: $!\n";
                $resp = "write failed: $!" if $resp eq '';
                last;
            }
            $off += $n;
            while (defined $buf && $off >= length $buf) {
                my $next = shift @queue;
                if (!$next) {
                    undef $buf;
                    my $how = $block->shutdown;
                    shutdown $sock, $how =~ /^\d+$/ ? $how : 1 if defined $how;
                    last;
                }
                my $delay = $next->{delay_before} // $block->raw_request_middle_delay;
                sleep $delay if $delay;
                ($buf, $off) = ($next->{value}, 0);
            }
        }
        if ($r && @$r) {
            my $n = sysread $sock, my $chunk, 4096;
            if (!defined $n) {
                next if $!{EAGAIN} || $!{EWOULDBLOCK};
                warn "WARNING: $name - HTTP response read failure: $!";
                last;
            }
            last if $n == 0;
            $resp .= $chunk;
        }
    }
    close $sock;
    return ($resp, $head);
}

# The response, its raw header block, and what follows its end (the next
# pipelined response), judged by Content-Length or chunked framing.
sub parse_response {
    my ($name, $raw, $head) = @_;
    my $raw_headers = $raw =~ /(.*?\r\n)\r\n/s ? $1 : '';
    my $res = HTTP::Response->parse($raw);
    my $code = $res->code;
    if ($code && $code !~ /^\d+$/) {
        undef $code;
        $res->code(undef);
    }
    return ($res, $raw_headers) if $code && ($code == 304 || $code == 101);
    my $te = $res->header('Transfer-Encoding');
    my $len = $res->header('Content-Length');
    my $left;
    if (defined $te && $te eq 'chunked') {
        my $in = $res->content // '';
        my ($out, $pos) = ('', 0);
        my $bad = sub {
            Test::More->builder->no_ending(1);
            fail("$name - $_[0]");
            return;
        };
        while (1) {
            pos($in) = $pos;
            if ($in =~ /\G0[ \t]*\r\n\r\n/gc) {
                $left = substr $in, pos $in;
                last;
            }
            if ($in !~ /\G[ \t]*([A-Fa-f0-9]+)[ \t]*\r\n/gc) {
                return $bad->($pos < length $in ? 'invalid chunked body received: '
                              . substr($in, $pos) : "no last chunk found - $in");
            }
            my ($size, $at) = (hex $1, pos $in);
            return $bad->('invalid chunked data received (not enough octets '
                          . 'for the data section)') if length($in) < $at + $size;
            return $bad->('invalid chunked data received (expected CRLF).')
                if substr($in, $at + $size, 2) ne "\r\n";
            $out .= substr $in, $at, $size;
            $pos = $at + $size + 2;
        }
        $res->content($out);
    } elsif (defined $len && $len =~ /^\d+$/) {
        my $body = $res->content;
        if (length $body < $len) {
            warn "WARNING: $name - response body truncated: $len expected, "
                 . "but got ", length $body, "\n" if !$head;
        } elsif (length $body > $len) {
            $left = substr $body, $len;
            $res->content(substr $body, 0, $len);
        }
    }
    return ($res, $raw_headers, $left);
}

# ---- checks ---------------------------------------------------------

sub indexed {
    my ($name, $value, $idx, $need_array) = @_;
    return $value if ref $value ne 'ARRAY';
    return $value->[$idx] if $need_array;
    return $value->[0];
}

sub want_array {
    my ($name, $value, $need_array) = @_;
    bail_out("$name - You asked for many requests, the expected results "
             . "should be arrays as well.")
        if $need_array && ref $value ne 'ARRAY';
}

sub check_response {
    my ($block, $res, $raw_headers, $idx, $rep, $need_array) = @_;
    my $name = $block->name;
    my $get = sub {
        my $v = $block->${\ shift};
        return $v if !defined $v;
        want_array($name, $v, $need_array);
        return indexed($name, $v, $idx, $need_array);
    };
    my $code = ($res && $res->code) || '';

    if (defined(my $like = $get->('error_code_like'))) {
        like($code, qr/$like/sm, "$name - status code ok");
    } else {
        is($code, $get->('error_code') // 200, "$name - status code ok");
    }

    $raw_headers //= '';
    if (defined(my $pat = $get->('raw_response_headers_like'))) {
        like($raw_headers, qr/$pat/s, "$name - raw resp headers like");
    }
    if (defined(my $pat = $get->('raw_response_headers_unlike'))) {
        unlike($raw_headers, qr/$pat/s, "$name - raw resp headers unlike");
    }

    # "Name: value" lines; "!Name" for a header that must be absent.
    my $parse_headers = sub {
        my (@keys, %val);
        for (split /\n/, shift // '') {
            s/^\s+|\s+$//g;
            my ($k, $v) = s/^!\s*// ? ($_, undef) : split /\s*:\s*/, $_, 2;
            $k //= '';
            push @keys, $k if !exists $val{$k};
            $val{$k} = $v;
        }
        return map { [$_, $val{$_}] } @keys;
    };
    if (defined(my $spec = $get->('response_headers'))) {
        for ($parse_headers->($spec)) {
            my ($k, $v) = @$_;
            if (!defined $v) {
                unlike($raw_headers, qr/^\s*\Q$k\E\s*:/ms,
                       "$name - header $k not present in the raw headers");
                next;
            }
            $v =~ s/\$ServerPort\b/$ServerPort/g;
            $v =~ s/\$ServerPortForClient\b/$ClientPort/g;
            is(($res ? $res->header($k) : undef) // '', $v, "$name - header $k ok");
        }
    } elsif (defined(my $spec2 = $get->('response_headers_like'))) {
        for ($parse_headers->($spec2)) {
            my ($k, $v) = @$_;
            like(($res ? $res->header($k) : undef) // '', qr/^$v$/,
                 "$name - header $k like ok");
        }
    }

    my $content = $res ? $res->content : undef;
    if (defined $block->response_body) {
        my $expected = $get->('response_body');
        if (defined $expected && !ref $expected) {
            $expected =~ s/\$ServerPort\b/$ServerPort/g;
            $expected =~ s/\$ServerPortForClient\b/$ClientPort/g;
            $expected = expand_env_in_text($expected, $name, $RandPorts);
        }
        my $what = "(repeated req $rep, req $idx)";
        if (ref $expected) {
            like($content, $expected, "$name - response_body - like $what");
        } elsif ($NoLongString) {
            is($content, $expected, "$name - response_body - response is expected $what");
        } else {
            Test::LongString::is_string($content, $expected, "$name - response_body - response is expected $what");
        }
    } elsif (defined $block->response_body_like || defined $block->response_body_unlike) {
        my $type = defined $block->response_body_like ? 'like' : 'unlike';
        my $pat = $get->("response_body_$type");
        $pat =~ s/\$ServerPort\b/$ServerPort/g;
        $pat =~ s/\$ServerPortForClient\b/$ClientPort/g;
        (my $summary = $content // '') =~ s/^\s+|\s+$//g;
        $summary =~ s/\n/ /g;
        $summary =~ s/\s{2,}/ /g;
        my $cmp = $type eq 'like' ? \&like : \&unlike;
        $cmp->($content, qr/$pat/s,
               "$name - response_body_$type - response is expected ($summary)");
    }
}

sub fmt_str {
    my $s = shift;
    chomp $s;
    $s =~ s/"/\\"/g;
    $s =~ s/\r/\\r/g;
    $s =~ s/\n/\\n/g;
    return $s;
}

# Substrings (plain lines) or regexes (eval'ed qr//), as in the real one.
sub patterns {
    my $pats = shift;
    return [ref $pats eq 'Regexp' ? $pats : @$pats] if ref $pats;
    chomp $pats;
    return [split /\n+/, $pats];
}

sub line_matches { my ($l, $p) = @_; return ref $p ? $l =~ $p : index($l, $p) >= 0 }

# Does a pattern list mention $text (a plain pattern, or a regex's source)?
sub mentions {
    my ($pats, $text) = @_;
    for my $p (ref $pats eq 'ARRAY' ? @$pats : ($pats)) {
        next if !defined $p;
        return 1 if ref $p eq 'ARRAY' ? mentions($p, $text)
                                      : index("$p", $text) >= 0;
    }
    return 0;
}

# --- error_log / --- no_error_log (and the access_log pair): one test per
# pattern; a no_* pattern fails once for each line it matches.
sub check_log {
    my ($block, $rep, $file, $kind, $lines) = @_;
    my $name = $block->name;
    my $base = $file =~ m{([^/]+)$} ? $1 : $file;
    if (defined(my $want = $block->$kind)) {
        my @pats = @{ patterns($want) };
        $$lines ||= log_data($file);
        for my $line (@{ $$lines || [] }) {
            for my $p (@pats) {
                next if !defined $p || !line_matches($line, $p);
                pass("$name - pattern \"$p\" matches a line in $base (req $rep)");
                undef $p;
            }
        }
        defined && fail("$name - pattern \"$_\" should match a line in $base (req $rep)")
            for @pats;
    }
    if (defined(my $unwanted = $block->${\ "no_$kind"})) {
        my @pats = @{ patterns($unwanted) };
        my %found;
        $$lines ||= log_data($file);
        my @all = @{ $$lines || [] };
        for my $i (0 .. $#all) {
            for my $p (grep { defined && line_matches($all[$i], $_) } @pats) {
                Test::More->builder->no_ending(1) if $found{$p}++;
                my @more = @all[$i + 1 .. min($i + 9, $#all - 1)];
                fail("$name - pattern \"" . fmt_str($p) . "\" should not match any "
                     . "line in $base but matches line \"" . fmt_str($all[$i])
                     . "\" (req $rep)\n" . join '', @more);
            }
        }
        $found{$_} || pass("$name - pattern \"" . fmt_str($_)
                           . "\" does not match a line in $base (req $rep)")
            for grep { defined } @pats;
    }
}

sub check_error_log {
    my ($block, $rep) = @_;
    my $lines;
    check_log($block, $rep, $ErrLogFile, 'error_log', \$lines);
    # Serious messages are warned about unless the block expects them; a
    # failed assertion is a failure.
    for my $level (qw(alert crit emerg)) {
        next if mentions([$block->error_log, $block->no_error_log], "[$level");
        $lines ||= log_data($ErrLogFile);
        warn "WARNING: " . $block->name . " - " . fmt_str($_) . "\n"
            for grep { /\[$level\]/ } @{ $lines || [] };
    }
    $lines ||= log_data($ErrLogFile);
    for my $line (grep { /\bAssertion .*?failed\b/ } @{ $lines || [] }) {
        Test::More->builder->no_ending(1);
        chomp $line;
        fail($block->name . " - $line\n");
    }
}

sub check_access_log {
    my ($block, $rep) = @_;
    my $lines;
    check_log($block, $rep, $AccLogFile, 'access_log', \$lines);
}

1;
