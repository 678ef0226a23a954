# t/socache.t - WebcastCacheSOCache: a page built by one child is served
# by the other from the shared cache (shmcb, memcache, redis), one read
# for a burst across children, and a memcached that dies mid-test costs
# nothing but the sharing: still 200s, still quick, one log line a child.
#
# WebcastCacheSOCache is server-wide, so these run on an httpd of their
# own (two children), beside the suite's server, on the same database.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use File::Temp qw(tempdir);
use IO::Socket::INET ();
use POSIX ();
use Time::HiRes qw(time sleep);
use lib 't/lib';
use WebcastTest qw(wait_for config_test free_port httpd_start httpd_stop
                   executed hold_tables);

my $port;

sub conf {
    my ($dir, $socache) = @_;
    return <<"CONF";
ServerName 127.0.0.1
LogLevel info
StartServers 2
ServerLimit 2
ThreadsPerChild 8
MaxRequestWorkers 16
MinSpareThreads 1
MaxSpareThreads 16
LogFormat "%P %U %>s %{X-Webcast-Cache}o" pids
CustomLog $dir/access_log pids
DBDriver mysql
DBDParams "host=127.0.0.1 port=$ENV{WEBCAST_TEST_DB_PORT} user=webcast pass=webcast dbname=webcast reconnect=0"
WebcastCacheSOCache $socache
WebcastArchiveURL rtsp://qtss.example.edu/{path}/{file}
WebcastTimeZone America/Los_Angeles
<Location />
    SetHandler webcast
    WebcastCacheTTL 60
</Location>
CONF
}

# One GET on a connection of its own: [status, cache state, seconds].
sub get {
    my ($path) = @_;
    my $t0 = time;
    my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 30) or die "connect: $!";
    print $s "GET $path HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    local $/;
    my $res = <$s> // '';
    my ($status) = $res =~ m{^HTTP/1\.\d (\d+)};
    my ($cache) = $res =~ m{^X-Webcast-Cache: (\S+)}mi;
    return [ $status // 0, $cache // '-', time - $t0 ];
}

# $n GETs of $path at once; their answers.
sub burst {
    my ($n, $path) = @_;
    my @pipes;
    for (1 .. $n) {
        pipe(my $r, my $w) or die;
        my $pid = fork // die "fork: $!";
        if (!$pid) {
            close $r;
            print $w join(' ', @{ get($path) });
            close $w;
            POSIX::_exit(0);
        }
        close $w;
        push @pipes, [$pid, $r];
    }
    return map { my $line = readline($_->[1]); waitpid $_->[0], 0; [split ' ', $line // '0 - 0'] } @pipes;
}

# The access log's lines for $path: [pid, uri, status, cache].
sub logged {
    my ($dir, $path) = @_;
    open my $fh, '<', "$dir/access_log" or return ();
    return grep { $_->[1] eq $path } map { [split] } <$fh>;
}

sub children { my %p = map { ($_->[0] => 1) } @_; scalar keys %p }

# Both children served something: a few bursts of requests for $path.
sub reach_both {
    my ($dir, $path) = @_;
    for (1 .. 20) {
        burst(8, $path);
        return 1 if children(logged($dir, $path)) >= 2;
    }
    return 0;
}

sub shared_by_children {
    my ($dir, $what) = @_;
    my $page = '/presentations/1/';
    my $before = executed();
    is get($page)->[0], 200, "$what: a page";
    ok reach_both($dir, $page), "$what: both children answered it";
    my @lines = logged($dir, $page);
    is executed() - $before, 1, "$what: one database read for " . scalar(@lines)
        . ' answers from ' . children(@lines) . ' children';
    is scalar(grep { $_->[3] eq 'miss' } @lines), 1, "$what: one miss, the others hits";

    # a burst on a page no child has: one read between them
    my $ws = '/workshops/test-ws/';
    $before = executed();
    my $hold = hold_tables(1);
    my @answers = burst(16, $ws);
    waitpid $hold, 0;
    is_deeply [ grep { $_->[0] != 200 } @answers ], [], "$what, a burst: every answer 200";
    @lines = logged($dir, $ws);
    is executed() - $before, 1, "$what, a burst on " . children(@lines)
        . ' children: one database read';
}

# ---- startup errors that say what to do
{
    my $d = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($d, [qw(authz_core dbd)], "WebcastCacheSOCache shmcb\n");
    isnt $rc, 0, 'a provider whose module is not loaded: no start';
    like $out, qr/unknown mod_socache provider "shmcb".*socache_shmcb/, '... and the module to load';
    ($rc, $out) = config_test($d, [qw(authz_core dbd socache_shmcb)],
                              "<VirtualHost 127.0.0.1:1>\nWebcastCacheSOCache shmcb\n</VirtualHost>\n");
    isnt $rc, 0, 'in a <VirtualHost>: no start';
    like $out, qr/WebcastCacheSOCache cannot occur within <VirtualHost>/, '... it is server-wide';
    ($rc, $out) = config_test($d, [qw(authz_core dbd socache_shmcb)],
                              "WebcastCacheSOCache shmcb:$d/c(100)\n");
    isnt $rc, 0, 'a shmcb too small: no start';
    like $out, qr/WebcastCacheSOCache shmcb:\S+: .+/, '... with shmcb\'s reason';
}

# ---- shmcb: the children of one server
my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;
$port = httpd_start($dir, [qw(authz_core dbd socache_shmcb)],
                    conf($dir, "shmcb:$dir/cache(8388608)"));
shared_by_children($dir, 'shmcb');
httpd_stop($dir);

# ---- memcache, with a memcached of our own
my $mport = free_port();
my $mc = fork // die "fork: $!";
if (!$mc) {
    exec('memcached', '-l', '127.0.0.1', '-p', $mport, '-U', '0', '-m', '16')
        or POSIX::_exit(1);
}
wait_for(10, sub { IO::Socket::INET->new(PeerAddr => "127.0.0.1:$mport") })
    or die 'memcached does not start';
my $mdir = tempdir(CLEANUP => 1);
chmod 0755, $mdir;
$port = httpd_start($mdir, [qw(authz_core dbd socache_memcache)],
                    conf($mdir, "memcache:127.0.0.1:$mport"));
shared_by_children($mdir, 'memcache');

# memcached dies: the pages still come, from each child's own cache or
# the database, and at once
kill 'KILL', $mc;
waitpid $mc, 0;
my @after;
for my $path ('/presentations/1/', '/presentations/2/', '/workshops/test-ws/', '/') {
    push @after, map { [ $path, @$_ ] } burst(6, $path), map { get($path) } 1 .. 4;
}
is_deeply [ grep { $_->[1] != 200 } @after ], [], 'memcached down: every answer 200 (' . @after . ')';
my ($slowest) = sort { $b <=> $a } map { $_->[3] } @after;
cmp_ok $slowest, '<', 1, "memcached down: none slow (slowest $slowest s)";
open my $log, '<', "$mdir/error_log" or die;
my @said = grep { /WebcastCacheSOCache .* failed/ } <$log>;
ok @said >= 1, 'memcached down: said in the error log';
ok @said <= 4, 'memcached down: a line a child, not one per request (' . @said . ')';
httpd_stop($mdir);

# ---- redis, with a redis-server of our own
my $rport = free_port();
my $rdir = tempdir(CLEANUP => 1);
chmod 0755, $rdir;
my $redis = fork // die "fork: $!";
if (!$redis) {
    chdir $rdir;
    exec('redis-server', '--bind', '127.0.0.1', '--port', $rport, '--save', '',
         '--appendonly', 'no', '--logfile', "$rdir/redis.log") or POSIX::_exit(1);
}
wait_for(10, sub { IO::Socket::INET->new(PeerAddr => "127.0.0.1:$rport") })
    or die 'redis-server does not start';
$port = httpd_start($rdir, [qw(authz_core dbd socache_redis)],
                    conf($rdir, "redis:127.0.0.1:$rport"));
shared_by_children($rdir, 'redis');
httpd_stop($rdir);
kill 'TERM', $redis;
waitpid $redis, 0;

done_testing();
