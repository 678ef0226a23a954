# t/dbfail.t - database faults: killed connections, a stopped server, a
# restarted server. The module must answer 503 + Retry-After quickly while
# the database is down and heal on its own, without an httpd restart.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use POSIX ();
use Time::HiRes qw(sleep);
use Apache::TestRequest qw(GET);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use lib 't/lib';
use WebcastTest qw(db raw_request wait_for);

Apache::TestRequest::module('webcast_site');

plan tests => 18;

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
cmp_ok $down->{seconds}, '<', 5, 'answered within 5 seconds';
like $down->{body}, qr{<h1>Webcasts are briefly unavailable</h1>}, 'a readable page';
my $page_down = raw_request('GET', '/workshops/test-ws/');
is $page_down->{status}, 503, 'a page while down: 503';
like $page_down->{headers}{'retry-after'} // '', qr/^\d+$/, 'with Retry-After';
my @statuses = map { raw_request('GET', $_ % 2 ? $movie : $live)->{status} } 1 .. 10;
is_deeply [ grep { $_ != 503 } @statuses ], [], 'every request while down is 503';

# A database that hangs instead of refusing (a host that does not answer,
# a server stuck at the handshake): something holds its port and answers
# nothing for 3 s per connection. A request must not wait for it try after
# try (16 tries were 48 s each), and once it failed, the others not at all.
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
sleep 0.5;
# Twelve clients at once, on the several children.
pipe my $rd, my $wr or die "pipe: $!";
my @clients;
for (1 .. 12) {
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        close $rd;
        my $res = raw_request('GET', $movie);
        syswrite $wr, sprintf("%d %.2f\n", $res->{status}, $res->{seconds});
        POSIX::_exit(0);
    }
    push @clients, $pid;
}
close $wr;
waitpid $_, 0 for @clients;
my @hung = map { [ split ' ' ] } <$rd>;
kill 'TERM', $hang_pid;
waitpid $hang_pid, 0;
my $times = join ' ', map { "$_->[1]s" } @hung;
is_deeply [ map { $_->[0] } @hung ], [ (503) x 12 ], 'a hanging database: 503 to every client';
ok !grep({ $_->[1] >= 5 } @hung), 'a hanging database: no answer waits 5 s or more' or diag $times;
cmp_ok scalar(grep { $_->[1] < 1 } @hung), '>=', 6,
       'a hanging database: one request per child tries it, the others are answered at once'
    or diag $times;

db 'start';
ok defined wait_for(10, sub { raw_request('GET', $movie)->{status} == 200 }),
    'database back: 200 again within 10 seconds';
sleep 1.1;      # a child whose try failed a moment ago tries again after 1 s
burst_ok 20, 'after the database returned (and a second): all 200';

fill_pools(30);
db 'restart';
burst_ok 20, 'after a database restart: all 200 from the first request';

burst_ok 10, 'still healthy';

my @crashes = grep { /exit signal|Segmentation fault|AH00052/ }
              t_finish_error_log_watch();
is_deeply \@crashes, [], 'no child crashed';
