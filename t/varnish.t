# t/varnish.t - the site behind a real shared cache: a private varnishd
# running docs/examples/varnish.vcl, whose backend is the test httpd
# (virtual host webcast_cdn) through a relay this test switches off, so
# that "origin down" is real while the suite's httpd keeps running.
# The origin's own log (logs/cdn_log) shows every request that reached it,
# with its status and validators.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use File::Temp qw(tempdir);
use IO::Select ();
use IO::Socket::INET ();
use POSIX ();
use Time::HiRes qw(time sleep);
use lib 't/lib';
use WebcastTest qw(db db_sql free_port raw_request wait_for);

plan skip_all => 'end-to-end: runs once, in the plain pass (WEBCAST_E2E=0)'
    if ($ENV{WEBCAST_E2E} // '1') eq '0';
my $varnishd = '/usr/sbin/varnishd';
plan skip_all => "no $varnishd (tools/deps test installs varnish)" unless -x $varnishd;

Apache::TestRequest::module('webcast_cdn');
my ($origin_host, $origin_port) = split /:/, Apache::TestRequest::hostport();
my $origin_log = Apache::Test::vars('serverroot') . '/logs/cdn_log';

my $dir = tempdir('webcast-varnish.XXXXXX', TMPDIR => 1, CLEANUP => 1);
my ($relay_pid, $varnish_pid);

# ---- the relay: a TCP forwarder to the origin, one process per connection,
# all in its own process group so that stopping it closes every connection
sub shuttle {
    my ($client) = @_;
    my $up = IO::Socket::INET->new(PeerAddr => $origin_host, PeerPort => $origin_port)
        or return;
    my $sel = IO::Select->new($client, $up);
    while (my @ready = $sel->can_read(30)) {
        for my $from (@ready) {
            my $to = $from == $client ? $up : $client;
            my $n = sysread($from, my $buf, 65536);
            return unless $n;
            my $off = 0;
            while ($off < $n) {
                my $w = syswrite($to, $buf, $n - $off, $off);
                return unless $w;
                $off += $w;
            }
        }
    }
}

sub relay_start {
    my ($port) = @_;
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        setpgrp(0, 0);
        my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port,
                                      Listen => 128, ReuseAddr => 1) or POSIX::_exit(1);
        $SIG{CHLD} = 'IGNORE';
        while (1) {
            my $c = $l->accept or next;
            my $kid = fork;
            if (defined $kid && !$kid) {
                close $l;
                shuttle($c);
                POSIX::_exit(0);
            }
            close $c;
        }
    }
    wait_for(10, sub { IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port") })
        or die "the relay on port $port does not answer";
    return $pid;
}

sub relay_stop {
    return unless $relay_pid;
    kill 'KILL', -$relay_pid;
    waitpid $relay_pid, 0;
    undef $relay_pid;
}

END {
    my $rc = $?;
    relay_stop();
    # (a death between its start and reading its pid file too)
    if (!$varnish_pid && $dir && -s "$dir/varnishd.pid") {
        $varnish_pid = do { open my $p, '<', "$dir/varnishd.pid"; <$p> + 0 };
    }
    if ($varnish_pid) {
        kill 'TERM', $varnish_pid;
        wait_for(10, sub { !kill 0, $varnish_pid });
        kill 'KILL', $varnish_pid;
    }
    $? = $rc;
}

# ---- varnishd with the documented VCL, its backend the relay; one test
# addition: requests marked "X-Test-Validator: date" revalidate with
# If-Modified-Since alone (Varnish sends both validators when it has both)
my $relay_port = free_port();
$relay_pid = relay_start($relay_port);
open my $in, '<', "$ENV{WEBCAST_TOP}/docs/examples/varnish.vcl" or die $!;
my $vcl = do { local $/; <$in> };
close $in;
$vcl =~ s/\.host = "[^"]*";/.host = "127.0.0.1";/ or die 'no .host in the example VCL';
$vcl =~ s/\.port = "[^"]*";/.port = "$relay_port";/ or die 'no .port in the example VCL';
$vcl .= <<'VCL';

sub vcl_backend_fetch {
    if (bereq.http.X-Test-Validator == "date") {
        unset bereq.http.If-None-Match;
    }
}
VCL
open my $out, '>', "$dir/webcast.vcl" or die $!;
print $out $vcl;
close $out;
my $vport = free_port();
# (what it says goes to a file: "Child launched OK" is no TAP)
system('sh', '-c', 'exec "$@" >"$0" 2>&1', "$dir/varnishd.out", $varnishd,
       '-n', "$dir/varnish", '-a', "127.0.0.1:$vport", '-f', "$dir/webcast.vcl",
       '-s', 'malloc,64m', '-P', "$dir/varnishd.pid") == 0
    or die "varnishd failed to start:\n" . `cat '$dir/varnishd.out'`;
wait_for(10, sub { -s "$dir/varnishd.pid" }) or die 'varnishd wrote no pid file';
$varnish_pid = do { open my $p, '<', "$dir/varnishd.pid" or die $!; <$p> + 0 };
wait_for(10, sub { IO::Socket::INET->new(PeerAddr => "127.0.0.1:$vport") })
    or die 'varnishd does not answer';

# GET through Varnish: { status, headers (lc names), body }
sub cdn_get {
    my ($path, @headers) = @_;
    my $res = raw_request('GET', $path, hostport => "127.0.0.1:$vport",
                          headers => join('', map { "$_\r\n" } @headers));
    if (($res->{headers}{'transfer-encoding'} // '') =~ /chunked/i) {   # a miss streams
        my ($body, $whole) = ($res->{body}, '');
        while ($body =~ s/\A([0-9a-fA-F]+)[^\r]*\r\n//) {
            my $n = hex $1;
            last if $n == 0;
            $whole .= substr($body, 0, $n, '');
            $body =~ s/\A\r\n//;
        }
        $res->{body} = $whole;
    }
    return $res;
}

# What reached the origin for $path since the test began: "status inm ims".
my $log_start = -s $origin_log // 0;
sub origin_saw {
    my ($path) = @_;
    open my $fh, '<', $origin_log or return ();
    seek $fh, $log_start, 0;
    return map { m{^\Q$path\E (\d+) (.*)$} ? "$1 $2" : () } <$fh>;
}

sub hit { ($_[0]{headers}{'x-varnish'} // '') =~ /^\d+ \d+$/ }
my $gzip = 'Accept-Encoding: gzip';

# ---- (1) it caches: the second request is Varnish's, the origin saw one
my $page = '/presentations/1/';
my $movie = '/presentations/webcast-archive.1.ref.mov';
my $t_first = time;
my $first = cdn_get($page, $gzip);
my $first_movie = cdn_get($movie);
is $first->{status}, 200, 'through Varnish: 200';
like $first->{headers}{'cache-control'} // '',
    qr/^public, max-age=\d+, s-maxage=3, stale-while-revalidate=3, stale-if-error=60$/,
    'Cache-Control for shared caches, from the directives';
like $first->{headers}{'vary'} // '', qr/Accept-Encoding/, 'Vary: Accept-Encoding kept';
is $first->{headers}{'content-encoding'}, 'gzip', "the origin's gzip copy";
ok !exists $first->{headers}{'x-webcast-swr'}, "the VCL's own header is not passed on";
ok defined $first_movie->{headers}{'last-modified'}, 'the movie has a Last-Modified';
my $second = cdn_get($page, $gzip);
ok hit($second), 'second request: a hit (X-Varnish has two ids)'
    or diag "X-Varnish: $second->{headers}{'x-varnish'}";
is $second->{body}, $first->{body}, 'the same bytes';
sleep 1.2;
my $third = cdn_get($page, $gzip);
cmp_ok $third->{headers}{'age'} // 0, '>', 0, 'a second later: Age > 0';
my $plain = cdn_get($page);
is $plain->{status}, 200, 'a client without gzip gets the page too';
unlike $plain->{body}, qr/^\x1f\x8b/, '... uncompressed';
is scalar(origin_saw($page)), 1, 'the origin saw one request for the page'
    or diag join "\n", origin_saw($page);

# ---- (2) after s-maxage: revalidated with the origin, which answers 304
sleep 0.1 while time < $t_first + 3.5;      # stale, within stale-while-revalidate
cdn_get($page, $gzip);
cdn_get($movie, 'X-Test-Validator: date');
ok wait_for(10, sub { origin_saw($page) >= 2 && origin_saw($movie) >= 2 }),
    'after s-maxage Varnish asks the origin again';
my @page_log = origin_saw($page);
like $page_log[1] // '', qr/^304 inm=\\"[0-9a-f]+-gz\\"/, 'If-None-Match (the gzip copy\'s tag): 304'
    or diag join "\n", @page_log;
my @movie_log = origin_saw($movie);
like $movie_log[1] // '', qr/^304 inm=- ims=\w{3}, \d\d \w{3} \d{4} /,
    'If-Modified-Since alone: 304' or diag join "\n", @movie_log;
my $revalidated = cdn_get($page, $gzip);
is $revalidated->{body}, $first->{body}, 'the copy stays the same after the 304';

# ---- (3) origin down: the stale copy, within stale-if-error
my $t_refresh = time;       # the last copy of the page is from about now
relay_stop();
ok !IO::Socket::INET->new(PeerAddr => "127.0.0.1:$relay_port"), 'relay off: the origin is down';
my $n_page = origin_saw($page);
sleep 0.1 while time < $t_refresh + 6.5;    # past s-maxage + stale-while-revalidate
my $stale = cdn_get($page, $gzip);
is $stale->{status}, 200, 'origin down: Varnish serves its stale copy (200)';
is $stale->{body}, $first->{body}, '... the page it had';
cmp_ok $stale->{headers}{'age'} // 0, '>=', 6, '... past s-maxage + stale-while-revalidate (Age '
    . ($stale->{headers}{'age'} // '?') . ')';
is cdn_get('/presentations/5/')->{status}, 503, 'a page Varnish never had: 503';
$relay_pid = relay_start($relay_port);
is scalar(origin_saw($page)), $n_page, 'nothing reached the origin meanwhile';
# after a refused connection Varnish waits backend_remote_error_holddown
# (0.25 s) before it tries that backend again
sleep 1;

# ---- a database outage: the origin answers 503 + Retry-After, no-store;
# Varnish keeps its copy instead and keeps no 503 after the database is back
my $nc = '/nocache/presentations/1/';
my $nc_first = cdn_get($nc);
is $nc_first->{status}, 200, 'without the origin cache: 200';
my $t_nc = time;
db 'stop';
sleep 0.1 while time < $t_nc + 6.5;
my $nc_stale = cdn_get($nc);
is $nc_stale->{status}, 200, 'database down: Varnish shows its stale copy, not the 503';
is $nc_stale->{body}, $nc_first->{body}, '... the page it had';
like((origin_saw($nc))[-1] // '', qr/^503 /, '... the origin did answer 503');
# (the page of part 1 is older than s-maxage + stale-while-revalidate by
# now; httpd has only its own stale copy, or nothing, to give)
my $page_down = cdn_get($page, $gzip);
is $page_down->{status}, 200, 'database down: a page httpd has cached stale';
cmp_ok $page_down->{headers}{'age'} // 0, '>=', 6, "... is Varnish's own copy (Age "
    . ($page_down->{headers}{'age'} // '?') . '), not replaced by the stale answer';
is $page_down->{body}, $first->{body}, '... the page it had';
my $down = cdn_get('/nocache/presentations/2/');
is $down->{status}, 503, 'database down, no copy: 503 through Varnish';
like $down->{headers}{'retry-after'} // '', qr/^\d+$/, '... with Retry-After';
is $down->{headers}{'cache-control'}, 'no-store', '... and no-store';
db 'start';
ok wait_for(20, sub { cdn_get('/nocache/presentations/2/')->{status} == 200 }),
    'database back: the page at once, no 503 kept by Varnish';

# ---- a scheduled change: a talk starts in a few seconds; the countdown is
# cached, and with s-maxage and stale-while-revalidate of 600 s, Varnish
# still stops showing it at the start
db_sql(q{DELETE FROM presentation WHERE workshop_id = 300});
db_sql(q{DELETE FROM workshop WHERE id = 300});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream)
         VALUES (300, 'cdn-ws', 'CDN workshop', CURRENT_DATE, CURRENT_DATE + INTERVAL 1 DAY, 'cdn.sdp')});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
         has_webcast, webcast_state, webcast_auto) VALUES
         (300, 300, 'Starts soon', 'S', UTC_TIMESTAMP() + INTERVAL 5 SECOND,
          UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1)});
my $starts = db_sql(q{SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', starts_at) FROM presentation WHERE id = 300});
my $soon = '/long/presentations/300/';
my $t_req = time;
my $before = cdn_get($soon);
like $before->{body}, qr{<div class="webcast upcoming"}, 'before the start: the countdown';
my ($smax, $swr) = ($before->{headers}{'cache-control'} // '')
    =~ /s-maxage=(\d+), stale-while-revalidate=(\d+)/;
ok defined $swr && $smax + $swr <= $starts - $t_req,
    's-maxage + stale-while-revalidate (' . ($smax // '?') . ' + ' . ($swr // '?')
    . ') end by the start, not after 600 + 600 s';
sleep 1;
my $cached = cdn_get($soon);
ok hit($cached) && $cached->{body} =~ /webcast upcoming/, 'the countdown is served by Varnish';
sleep 0.1 while time < $starts + 0.5;
my $after = cdn_get($soon);
like $after->{body}, qr{<div class="webcast live"}, 'after the start Varnish shows it live, not the countdown';
my @soon_log = origin_saw($soon);
is scalar(@soon_log), 2, '... fetched anew from the origin (before and after the start only)'
    or diag join "\n", @soon_log;
db_sql(q{DELETE FROM presentation WHERE workshop_id = 300});
db_sql(q{DELETE FROM workshop WHERE id = 300});

done_testing();
