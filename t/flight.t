# t/flight.t - single flight: a burst of requests for a page costs one
# database read per child and URL, whoever asks at once; while one request
# rebuilds an expired page the others get its last copy; with no copy at
# all they wait for the one build.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use File::Temp qw(tempdir);
use POSIX ();
use Time::HiRes qw(time sleep);
use lib 't/lib';
use WebcastTest qw(db_sql raw_request executed hold_tables);

Apache::TestRequest::module('webcast_flight');
my $log = Apache::Test::vars('t_logs') . '/flight_log';

# $n requests for each of @paths at once, each on a connection of its own
# (so they spread over the children): {path, status, cache, seconds, body}.
sub burst {
    my ($n, @paths) = @_;
    my $dir = tempdir(CLEANUP => 1);
    my @pids;
    for my $i (1 .. $n) {
        for my $j (0 .. $#paths) {
            my $pid = fork // die "fork: $!";
            if (!$pid) {
                my $res = raw_request('GET', $paths[$j]);
                open my $fh, '>', "$dir/$i.$j" or POSIX::_exit(1);
                printf $fh "%s %d %s %.6f\n%s", $paths[$j], $res->{status},
                    $res->{headers}{'x-webcast-cache'} // '-', $res->{seconds}, $res->{body};
                close $fh;
                POSIX::_exit(0);
            }
            push @pids, $pid;
        }
    }
    waitpid $_, 0 for @pids;
    return map {
        open my $fh, '<', $_ or die "$_: $!";
        my ($path, $status, $cache, $seconds) = split ' ', scalar <$fh>;
        local $/;
        { path => $path, status => $status, cache => $cache, seconds => $seconds, body => <$fh> // '' }
    } glob "$dir/*";
}

# The lines flight_log got since $from (bytes): [pid, uri, status, cache].
sub logged_since {
    my ($from) = @_;
    open my $fh, '<', $log or die "$log: $!";
    seek $fh, $from, 0;
    return map { [split] } <$fh>;
}

# Children and URLs of a burst, the answers that were built, and the
# statements the database executed meanwhile.
sub account {
    my ($lines, $queries, $what) = @_;
    my %children = map { ("$_->[0] $_->[1]" => 1) } @$lines;
    my $built = grep { $_->[3] eq 'miss' } @$lines;
    is $built, scalar(keys %children), "$what: one build per child and URL ("
        . scalar(keys %children) . ' child and URL pairs)';
    is $queries, $built, "$what: one database read per build ($queries)";
}

# ---- no copy anywhere: one read, the others wait for it
my @urls = ('/presentations/1/', '/workshops/test-ws/', '/presentations/webcast-archive.1.ref.mov');
my $from = -s $log // 0;
my $before = executed();
my $hold = hold_tables(1);
my @answers = burst(20, @urls);
waitpid $hold, 0;
my $queries = executed() - $before;
my @lines = logged_since($from);
is scalar(@answers), 60, '60 requests at once';
is_deeply [ map { "$_->{status} $_->{cache}" } grep { $_->{status} != 200 } @answers ], [],
    'every one answered 200';
is scalar(@lines), 60, '... and logged';
account(\@lines, $queries, 'a burst with nothing cached');
ok !grep({ $_->[3] eq 'updating' } @lines), 'with no copy, nobody got one';
is_deeply [ grep { $_->{path} =~ /ref\.mov$/ && $_->{body} !~ /^RTSPtext\r\n/ } @answers ], [],
    'each got the whole answer';

# ---- an expired copy: one request rebuilds it, the others get it meanwhile
my $page = '/swr/presentations/2/';
my $title = db_sql('SELECT title FROM presentation WHERE id = 2');
burst(10, $page);                               # a copy in the children
sleep 2.2;                                      # past its TTL
db_sql("UPDATE presentation SET title = 'Retitled while cached' WHERE id = 2");
$from = -s $log;
$before = executed();
$hold = hold_tables(1.5);
@answers = burst(20, $page);
waitpid $hold, 0;
$queries = executed() - $before;
@lines = logged_since($from);
db_sql("UPDATE presentation SET title = '$title' WHERE id = 2");
is_deeply [ map { "$_->{status} $_->{cache}" } grep { $_->{status} != 200 } @answers ], [],
    'every one answered 200';
account(\@lines, $queries, 'a burst on an expired copy');
my @updating = grep { $_->{cache} eq 'updating' } @answers;
ok @updating > 0, 'the others got the last copy (' . scalar(@updating) . ' of ' . @answers . ')';
is_deeply [ grep { $_->{body} =~ /Retitled while cached/ } @updating ], [],
    '... the last copy, not the new one';
my @built = grep { $_->{cache} eq 'miss' } @answers;
my ($slowest) = sort { $b <=> $a } map { $_->{seconds} } @updating;
my ($quickest) = sort { $a <=> $b } map { $_->{seconds} } @built;
cmp_ok $slowest, '<', $quickest,
    '... without waiting for the build, which waited for the database';
is_deeply [ grep { $_->{body} !~ /Retitled while cached/ } @built ], [], 'the build has the change';

done_testing();
