# t/cluster.t - several servers: a MariaDB primary and a real replica,
# memcached, two httpd nodes with the built module and HAProxy in front,
# all started here on free ports in a private directory and stopped at the
# end, whatever happens.
#
# Each node's public virtual host reads the replica and its admin virtual
# host writes the primary; both share the page cache through memcached
# (WebcastCacheSOCache memcache). While a client asks HAProxy for pages
# all along, the test flips states in the admin (both nodes must show the
# change within WebcastCacheTTL, and a lagging replica must not pin the
# old state for a TTL once it has caught up), then kills a node, stops
# and restarts memcached, stops and restarts the replica and restarts the
# primary. Three seconds after each event every answer must be a 200
# (a fresh or a cached page); after memcached comes back, from the start.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use File::Temp qw(tempdir);
use IO::Socket::INET ();
use POSIX ();
use Time::HiRes qw(time sleep);
use lib 't/lib';
use WebcastTest qw(wait_for free_port);

plan skip_all => 'end-to-end: runs once, in the plain pass (WEBCAST_E2E=0)'
    if ($ENV{WEBCAST_E2E} // '1') eq '0';
plan skip_all => 'no haproxy (tools/deps test installs it)'
    unless -x '/usr/sbin/haproxy';
plan skip_all => 'no memcached (tools/deps test installs it)'
    unless -x '/usr/bin/memcached';

my $TTL = 5;                    # the public pages' WebcastCacheTTL
my $GRACE = 3;                  # seconds after an event errors may come
my $top = $ENV{WEBCAST_TOP};
my $tool = "$top/tools/mariadb-private";
my $httpd = Apache::Test::vars('httpd');
my $mods = '/usr/lib/apache2/modules';
my $dir = tempdir(CLEANUP => 1);
chmod 0755, $dir;
my $t_start = time;

my %port = map { ($_ => free_port()) }
    qw(primary replica memcached a a_admin b b_admin haproxy);
my (%pid, @nodes_up, %db_up);
my $parent = $$;

# ---- stopping everything, also when the test dies
sub stop_pid {
    my ($name) = @_;
    my $p = delete $pid{$name} or return;
    kill 'TERM', $p;
    wait_for(5, sub { waitpid($p, POSIX::WNOHANG()) != 0 }) or do {
        kill 'KILL', $p;
        waitpid $p, 0;
    };
}

sub node_pid {
    my ($n) = @_;
    open my $fh, '<', "$dir/$n/pid" or return;
    my $p = <$fh>;
    return $p && $p =~ /^(\d+)/ ? $1 : undef;
}

sub node_stop {
    my ($n) = @_;
    system($httpd, '-f', "$dir/$n/httpd.conf", '-k', 'stop');
    wait_for(15, sub { !-e "$dir/$n/pid" });
    @nodes_up = grep { $_ ne $n } @nodes_up;
}

sub cleanup {
    return unless defined $parent && $$ == $parent;    # (not yet set on a skip)
    stop_pid('client');
    stop_pid('haproxy');
    # (a copy: node_stop takes each out of @nodes_up)
    node_stop($_) for my @up = @nodes_up;
    stop_pid('memcached');
    for my $db (keys %db_up) {
        system($tool, "$dir/$db", 'stop');
    }
    %db_up = ();
}
END { cleanup() }
$SIG{$_} = sub { die "signal\n" } for qw(INT TERM);

sub spawn {
    my ($name, @cmd) = @_;
    my $p = fork // die "fork: $!";
    if (!$p) {
        open STDOUT, '>>', "$dir/$name.log";
        open STDERR, '>&', \*STDOUT;
        exec(@cmd) or POSIX::_exit(127);
    }
    $pid{$name} = $p;
}

sub listening {
    my ($port) = @_;
    return IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 1);
}

# ---- the database: a primary with a binary log, a replica of it
sub sql {
    my ($db, $sql) = @_;
    open my $fh, '-|', $tool, "$dir/$db", 'sql', '-N', '-e', $sql or die "sql: $!";
    local $/;
    my $out = <$fh> // '';
    close $fh or die "sql on $db failed: $sql";
    $out =~ s/\s+\z//;
    return $out;
}

sub load {
    my ($db, $file) = @_;
    system("'$tool' '$dir/$db' sql < '$file'") == 0 or die "loading $file: $?";
}

system($tool, "$dir/primary", 'start', $port{primary}, '--server-id=1',
       '--log-bin=binlog', '--binlog-format=ROW') == 0 or die 'primary does not start';
$db_up{primary} = 1;
load('primary', "$top/sql/schema.sql");
load('primary', $_) for sort glob "$top/sql/[0-9][0-9][0-9]-*.sql";
load('primary', "$top/sql/sample-data.sql");
sql('primary', "CREATE USER IF NOT EXISTS 'repl'\@'127.0.0.1' IDENTIFIED BY 'repl';"
    . " GRANT REPLICATION SLAVE ON *.* TO 'repl'\@'127.0.0.1'");
system($tool, "$dir/replica", 'start', $port{replica}, '--server-id=2',
       '--read-only') == 0 or die 'replica does not start';
$db_up{replica} = 1;
sql('replica', "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$port{primary},"
    . " MASTER_USER='repl', MASTER_PASSWORD='repl', MASTER_USE_GTID=slave_pos,"
    . " MASTER_CONNECT_RETRY=1; START SLAVE");
my $talk = sql('primary', "SELECT id FROM presentation WHERE has_webcast = 1"
               . " AND webcast_state = 'upcoming' ORDER BY id LIMIT 1");
ok $talk, "a webcast talk to flip: $talk";
my $gtid = sql('primary', 'SELECT @@gtid_binlog_pos');
ok wait_for(20, sub { sql('replica', 'SELECT @@gtid_slave_pos') eq $gtid }),
    'the replica has the sample data';
is sql('replica', "SELECT \@\@read_only"), 1, 'the replica is read-only';

# ---- memcached
sub memcached_start {
    spawn('memcached', 'memcached', '-l', '127.0.0.1', '-p', $port{memcached},
          '-U', '0', '-m', '32');
    wait_for(10, sub { listening($port{memcached}) }) or die 'memcached does not start';
}
memcached_start();

# ---- two nodes: httpd with the module
sub dbd_params {
    my ($db) = @_;
    return "host=127.0.0.1 port=$port{$db} user=webcast pass=webcast"
        . " dbname=webcast reconnect=0 fldsz=65536";
}

sub write_conf {
    my ($n) = @_;
    my $d = "$dir/$n";
    mkdir $d;
    open my $fh, '>', "$d/httpd.conf" or die "$d/httpd.conf: $!";
    print $fh "ServerRoot $d\nServerName www.example.test\n"
        . "Listen 127.0.0.1:$port{$n}\nListen 127.0.0.1:$port{\"${n}_admin\"}\n"
        . "ErrorLog $d/error_log\nLogLevel info\nPidFile $d/pid\nDefaultRuntimeDir $d\n"
        . join('', map { "LoadModule ${_}_module $mods/mod_$_.so\n" }
               qw(mpm_event authz_core dbd socache_memcache authn_core
                  authn_file auth_basic authz_user))
        . "LoadModule webcast_module $top/.libs/mod_webcast.so\n" . <<"CONF";
StartServers 2
ServerLimit 2
ThreadsPerChild 8
MaxRequestWorkers 16
MinSpareThreads 1
MaxSpareThreads 16
LogFormat "%{%s}t.%{msec_frac}t %>s %U %{X-Webcast-Cache}o" cluster
CustomLog $d/access_log cluster
DBDriver mysql
WebcastCacheSOCache memcache:127.0.0.1:$port{memcached}
WebcastTimeZone UTC

# The public site: the replica, through the shared cache.
<VirtualHost 127.0.0.1:$port{$n}>
    ServerName www.example.test
    DBDParams "@{[dbd_params('replica')]}"
    <Location />
        SetHandler webcast
        WebcastCacheTTL $TTL
        WebcastSharedMaxAge 600
    </Location>
</VirtualHost>

# The staff's host: the admin writes the primary, and its "View on the
# site" pages read the primary too, uncached.
<VirtualHost 127.0.0.1:$port{"${n}_admin"}>
    ServerName admin.example.test
    DBDParams "@{[dbd_params('primary')]}"
    <Location />
        SetHandler webcast
    </Location>
    <Location /admin>
        SetHandler webcast-admin
        WebcastAdminSecretFile $dir/admin.secret
        AuthType Basic
        AuthName "Webcast staff"
        AuthBasicProvider file
        AuthUserFile $top/t/conf/htpasswd
        Require valid-user
    </Location>
</VirtualHost>
CONF
    close $fh;
}

sub node_start {
    my ($n) = @_;
    system($httpd, '-f', "$dir/$n/httpd.conf", '-k', 'start') == 0
        or die "node $n does not start: " . `tail -5 '$dir/$n/error_log'`;
    push @nodes_up, $n;
    wait_for(20, sub { listening($port{$n}) })
        or die "node $n does not answer: " . `tail -5 '$dir/$n/error_log'`;
}

{
    open my $fh, '>', "$dir/admin.secret" or die;
    print $fh join('', map { sprintf '%02x', int rand 256 } 1 .. 32), "\n";
    chmod 0600, "$dir/admin.secret";
}
write_conf($_), node_start($_) for qw(a b);

# ---- HAProxy in front, with its example configuration
{
    open my $in, '<', "$top/docs/examples/haproxy.cfg" or die "haproxy.cfg: $!";
    my $cfg = do { local $/; <$in> };
    $cfg =~ s/^(\s*bind\s+)\S+/${1}127.0.0.1:$port{haproxy}/m or die 'no bind line';
    $cfg =~ s/^\s*server\s.*\n//mg;
    $cfg .= "    server a 127.0.0.1:$port{a} check\n"
          . "    server b 127.0.0.1:$port{b} check\n";
    open my $out, '>', "$dir/haproxy.cfg" or die;
    print $out $cfg;
}
spawn('haproxy', '/usr/sbin/haproxy', '-db', '-f', "$dir/haproxy.cfg");
ok wait_for(15, sub { listening($port{haproxy}) }), 'haproxy listens';

# ---- requests: one at a time, on a connection of their own
my $host = "127.0.0.1:$port{haproxy}";      # one Host, so one cache key

sub request {
    my ($port, $method, $path, %o) = @_;
    my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 5)
        or return { status => 0, body => '', headers => '' };
    $s->timeout(5);
    my $body = $o{body} // '';
    my $auth = $o{auth} ? "Authorization: Basic $o{auth}\r\n" : '';
    my $extra = $o{headers} // '';
    print $s "$method $path HTTP/1.1\r\nHost: " . ($o{host} // $host)
        . "\r\n$auth$extra" . "Content-Length: " . length($body)
        . "\r\nConnection: close\r\n\r\n$body";
    my $res = '';
    my $t0 = time;
    while (time - $t0 < 5) {
        my $n = sysread($s, my $buf, 65536);
        last unless $n;
        $res .= $buf;
    }
    my ($head, $rest) = split /\r\n\r\n/, $res, 2;
    my ($status) = ($head // '') =~ m{^HTTP/1\.\d (\d{3})};
    return { status => $status // 0, headers => $head // '', body => $rest // '' };
}

my @pages = ('/', "/presentations/$talk/", "/presentations/$talk/status.json",
             '/presentations/1/', '/calendar.ics');
for my $p (@pages) {
    is request($port{haproxy}, 'GET', $p)->{status}, 200, "through haproxy: $p";
}

# The talk's state as a node's public site shows it.
sub state_on {
    my ($n) = @_;
    my $r = request($port{$n}, 'GET', "/presentations/$talk/status.json");
    return $r->{status} == 200 && $r->{body} =~ /"state":"(\w+)"/ ? $1 : "($r->{status})";
}

# ---- the admin: a flip, as staff click it (node a's admin host)
my $staff = 'c3RhZmY6c3RhZmYtcGFzcw==';         # staff:staff-pass
my $admin_host = "127.0.0.1:$port{a_admin}";

sub flip {
    my ($from, $to) = @_;
    my $edit = request($port{a_admin}, 'GET', "/admin/presentations/$talk/edit",
                       auth => $staff, host => $admin_host);
    my ($token) = $edit->{body} =~ /name="token" value="([0-9a-f]{40})"/
        or die "no token on the edit page ($edit->{status})";
    my $form = "token=$token&from=$from&to=$to&back=today";
    my $r = request($port{a_admin}, 'POST', "/admin/presentations/$talk/state",
                    auth => $staff, host => $admin_host, body => $form,
                    headers => "Origin: http://$admin_host\r\n"
                               . "Content-Type: application/x-www-form-urlencoded\r\n");
    return $r->{status};
}

# "View on the site" on the staff's host: the page the link opens there.
sub staff_view {
    my $page = request($port{a_admin}, 'GET', "/presentations/$talk/", host => $admin_host);
    return $page->{status} != 200 ? "($page->{status})"
         : $page->{body} =~ /<div class="webcast (\w+)">/ ? $1 : '(no state)';
}

# Both nodes asked every 0.1 s until a second past $since + $within:
# for each, when (seconds after $since, as of the asking) it first showed
# $want and when it last showed anything else. Every child of a node has
# its own copy, so it takes until the last of them has expired.
sub both_show {
    my ($want, $since, $within) = @_;
    my (%first, %last_old);
    while (time < $since + $within + 1) {
        for my $n (qw(a b)) {
            my $asked = time;
            if (state_on($n) eq $want) {
                $first{$n} //= $asked - $since;
            }
            else {
                $last_old{$n} = $asked - $since;
            }
        }
        sleep 0.1;
    }
    return (\%first, \%last_old);
}

sub shows_within {
    my ($want, $since, $within, $what) = @_;
    my ($first, $last_old) = both_show($want, $since, $within);
    for my $n (qw(a b)) {
        ok defined $first->{$n} && ($last_old->{$n} // -1) < $within,
            sprintf('node %s shows it %s within %s s %s: %s, the old state last at %s',
                    $n, $want, $within, $what,
                    defined $first->{$n} ? sprintf('from %.1f s', $first->{$n}) : 'never',
                    defined $last_old->{$n} ? sprintf('%.1f s', $last_old->{$n}) : '-');
    }
}

# ---- a flip reaches both nodes within the TTL
is state_on($_), 'upcoming', "node $_ shows the talk upcoming" for qw(a b);
is flip('upcoming', 'live'), 303, 'staff flip the talk live';
my $t = time;                       # the change is committed by now
{
    my $today = request($port{a_admin}, 'GET', '/admin/', auth => $staff, host => $admin_host);
    my ($link) = $today->{body} =~ m{<a href="([^"]*/presentations/$talk/)">View on the site</a>};
    is $link, "/presentations/$talk/", '"View on the site" stays on the staff\'s host';
}
is staff_view(), 'live', '... and shows it live at once (the primary, uncached)';
shows_within('live', $t, $TTL, 'of the save (the TTL)');

# ---- a lagging replica: the pages rebuilt from it meanwhile must not keep
# the old state for a TTL once it has caught up
sql('replica', 'STOP SLAVE SQL_THREAD');
$t = time;
is flip('live', 'upcoming'), 303, 'with the replica lagging: flip back';
is staff_view(), 'upcoming', '... staff see it at once (the primary)';
sleep $TTL + 1;                     # every copy is now built after the flip
is state_on($_), 'live', "node $_: still live, rebuilt from the lagging replica"
    for qw(a b);
# ... and no cache downstream keeps such a copy longer than the module does
# (WebcastSharedMaxAge 600 on the nodes: without the bound it would show)
{
    my $h = request($port{a}, 'GET', "/presentations/$talk/")->{headers};
    my %cc = map { /^([\w-]+)=(\d+)$/ ? ($1 => $2) : () }
             split /,\s*/, ($h =~ /^Cache-Control:\s*([^\r\n]*)/mi ? $1 : '');
    ok defined $cc{'max-age'} && $cc{'max-age'} <= 1 && $cc{'s-maxage'} <= 1
       && $cc{'s-maxage'} + $cc{'stale-while-revalidate'} <= 1,
       "a copy built from the lagging replica: max-age, s-maxage and stale-while-revalidate end within 1 s ("
       . join(', ', map { "$_=$cc{$_}" } sort keys %cc) . ')';
}
sql('replica', 'START SLAVE SQL_THREAD');
$t = time;
shows_within('upcoming', $t, $GRACE, 'of the replica catching up (not a TTL later)');

# ---- a viewer: requests through HAProxy all along, one line each
my $client_log = "$dir/client.log";
{
    my $p = fork // die "fork: $!";
    if (!$p) {
        $SIG{TERM} = sub { POSIX::_exit(0) };
        open my $log, '>', $client_log or POSIX::_exit(1);
        $log->autoflush(1);
        for (my $i = 0; ; $i++) {
            my $page = $pages[$i % @pages];
            my $t0 = time;
            my $r = request($port{haproxy}, 'GET', $page);
            printf $log "%.3f %d %s %.3f\n", $t0, $r->{status}, $page, time - $t0;
            sleep 0.02;
        }
    }
    $pid{client} = $p;
}

my @events;                         # [name, time, grace]
sub event {
    my ($name, $grace, $code) = @_;
    push @events, [$name, time, $grace];
    $code->();
}
sleep 2;
event('node a killed', $GRACE, sub {
    my $p = node_pid('a') or die 'no pid for node a';
    kill 'KILL', -$p;               # the parent and its children, no goodbye
    @nodes_up = grep { $_ ne 'a' } @nodes_up;
    unlink "$dir/a/pid";
    sleep 5;
});
event('node a back', $GRACE, sub { node_start('a'); sleep 4 });
event('memcached stopped', $GRACE, sub { stop_pid('memcached'); sleep 5 });
event('memcached back', 0, sub { memcached_start(); sleep 5 });
event('replica stopped', $GRACE, sub {
    system($tool, "$dir/replica", 'stop') == 0 or die 'replica stop';
    sleep 5;
});
event('replica back', $GRACE, sub {
    system($tool, "$dir/replica", 'start') == 0 or die 'replica start';
    sleep 4;
});
event('primary restarted', $GRACE, sub {
    system($tool, "$dir/primary", 'restart') == 0 or die 'primary restart';
    sleep 4;
});
push @events, ['end', time, 0];
stop_pid('client');

# ---- what the viewer saw
open my $fh, '<', $client_log or die "$client_log: $!";
my @answers = map { [split] } <$fh>;
close $fh;
for my $i (0 .. $#events - 1) {
    my ($name, $at, $grace) = @{ $events[$i] };
    my $next = $events[$i + 1][1];
    my @in = grep { $_->[0] >= $at && $_->[0] < $next } @answers;
    my @bad = grep { $_->[1] != 200 } @in;
    diag sprintf("%s: %s %s after %.2f s (took %.2f s)", $name, $_->[1], $_->[2],
                 $_->[0] - $at, $_->[3]) for @bad;
    my @late = grep { $_->[0] - $at > $grace } @bad;
    my ($slowest) = sort { $b <=> $a } map { $_->[3] } @in;
    ok @in > 10, sprintf('%s: the viewer kept asking (%d requests, the slowest %.2f s)',
                         $name, scalar(@in), $slowest // 0);
    is scalar(@late), 0, sprintf('%s: only 200s %s (%d requests, %d not 200)', $name,
        $grace ? "after $grace s" : 'throughout', scalar(@in), scalar(@bad));
}

# ---- after all that, a flip still reaches both nodes within the TTL
is flip('upcoming', 'live'), 303, 'after the primary restarted: staff flip again';
$t = time;
shows_within('live', $t, $TTL, 'of the save (the TTL)');

diag sprintf 'cluster.t: %.0f s in all', time - $t_start;
done_testing();
