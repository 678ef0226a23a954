# t/dbfail.t - database faults: killed connections, a stopped server, a
# restarted server. The module must answer 503 + Retry-After quickly while
# the database is down and heal on its own, without an httpd restart.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use POSIX ();
use LWP::UserAgent ();
use Time::HiRes qw(sleep time);
use Apache::TestRequest qw(GET);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use lib 't/lib';
use WebcastTest qw(db raw_request wait_for);

Apache::TestRequest::module('webcast_site');

plan tests => 21;

my $movie = '/presentations/webcast-archive.1.ref.mov';
my $live = '/kdmc/webcasts/presentations/webcast-live.2.ref.mov';

# Every request in a burst, alternating two URLs, answers 200.
sub burst_ok {
    my ($n, $name) = @_;
    my @bad;
    for my $i (1 .. $n) {
        my $res = raw_request('GET', $i % 2 ? $movie : $live);
        push @bad, "#$i: $res->{status}" if $res->{status} != 200;
    }
    ok !@bad, $name or diag "failed requests: @bad";
}

# Many clients at once, so every child pools several connections that the
# fault then kills: healing must get past all of them, not just one.
sub fill_pools {
    my ($clients) = @_;
    my @pids;
    for (1 .. $clients) {
        my $pid = fork // die "fork: $!";
        if ($pid == 0) {
            raw_request('GET', $_ % 2 ? $movie : $live) for 1 .. 10;
            exit 0;
        }
        push @pids, $pid;
    }
    waitpid $_, 0 for @pids;
}

t_start_error_log_watch();

burst_ok 10, 'baseline: all 200';

fill_pools(30);
db 'kill-connections';
burst_ok 20, 'after KILL of every connection: all 200, no restart';

db 'stop';
my $down = raw_request('GET', $movie);
is $down->{status}, 503, 'database stopped: 503';
ok defined $down->{headers}{'retry-after'}, 'with Retry-After';
like $down->{headers}{'retry-after'} // '', qr/^\d+$/, 'Retry-After is seconds';
is $down->{headers}{'cache-control'}, 'no-store', 'and no-store: no CDN keeps the outage';
cmp_ok $down->{seconds}, '<', 5, 'answered within 5 seconds';
like $down->{body}, qr{<h1>Webcasts are briefly unavailable</h1>}, 'a readable page';
my $page_down = raw_request('GET', '/workshops/test-ws/');
is $page_down->{status}, 503, 'a page while down: 503';
like $page_down->{headers}{'retry-after'} // '', qr/^\d+$/, 'with Retry-After';
my @statuses = map { raw_request('GET', $_ % 2 ? $movie : $live)->{status} } 1 .. 10;
is_deeply [ grep { $_ != 503 } @statuses ], [], 'every request while down is 503';

db 'start';
ok defined wait_for(10, sub { raw_request('GET', $movie)->{status} == 200 }),
    'database back: 200 again within 10 seconds';
burst_ok 20, 'after the database returned: all 200';

fill_pools(30);
db 'restart';
burst_ok 20, 'after a database restart: all 200 from the first request';

burst_ok 10, 'still healthy';

# A database that hangs instead of refusing (a host that does not answer,
# a server stuck at the handshake): something holds its port and answers
# nothing for 3 s per connection. A keep-alive client on a cached page
# (its stale copy keeps the connection, and so the child, which a 503
# would not) asks again and again: the first request waits one try, not
# sixteen (48 s before), and the next ones, in the second after that
# failure, do not wait for the database at all.
{
    my $ua = LWP::UserAgent->new(keep_alive => 1, timeout => 120);
    my $url = 'http://' . Apache::TestRequest::hostport() . '/cached/presentations/1/';
    $ua->get($url);
    is $ua->get($url)->header('X-Webcast-Cache'), 'hit', 'a hanging database: the page is cached first';
    db 'stop';
    my $hang_pid = fork // die "fork: $!";
    if ($hang_pid == 0) {
        require IO::Socket::INET;
        my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $ENV{WEBCAST_TEST_DB_PORT},
                                      Listen => 64, ReuseAddr => 1) or POSIX::_exit(1);
        $SIG{CHLD} = 'IGNORE';
        while (my $c = $l->accept) {
            if (!fork) { sleep 3; POSIX::_exit(0) }
            close $c;
        }
        POSIX::_exit(0);
    }
    sleep 2.2;      # past the page's TTL
    my @answers;
    for (1 .. 6) {
        my $t0 = time;
        my $res = $ua->get($url);
        push @answers, [ $res->code, $res->header('X-Webcast-Cache') // '-', time - $t0 ];
    }
    kill 'TERM', $hang_pid;
    waitpid $hang_pid, 0;
    my $times = join ' ', map { sprintf '%d/%s:%.2fs', @$_ } @answers;
    is_deeply [ map { "$_->[0] $_->[1]" } @answers ], [ ('200 stale') x 6 ],
        'a hanging database: the cached copy, marked stale' or diag $times;
    cmp_ok $answers[0][2], '<', 5, 'a hanging database: the first answer waits one try (3 s), not sixteen'
        or diag $times;
    ok !grep({ $_->[2] >= 0.5 } @answers[1 .. 5]), '... the next ones do not wait for it' or diag $times;
    sleep 3.5;  # the connections it held close, and any try on them ends
    db 'start';
    ok defined wait_for(10, sub { ($ua->get($url)->header('X-Webcast-Cache') // '') =~ /miss|hit/ }),
        '... and the child heals when it returns';
}

my @crashes = grep { /exit signal|Segmentation fault|AH00052/ }
              t_finish_error_log_watch();
is_deeply \@crashes, [], 'no child crashed';
