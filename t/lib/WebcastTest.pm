package WebcastTest;
# Helpers shared by the t/*.t files: raw HTTP (so odd bytes reach httpd
# unaltered) and control of the private MariaDB that tools/test started.
use strict;
use warnings FATAL => 'all';

use Exporter 'import';
use IO::Socket::INET ();
use Time::HiRes ();
use Apache::Test ();
use Apache::TestRequest ();
use IPC::Open2 qw(open2);
use POSIX ();
use Test::More ();

our @EXPORT_OK = qw(raw_request head_ok db db_sql wait_for html5_ok config_test browser_dir
                    browser_report browser_session
                    free_port httpd_start httpd_stop executed hold_tables);

# Send `$method $target HTTP/1.1` with the bytes of $target as they are
# (to the test server, or to $opt{hostport}).
# Returns { status, headers => {lc name => value}, body, seconds }.
sub raw_request {
    my ($method, $target, %opt) = @_;
    my $hostport = $opt{hostport} // Apache::TestRequest::hostport();
    my ($host, $port) = split /:/, $hostport;
    my $t0 = Time::HiRes::time();
    my $sock = IO::Socket::INET->new(PeerAddr => $host, PeerPort => $port,
                                     Timeout => 30)
        or die "connect $hostport: $!";
    my $body = $opt{body} // '';
    my $extra = $opt{headers} // '';
    print $sock "$method $target HTTP/1.1\r\nHost: $hostport\r\n$extra"
        . "Content-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
    local $/;
    my $resp = <$sock> // '';
    close $sock;
    my ($head, $rest) = split /\r\n\r\n/, $resp, 2;
    my ($status_line, @lines) = split /\r\n/, $head // '';
    my ($status) = ($status_line // '') =~ m{^HTTP/1\.\d (\d{3})};
    my %h = map { my ($k, $v) = split /:\s*/, $_, 2; (lc $k, $v) } @lines;
    return { status => $status // 0, headers => \%h, body => $rest // '',
             seconds => Time::HiRes::time() - $t0 };
}

# HEAD of $path on the wire (LWP would not read a body even if one came):
# 200, $type, the GET body's length, and no body.
sub head_ok {
    my ($path, $type) = @_;
    my $head = raw_request('HEAD', $path);
    my $get = raw_request('GET', $path);
    Test::More::subtest("HEAD $path" => sub {
        Test::More::plan(tests => 4);
        Test::More::is($head->{status}, 200, 'status 200');
        Test::More::is($head->{headers}{'content-type'}, $type, $type);
        Test::More::is($head->{headers}{'content-length'}, length($get->{body}),
                       'length of the GET body');
        Test::More::is($head->{body}, '', 'no body on the wire');
    });
}

# tools/mariadb-private on the test database: start, stop, restart, ...
sub db {
    my @args = @_;
    my $tool = "$ENV{WEBCAST_TOP}/tools/mariadb-private";
    system($tool, $ENV{WEBCAST_TEST_DB_DIR}, @args) == 0
        or die "mariadb-private @args failed: $?";
}

sub db_sql {
    my ($sql) = @_;
    my $tool = "$ENV{WEBCAST_TOP}/tools/mariadb-private";
    open my $fh, '-|', $tool, $ENV{WEBCAST_TEST_DB_DIR}, 'sql', '-N', '-e', $sql
        or die "sql: $!";
    local $/;
    my $out = <$fh> // '';
    close $fh or die "sql failed: $sql";
    $out =~ s/\s+\z//;                 # (chomp needs $/, undef here)
    return $out;
}

# Call $probe until it returns true or $seconds pass; returns the time taken
# or undef.
sub wait_for {
    my ($seconds, $probe) = @_;
    my $t0 = Time::HiRes::time();
    while (Time::HiRes::time() - $t0 < $seconds) {
        return Time::HiRes::time() - $t0 if $probe->();
        Time::HiRes::sleep(0.2);
    }
    return undef;
}

# The page parsed by html5lib in strict mode (t/bin/html5check): the
# WHATWG algorithm browsers use, failing on any parse error.
sub html5_ok {
    my ($html, $name) = @_;
    my $pid = open2(my $out, my $in, "$ENV{WEBCAST_TOP}/t/bin/html5check");
    binmode $in, ':utf8';
    print $in $html;
    close $in;
    my $verdict = do { local $/; <$out> };
    waitpid $pid, 0;
    Test::More::is($?, 0, "well-formed HTML5: $name") or Test::More::diag($verdict);
}

# `apache2 -t` on a minimal server whose files live in $dir: the event MPM,
# the httpd modules named in @$modules (e.g. [qw(authz_core dbd)]), the
# built mod_webcast, then $body. Returns (exit code, output).
# ($listen: the address httpd_start gives it.)
sub config_test {
    my ($dir, $modules, $body, $listen) = @_;
    my $mods = '/usr/lib/apache2/modules';
    open my $fh, '>', "$dir/httpd.conf" or die "$dir/httpd.conf: $!";
    print $fh "ServerRoot $dir\nListen " . ($listen // '127.0.0.1:1')
        . "\nErrorLog $dir/error_log\n"
        . "PidFile $dir/pid\nDefaultRuntimeDir $dir\n"
        . join('', map { "LoadModule ${_}_module $mods/mod_$_.so\n" }
               'mpm_event', @$modules)
        . "LoadModule webcast_module $ENV{WEBCAST_TOP}/.libs/mod_webcast.so\n"
        . $body;
    close $fh;
    my $httpd = Apache::Test::vars('httpd');
    my $out = `'$httpd' -t -f '$dir/httpd.conf' 2>&1`;
    return ($? >> 8, $out);
}

# For the tests in a real browser (t/browser/*.js): skips the whole test,
# saying why, where it should not or cannot run; else installs
# playwright-core and axe-core from t/browser's lockfile (no browser download: Debian's
# Chromium) and returns that directory.
sub browser_dir {
    Test::More::plan(skip_all => 'end-to-end: runs once, in the plain pass (WEBCAST_E2E=0)')
        if ($ENV{WEBCAST_E2E} // '') eq '0';
    my $chromium = $ENV{CHROMIUM} || '/usr/bin/chromium';
    Test::More::plan(skip_all => "no $chromium (tools/deps test installs chromium)")
        unless -x $chromium;
    Test::More::plan(skip_all => 'no node/npm (tools/deps test installs nodejs and npm)')
        unless `node --version 2>/dev/null` && `npm --version 2>/dev/null`;
    my $dir = "$ENV{WEBCAST_TOP}/t/browser";
    unless (-d "$dir/node_modules/playwright-core" && -d "$dir/node_modules/axe-core") {
        local $ENV{PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD} = 1;
        # from inside the directory, not with --prefix: that would also move
        # npm's global config (prefix/etc/npmrc) and lose its settings
        my $out = `cd '$dir' && npm ci --no-audit --no-fund --loglevel=error 2>&1`;
        Test::More::is($?, 0, 'npm ci installs playwright-core and axe-core') or Test::More::diag($out);
    }
    return $dir;
}

# Prepared statements MariaDB has executed so far (what mod_dbd runs;
# this helper's own SQL is not prepared, so it does not count).
# One line a t/browser/*.js script printed: "ok - STEP" passes, "#   TEXT"
# is a diagnosis (say an axe violation's element), "# TEXT" a note;
# anything else - "not ok - ...", a stack trace - fails.
sub browser_report {
    my ($line) = @_;
    chomp $line;
    if ($line =~ /^ok - (.*)/) {
        Test::More::pass("browser: $1");
    }
    elsif ($line =~ /^#   (.*)/) {
        Test::More::diag($1);
    }
    elsif ($line =~ /^# (.*)/) {
        Test::More::note($1);
    }
    else {
        Test::More::fail("browser: $line");
    }
}

# Run a browser script (a shell command line) to its end, each line it
# prints reported as it comes; then that it exited 0.
sub browser_session {
    my ($command, $what) = @_;
    open(my $from, '-|', "$command 2>&1") or die "$command: $!";
    browser_report($_) while <$from>;
    close $from;
    Test::More::is($? >> 8, 0, "the browser session ($what) ran to its end");
}

sub executed {
    db_sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'") =~ /(\d+)\s*$/
        or die 'no Com_stmt_execute';
    return $1;
}

# The tables locked for $seconds by a session of its own, so that every
# query of them waits that long; returns (the session's pid) once the
# lock is held.
sub hold_tables {
    my ($seconds) = @_;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        exec("$ENV{WEBCAST_TOP}/tools/mariadb-private", $ENV{WEBCAST_TEST_DB_DIR}, 'sql', '-e',
             "LOCK TABLES presentation WRITE, workshop WRITE; SELECT SLEEP($seconds); UNLOCK TABLES")
            or POSIX::_exit(1);
    }
    wait_for(10, sub { db_sql("SELECT COUNT(*) FROM information_schema.processlist "
                              . "WHERE info LIKE 'SELECT SLEEP%'") > 0 })
        or die 'the lock was not taken';
    return $pid;
}

# A TCP port on 127.0.0.1 that nothing listens on now.
sub free_port {
    my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1')
        or die "no free port: $!";
    my $port = $s->sockport;
    close $s;
    return $port;
}

# A second httpd of our own (for what the suite's server cannot be, such
# as one with server-wide settings): config_test's httpd.conf plus a
# listener on a free port, started; returns the port. httpd_stop($dir).
sub httpd_start {
    my ($dir, $modules, $body) = @_;
    my $port = free_port();
    my ($rc, $out) = config_test($dir, $modules, $body, "127.0.0.1:$port");
    die "httpd.conf for $dir: $out" if $rc;
    my $httpd = Apache::Test::vars('httpd');
    system($httpd, '-f', "$dir/httpd.conf", '-k', 'start') == 0
        or die "$httpd -k start failed";
    wait_for(30, sub { IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port") })
        or die "httpd in $dir does not answer; error_log:\n"
               . `tail -20 '$dir/error_log'`;
    return $port;
}

sub httpd_stop {
    my ($dir) = @_;
    my $httpd = Apache::Test::vars('httpd');
    system($httpd, '-f', "$dir/httpd.conf", '-k', 'stop');
    wait_for(30, sub { !-e "$dir/pid" });
}

1;
