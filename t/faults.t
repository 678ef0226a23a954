# t/faults.t - database faults under load: several clients keep asking
# for movies and pages while the database stops, comes back, and has its
# connections killed. Only 200 and 503 + Retry-After while it is down,
# cached pages keep serving (marked stale), only 200 soon after it is
# back, and no child crashes.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use File::Temp qw(tempdir);
use LWP::UserAgent ();
use Time::HiRes qw(sleep time);
use lib 't/lib';
use WebcastTest qw(db);

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();
my @urls = ('/presentations/webcast-archive.1.ref.mov', '/workshops/test-ws/',
            '/presentations/2/', '/cached/workshops/test-ws/');
my $dir = tempdir(CLEANUP => 1);
my $clients = 6;

# Each client: one keep-alive connection (so the cached page stays with
# one httpd child), round-robin over the URLs, one line per answer.
sub client {
    my ($n) = @_;
    my $ua = LWP::UserAgent->new(keep_alive => 1, timeout => 10);
    open my $log, '>', "$dir/client.$n" or die $!;
    $log->autoflush(1);
    my $i = 0;
    until (-e "$dir/stop") {
        my $url = $urls[$i++ % @urls];
        my $t0 = time;
        my $res = $ua->get("$base$url");
        printf $log "%.3f %.3f %s %d %s %s\n", $t0, time - $t0, $url, $res->code,
            $res->header('Retry-After') // '-', $res->header('X-Webcast-Cache') // '-';
    }
    exit 0;
}

t_start_error_log_watch();
my @pids = map { my $pid = fork // die; $pid ? $pid : client($_) } 1 .. $clients;
my %at;
sleep 2;
$at{stopping} = time; db 'stop'; $at{down} = time;
sleep 4;
$at{starting} = time; db 'start'; $at{up} = time;
sleep 4;
$at{killing} = time; db 'kill-connections';
sleep 3;
open my $stop, '>', "$dir/stop" or die; close $stop;
waitpid $_, 0 for @pids;
my @log = grep { defined } t_finish_error_log_watch();
my @crashes = grep { /exit signal|AH00052/ } @log;

my @rows = map { open my $fh, '<', $_ or die; map { [split] } <$fh> } glob "$dir/client.*";
my (%seen, @bad);
for my $r (@rows) {
    my ($t, $took, $url, $code, $retry, $cache) = @$r;
    # (while the server shuts down and starts, either answer is fine)
    my $phase = $t < $at{stopping} ? 'before' : $t < $at{down} ? 'stopping'
              : $t < $at{starting} ? 'down' : $t < $at{up} + 3 ? 'healing'
              : $t < $at{killing} ? 'up' : 'killed';
    $seen{$phase}{$code}++;
    push @bad, "@$r ($phase)" if $code != 200 && $code != 503;
    push @bad, "@$r ($phase): 503 without Retry-After" if $code == 503 && $retry !~ /^\d+$/;
    push @bad, "@$r ($phase): took $took s" if $took > 5;
    # The cache is per child: a client whose keep-alive connection was
    # closed (MaxKeepAliveRequests) may land on a child without a copy.
    # ("updating": the last copy, while another client's request tries.)
    if ($phase eq 'down' && $url =~ m{^/cached/}) {
        $seen{cached_down}{$code == 200 && $cache =~ /^(stale|hit|updating)$/ ? 'served' : 'not'}++;
        push @bad, "@$r ($phase): cached page neither stale nor 503"
            unless ($code == 200 && $cache =~ /^(stale|hit|updating)$/) || $code == 503;
    }
    push @bad, "@$r ($phase): not 200" if $phase =~ /^(before|up|killed)$/ && $code != 200;
}
plan tests => 6;
ok @rows > 200, scalar(@rows) . ' answers from ' . $clients . ' clients';
ok $seen{down}{503}, 'while down: 503s (' . ($seen{down}{503} // 0) . ')';
my ($served, $not) = map { $seen{cached_down}{$_} // 0 } qw(served not);
ok $served >= 0.8 * ($served + $not),
    "while down: the cached page served stale ($served of " . ($served + $not) . ')';
ok $seen{killed}{200} && !$seen{killed}{503}, 'after the connections were killed: only 200';
# (the diagnosis must not die itself: fewer than 20 or 30 lines are fine)
my @db_log = grep { /mod_webcast|dbd:/ } @log;
is_deeply \@bad, [], 'every answer as it should be for its phase' or diag join "\n", @bad[0 .. ($#bad < 20 ? $#bad : 20)],
    sprintf("phases: %s", join ' ', map { "$_ $at{$_}" } sort keys %at),
    @db_log[($#db_log < 30 ? 0 : $#db_log - 29) .. $#db_log];
is_deeply \@crashes, [], 'no child crashed';
