# t/feeds.t - calendar.ics, archive.rss and schedule.json read by real
# parsers (python3-icalendar, expat + python3-feedparser, jsonschema) and
# a real calendar client (khal); what they say follows the shown state;
# SEQUENCE and LAST-MODIFIED move with the row; hostile text stays inert;
# the cache, validators, methods and 404s; one query per feed.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET HEAD POST);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use Encode qw(decode_utf8);
use File::Temp qw(tempdir);
use IPC::Open2 qw(open2);
use JSON::PP ();
use POSIX ();
use Time::HiRes qw(time sleep);
use lib 't/lib';
use WebcastTest qw(db db_sql raw_request wait_for);

Apache::TestRequest::module('webcast_site');
# the cache is per child: one keep-alive connection stays on one
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);

my $top = $ENV{WEBCAST_TOP};
my $base = 'http://' . Apache::TestRequest::hostport();
my $json = JSON::PP->new->utf8;

# A real parser's view of a feed (t/bin/feedcheck), or a failed test.
sub parsed {
    my ($kind, $bytes, @args) = @_;
    my $pid = open2(my $out, my $in, "$top/t/bin/feedcheck", $kind, @args);
    binmode $in;
    print $in $bytes;
    close $in;
    my $said = do { local $/; <$out> };
    waitpid $pid, 0;
    ok $? == 0, "$kind: the parser reads it" or diag $said;
    return $? == 0 ? $json->decode($said) : {};
}

sub lit {                           # bytes as a SQL string literal
    my ($s) = @_;
    $s =~ s/\\/\\\\/g;
    $s =~ s/'/\\'/g;
    return "'$s'";
}

# Today and yesterday in the site's zone (America/Los_Angeles on /).
my ($today, $yesterday) = do {
    local $ENV{TZ} = 'America/Los_Angeles';
    POSIX::tzset();
    my @d = map { POSIX::strftime('%Y-%m-%d', localtime(time - $_ * 86400)) } 0, 1;
    @d;
};
POSIX::tzset();

my $hostile_title = "Feeds, live; back\\slash\n<b>&amp;</b> ]]> "
    . ("\xc3\x9cn\xc3\xafc\xc3\xb6d\xc3\xa9 \xf0\x9f\x8e\xa5 " x 6) . "\x01\x0b end";
my $title_seen = decode_utf8($hostile_title =~ s/[\x01\x0b]//gr);
my $summary = "What <we> learned & why; \"quoted\", ]]> \xef\xbf\xbe\x0c done";
my $summary_seen = decode_utf8($summary =~ s/\x0c//gr);         # iCalendar
my $summary_xml = decode_utf8($summary =~ s/\xef\xbf\xbe|\x0c//gr);  # XML 1.0

db_sql(q{DELETE FROM presentation WHERE workshop_id BETWEEN 250 AND 254});
db_sql(q{DELETE FROM workshop WHERE id BETWEEN 250 AND 254});
db_sql(qq{INSERT INTO workshop (id, slug, title, summary, location, starts_on, ends_on, live_stream) VALUES
  (250, 'feeds-ws', 'Feeds <workshop> & co', 'About the feeds.', 'Hall B; room "1", <2>',
   CURRENT_DATE - INTERVAL 1 DAY, CURRENT_DATE + INTERVAL 1 DAY, 'feeds.sdp'),
  (251, 'feeds-past', 'Feeds past', NULL, NULL, '2020-01-01', '2020-12-31', NULL),
  (252, 'feeds-today', 'Feeds ending today', NULL, NULL, '$yesterday', '$today', NULL),
  (253, 'feeds-yesterday', 'Feeds ended yesterday', NULL, NULL, '$yesterday', '$yesterday', NULL),
  (254, 'feeds-empty', 'Feeds without talks', NULL, NULL, CURRENT_DATE, CURRENT_DATE, NULL)});
# (utf8mb4: the client's default charset holds no emoji)
db_sql(qq{SET NAMES utf8mb4; INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation, summary,
  starts_at, ends_at, has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename,
  external_name, external_url, archive_bytes) VALUES
  (250, 250, @{[lit $hostile_title]}, 'Ann Auto', 'The <Times>', @{[lit $summary]},
   UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1, NULL, NULL, NULL, NULL, NULL),
  (251, 250, 'Auto archived', 'Bo', NULL, NULL,
   UTC_TIMESTAMP() - INTERVAL 3 HOUR, UTC_TIMESTAMP() - INTERVAL 2 HOUR, 1, 'upcoming', 1, 'kdmc/feeds', '251.mp4', NULL, NULL, 734003200),
  (252, 250, 'Manual archive', 'Cy', NULL, NULL,
   UTC_TIMESTAMP() - INTERVAL 26 HOUR, UTC_TIMESTAMP() - INTERVAL 25 HOUR, 1, 'archive', 0, 'kdmc/feeds', '252.mov', NULL, NULL, NULL),
  (253, 250, 'Auto upcoming', 'Di', NULL, NULL,
   UTC_TIMESTAMP() + INTERVAL 2 HOUR, UTC_TIMESTAMP() + INTERVAL 3 HOUR, 1, 'live', 1, NULL, NULL, NULL, NULL, NULL),
  (254, 250, 'Manual concluded', 'Ed', NULL, NULL,
   UTC_TIMESTAMP() - INTERVAL 5 HOUR, UTC_TIMESTAMP() - INTERVAL 4 HOUR, 1, 'concluded', 0, NULL, NULL, NULL, NULL, NULL),
  (255, 250, 'Elsewhere', 'Fi', NULL, NULL,
   UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'external', 0, NULL, NULL, 'C-SPAN', 'https://www.c-span.org/', NULL),
  (256, 250, 'Not webcast', 'Gu', NULL, NULL,
   UTC_TIMESTAMP() + INTERVAL 4 HOUR, UTC_TIMESTAMP() + INTERVAL 5 HOUR, 0, 'upcoming', 0, NULL, NULL, NULL, NULL, NULL),
  (257, 251, 'Past archive', 'Ha', NULL, NULL,
   '2020-06-01 19:00:00', '2020-06-01 20:00:00', 1, 'archive', 0, 'kdmc/past', '257.mp4', NULL, NULL, 1000),
  (258, 252, 'On the last day', 'Io', NULL, NULL,
   UTC_TIMESTAMP() - INTERVAL 20 HOUR, UTC_TIMESTAMP() - INTERVAL 19 HOUR, 0, 'upcoming', 0, NULL, NULL, NULL, NULL, NULL),
  (259, 253, 'Ended yesterday', 'Jo', NULL, NULL,
   UTC_TIMESTAMP() - INTERVAL 30 HOUR, UTC_TIMESTAMP() - INTERVAL 29 HOUR, 0, 'upcoming', 0, NULL, NULL, NULL, NULL, NULL)});
my %starts = map { split /\t/ } split /\n/, db_sql(q{SELECT id,
  DATE_FORMAT(starts_at, '%Y-%m-%dT%H:%i:%s+00:00') FROM presentation WHERE id BETWEEN 250 AND 256});

# ---- calendar.ics of a workshop
my $r = GET '/workshops/feeds-ws/calendar.ics';
is $r->code, 200, 'workshop calendar: 200';
is $r->header('Content-Type'), 'text/calendar; charset=utf-8', 'text/calendar; charset=utf-8';
like $r->header('ETag') // '', qr/^"[0-9a-f]+"$/, 'an ETag';
ok $r->header('Last-Modified'), 'a Last-Modified';
my $ics = $r->content;
my @lines = split /(?<=\r\n)/, $ics;
is scalar(grep { !/\A[^\r\n]*\r\n\z/ } @lines), 0, 'every line ends in CRLF, no bare CR or LF';
is scalar(grep { length(s/\r\n\z//r) > 75 } @lines), 0, 'no line longer than 75 octets';
# well-formed UTF-8 (RFC 3629), line by line
my $utf8 = qr/\A(?:[\x00-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]
    |[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}
    |[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2})*\z/x;
is scalar(grep { !/$utf8/ } @lines), 0, 'every line valid UTF-8 by itself: no sequence split by folding';
ok scalar(grep { /^ / } @lines) > 3, 'long values are folded';
unlike $ics, qr/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/, 'no control character';

my $cal = parsed('ics', $ics);
is $cal->{version}, '2.0', 'VERSION:2.0';
is $cal->{method}, 'PUBLISH', 'METHOD:PUBLISH';
is $cal->{calname}, 'Feeds <workshop> & co', 'X-WR-CALNAME is the workshop';
my %ev = map { ($_->{uid} =~ /^presentation-(\d+)@/)[0] => $_ } @{$cal->{events}};
is_deeply [sort keys %ev], [250 .. 256], 'one event per presentation, UID presentation-<id>@...';
my ($domain) = $cal->{events}[0]{uid} =~ /@(.+)$/;
is $ev{250}{summary}, $title_seen, 'hostile title round-trips (control characters dropped)';
is $ev{250}{dtstart}, $starts{250}, 'DTSTART in UTC';
is $ev{250}{location}, 'Hall B; room "1", <2>', 'LOCATION escaped and read back';
is $ev{250}{url}, "$base/presentations/250/", 'URL: the page, absolute';
my %says = (250 => qr{^Watch live at \Q$base\E/presentations/250/\n\nSpeaker: Ann Auto, The <Times>\nWorkshop: Feeds <workshop> & co\n\n\Q$summary_seen\E$},
            251 => qr{^Watch the archive at \Q$base\E/presentations/251/\n},
            252 => qr{^Watch the archive at },
            253 => qr{^Will be webcast live at \Q$base\E/presentations/253/},
            254 => qr{^The archived video will be posted soon\n},
            255 => qr{^Webcast by C-SPAN: https://www\.c-span\.org/\n},
            256 => qr{^Not webcast\n});
like $ev{$_}{description}, $says{$_}, "event $_ says what its state means" for sort keys %says;
ok $ev{251}{sequence} > 0 && $ev{251}{last_modified}, 'SEQUENCE and LAST-MODIFIED';
is $ev{251}{dtstamp}, $ev{251}{last_modified}, 'DTSTAMP is the version of the event';

# the same UID whichever host name the request used
my $other = GET '/workshops/feeds-ws/calendar.ics', Host => 'alias.example';
like $other->content, qr{URL:http://alias\.example(?::\d+)?/presentations/250/\r\n}, 'URLs from the Host header';
like $other->content, qr{UID:presentation-250\@\Q$domain\E\r\n}, 'the UID from ServerName, not from it';

# ---- a real calendar client: khal (printics, then import twice)
my $kdir = tempdir(CLEANUP => 1);
mkdir "$kdir/cal";
open my $kc, '>', "$kdir/config" or die $!;
print $kc "[calendars]\n[[feeds]]\npath = $kdir/cal\ntype = calendar\n[locale]\n"
    . "local_timezone = UTC\ndefault_timezone = UTC\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
    . "longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
    . "[sqlite]\npath = $kdir/khal.db\n";
close $kc;
sub khal {
    my (@args) = @_;
    my $out = `khal -c '$kdir/config' @args 2>&1`;
    return ($? >> 8, decode_utf8($out));
}
sub write_file { open my $f, '>', $_[0] or die $!; binmode $f; print $f $_[1]; close $f }
write_file("$kdir/feed.ics", $ics);
my ($krc, $kout) = khal("printics -f '{uid}|{title}|{description}|{start-long}~~' '$kdir/feed.ics'");
is $krc, 0, 'khal printics reads it' or diag $kout;
like $kout, qr/^7 events found/, 'khal: seven events';
like $kout, qr{presentation-250\@\Q$domain\E\|\Q$title_seen\E\|Watch live at }, 'khal: the hostile title, watch live';
my $kstart = $starts{250} =~ s/T/ /r =~ s/:\d\d\+00:00$//r;
like $kout, qr{presentation-250\@[^|]+\|[^~]*\|\Q$kstart\E~~}s, 'khal: the start time';
($krc, $kout) = khal("import --batch -a feeds '$kdir/feed.ics'");
is $krc, 0, 'khal import' or diag $kout;

# ---- SEQUENCE and LAST-MODIFIED move when the row changes
sleep 1.1;                          # updated_at counts whole seconds
db_sql(q{UPDATE presentation SET webcast_state = 'archive', webcast_path = 'kdmc/feeds', webcast_filename = '256.mov',
  has_webcast = 1 WHERE id = 256});
my $cal2 = parsed('ics', GET('/workshops/feeds-ws/calendar.ics')->content);
my %ev2 = map { ($_->{uid} =~ /^presentation-(\d+)@/)[0] => $_ } @{$cal2->{events}};
ok $ev2{256}{sequence} > $ev{256}{sequence}, "SEQUENCE grows after an UPDATE ($ev{256}{sequence} -> $ev2{256}{sequence})";
ok $ev2{256}{last_modified} gt $ev{256}{last_modified}, 'LAST-MODIFIED moves';
like $ev2{256}{description}, qr/^Watch the archive at /, 'and the description follows';
is $ev2{251}{sequence}, $ev{251}{sequence}, 'an unchanged row keeps its SEQUENCE';
write_file("$kdir/feed2.ics", GET('/workshops/feeds-ws/calendar.ics')->content);
($krc, $kout) = khal("import --batch -a feeds '$kdir/feed2.ics'");
is $krc, 0, 'khal imports the new version' or diag $kout;
($krc, $kout) = khal("list -a feeds -f '{uid}|{description}~~' -o 2000-01-01 36500d");
my @kuids = $kout =~ /(presentation-\d+)\@/g;
is scalar(@kuids), 7, 'khal: still seven events (the UIDs matched, none doubled)' or diag $kout;
like $kout, qr{presentation-256\@[^|]+\|Watch the archive at }, 'khal: the updated event';

# ---- the root calendar: workshops ending today (the site's) or later
my $root = GET '/calendar.ics';
is $root->code, 200, 'root calendar: 200';
ok !$root->header('Last-Modified'), 'root calendar: no Last-Modified (it changes with the date)';
my %rev = map { ($_->{uid} =~ /^presentation-(\d+)@/)[0] => 1 } @{parsed('ics', $root->content)->{events}};
ok $rev{250} && $rev{256}, 'a workshop ending tomorrow: in';
ok $rev{258}, 'a workshop ending today in the site zone: in';
ok !$rev{259}, 'one that ended yesterday: out';
ok !$rev{257}, 'a past workshop: out';
ok $rev{8}, 'the fixtures\' current workshop: in';

# ---- archive.rss of a workshop
$r = GET '/workshops/feeds-ws/archive.rss';
is $r->code, 200, 'workshop podcast: 200';
is $r->header('Content-Type'), 'application/rss+xml; charset=utf-8', 'application/rss+xml; charset=utf-8';
like $r->content, qr/\A<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0" /, 'RSS 2.0';
unlike $r->content, qr/[\x00-\x08\x0b\x0c\x0e-\x1f]/, 'no character XML 1.0 forbids';
my $rss = parsed('rss', $r->content);
like $rss->{version}, qr/^rss20/, 'feedparser: RSS 2.0';
is $rss->{title}, 'Feeds <workshop> & co', 'channel title';
is_deeply [map { $_->{id} } @{$rss->{items}}], ["presentation-256\@$domain", "presentation-251\@$domain", "presentation-252\@$domain"],
    'archived items, newest first, guid = the UID';
my ($i251) = grep { $_->{id} =~ /-251@/ } @{$rss->{items}};
is $i251->{link}, "$base/presentations/251/", 'item link: the page';
is $i251->{itunes_duration}, '3600', 'itunes:duration from the times';
is $i251->{author}, 'Bo', 'itunes:author: the speaker';
ok defined $i251->{published}, 'pubDate';
is_deeply $i251->{enclosures}, [], 'no enclosure without WebcastArchiveDownload';
my %live = map { ($_->{guid} =~ /-(\d+)@/)[0] => $_ } @{$rss->{live}};
is $live{250}{status}, 'live', 'podcast:liveItem live for the talk live by the clock';
is $live{250}{title}, $title_seen, 'its hostile title read back by expat';
like $live{250}{description}, qr/^Watch live at .*\n\Q$summary_xml\E\z/s, 'it says watch live; the hostile summary read back';
is $live{253}{status}, 'pending', 'the upcoming one: pending';
like $live{253}{start}, qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'with a start';
ok !$live{254} && !$live{255}, 'nothing concluded or external in liveItems';

# with WebcastArchiveDownload (the /kdmc/webcasts mount) and WebcastLiveHLS
$rss = parsed('rss', GET('/kdmc/webcasts/workshops/feeds-ws/archive.rss')->content);
($i251) = grep { $_->{id} =~ /-251@/ } @{$rss->{items}};
is_deeply $i251->{enclosures}, [{ href => 'https://media.example.org/download/kdmc/feeds/251.mp4?talk=251',
                                  length => '734003200', type => 'video/mp4' }], 'enclosure with its length';
my ($i252) = grep { $_->{id} =~ /-252@/ } @{$rss->{items}};
is $i252->{enclosures}[0]{length}, '0', 'size unknown: length 0';
is $i252->{enclosures}[0]{type}, 'video/quicktime', '.mov: video/quicktime';
%live = map { ($_->{guid} =~ /-(\d+)@/)[0] => $_ } @{$rss->{live}};
is $live{250}{enclosure}, 'https://media.example.org/live/feeds.sdp/index.m3u8', 'liveItem: the HLS stream';
like $i251->{link}, qr{^\Q$base\E/kdmc/webcasts/presentations/251/$}, 'links under that mount';

# ---- the root podcast: the newest archived, bounded
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at, has_webcast, webcast_state)
  SELECT 2600 + seq, 251, CONCAT('Old archive ', seq), 'Z', '2020-02-01' + INTERVAL seq HOUR,
         '2020-02-01' + INTERVAL seq HOUR + INTERVAL 30 MINUTE, 1, 'archive' FROM seq_1_to_120});
$r = GET '/archive.rss';
is $r->code, 200, 'root podcast: 200';
$rss = parsed('rss', $r->content);
is scalar(@{$rss->{items}}), 100, 'the newest 100 archived items';
my @ids = map { ($_->{id} =~ /-(\d+)@/)[0] } @{$rss->{items}};
is $ids[0], 256, 'newest first';
ok !(grep { $_ > 2600 && $_ <= 2620 } @ids), 'the oldest left out';
ok scalar(grep { $_ == 2720 } @ids), 'the newest of the old ones in';
ok scalar(grep { $_->{guid} =~ /^presentation-250@/ } @{$rss->{live}}), 'and the live one as a liveItem';
db_sql(q{DELETE FROM presentation WHERE id > 2600 AND id <= 2720});

# ---- schedule.json, validated against docs/schedule.schema.json
$r = GET '/kdmc/webcasts/workshops/feeds-ws/schedule.json';
is $r->code, 200, 'schedule.json: 200';
is $r->header('Content-Type'), 'application/json', 'application/json';
is $r->header('Access-Control-Allow-Origin'), '*', 'CORS';
ok parsed('schema', $r->content, "$top/docs/schedule.schema.json")->{valid}, 'valid against its JSON Schema';
my $sch = $json->decode($r->content);
is $sch->{slug}, 'feeds-ws', 'slug';
is $sch->{time_zone}, 'Europe/Berlin', 'the mount\'s zone';
is $sch->{urls}{calendar}, "$base/kdmc/webcasts/workshops/feeds-ws/calendar.ics", 'its calendar, absolute';
my %sp = map { $_->{id} => $_ } @{$sch->{presentations}};
is_deeply [map { "$_->{id}:$_->{state}" } @{$sch->{presentations}}],
    ['252:archive', '254:concluded', '251:archive', '250:live', '255:external', '253:upcoming', '256:archive'],
    'every presentation in schedule order, with its shown state';
ok $sp{250}{auto} && !$sp{252}{auto}, 'auto';
is $sp{250}{title}, decode_utf8($hostile_title), 'hostile title: every character, escaped in JSON';
is $sp{250}{summary}, decode_utf8($summary), 'summary too';
unlike $r->content =~ s/\n\z//r, qr/[\x00-\x1f<>]/, 'no raw control or markup byte';
is $sp{251}{urls}{download}, 'https://media.example.org/download/kdmc/feeds/251.mp4?talk=251', 'download URL';
like $sp{251}{urls}{archive_movie}, qr{/kdmc/webcasts/presentations/webcast-archive\.251\.ref\.mov$}, 'archive movie';
is $sp{251}{urls}{live_movie}, undef, 'no live movie once archived';
like $sp{250}{urls}{live_movie}, qr{/presentations/webcast-live\.250\.ref\.mov$}, 'live movie while live';
is $sp{250}{urls}{live_hls}, 'https://media.example.org/live/feeds.sdp/index.m3u8', 'live HLS';
is_deeply $sp{255}{external}, { name => 'C-SPAN', url => 'https://www.c-span.org/' }, 'external';
is $sp{250}{speaker}{affiliation}, 'The <Times>', 'speaker';
ok parsed('schema', GET('/workshops/feeds-empty/schedule.json')->content,
          "$top/docs/schedule.schema.json")->{valid}, 'a workshop without presentations: valid too';

# ---- through the cache, validators, methods, 404s
for my $path ('/calendar.ics', '/archive.rss', '/workshops/feeds-ws/calendar.ics',
              '/workshops/feeds-ws/archive.rss', '/workshops/feeds-ws/schedule.json') {
    my $miss = GET "/cached$path";
    is $miss->header('X-Webcast-Cache'), 'miss', "$path through the cache: miss";
    my $hit = GET "/cached$path";
    is $hit->header('X-Webcast-Cache'), 'hit', "$path: then hit";
    is $hit->content, $miss->content, "$path: the same bytes";
    is GET("/cached$path", 'If-None-Match' => $hit->header('ETag'))->code, 304, "$path: 304 from the cache";
    my $direct = GET $path;
    is GET($path, 'If-None-Match' => $direct->header('ETag'))->code, 304, "$path: 304";
    is $direct->header('Access-Control-Allow-Origin'), '*', "$path: CORS";
    my $head = HEAD $path;
    is $head->code, 200, "$path: HEAD";
    is $head->content, '', "$path: HEAD has no body";
    my $post = POST $path;
    is $post->code, 405, "$path: POST 405";
    like $post->header('Allow') // '', qr/GET/, "$path: Allow";
}
for my $bad ('/workshops/no-such-ws/calendar.ics', '/workshops/no-such-ws/archive.rss',
             '/workshops/no-such-ws/schedule.json', '/workshops/Feeds-WS/calendar.ics',
             '/workshops/feeds-ws/calendar.ics/', '/workshops/feeds-ws/calendar.ICS',
             '/workshops/feeds-ws/archive.rss.xml', '/workshops/feeds_ws/schedule.json') {
    is GET($bad)->code, 404, "404: $bad";
}
is raw_request('GET', '/workshops/feeds-ws/calendar%2eics')->{status}, 404, '404: escaped bytes';

# a request naming another host must not leave its URLs in everyone's copy
my $evil = GET '/cached/workshops/feeds-ws/archive.rss', Host => 'evil.example';
like $evil->content, qr{http://evil\.example(?::\d+)?/cached/presentations/}, 'its own copy names the host it asked for';
unlike GET('/cached/workshops/feeds-ws/archive.rss')->content, qr/evil\.example/, 'the others\' copy does not';

# ---- one query per feed, whatever its size
sub executed { db_sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'") =~ /(\d+)\s*$/ and return $1; die }
sub queries_for { my $before = executed(); GET(shift)->code == 200 or die; return executed() - $before }
is queries_for($_), 1, "one query: $_" for '/calendar.ics', '/archive.rss', '/workshops/feeds-ws/calendar.ics',
    '/workshops/feeds-ws/archive.rss', '/workshops/feeds-ws/schedule.json', '/workshops/feeds-empty/calendar.ics';

# ---- discovery and visible links
for my $page ('/', '/workshops/feeds-ws/') {
    my $html = GET($page)->content;
    my ($cal_href) = $html =~ m{<link rel="alternate" type="text/calendar" href="([^"]+)"};
    my ($rss_href) = $html =~ m{<link rel="alternate" type="application/rss\+xml" href="([^"]+)"};
    is $cal_href, "${page}calendar.ics", "$page: <link> to its calendar";
    is $rss_href, "${page}archive.rss", "$page: <link> to its podcast";
    like $html, qr{<a class="calendar" href="\Q$cal_href\E" type="text/calendar">Add to calendar</a>}, "$page: Add to calendar";
    like $html, qr{<a class="podcast" href="\Q$rss_href\E" type="application/rss\+xml">Subscribe \(podcast\)</a>}, "$page: Subscribe (podcast)";
    is GET($cal_href)->header('Content-Type'), 'text/calendar; charset=utf-8', "$page: its calendar answers";
    is GET($rss_href)->header('Content-Type'), 'application/rss+xml; charset=utf-8', "$page: its podcast answers";
}

# ---- a feed expires when a talk starts, and says so afterwards
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto) VALUES
  (260, 254, 'Starts soon', 'K', UTC_TIMESTAMP() + INTERVAL 3 SECOND, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1)});
my $starts_at = db_sql(q{SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', starts_at) FROM presentation WHERE id = 260});
db_sql(q{UPDATE workshop SET live_stream = 'empty.sdp' WHERE id = 254});
my $before = GET '/long-cache/workshops/feeds-empty/calendar.ics';
like $before->content, qr/DESCRIPTION:Will be webcast live at /, 'before the start: will be webcast';
my ($age) = ($before->header('Cache-Control') // '') =~ /max-age=(\d+)/;
ok defined $age && $age <= 3, "max-age ($age) ends by the start";
is GET('/long-cache/workshops/feeds-empty/calendar.ics')->header('X-Webcast-Cache'), 'hit', 'cached (TTL 300)';
sleep 0.2 while time < $starts_at + 0.3;
my $after = GET '/long-cache/workshops/feeds-empty/calendar.ics';
is $after->header('X-Webcast-Cache'), 'miss', 'the copy expired at the start';
like $after->content, qr/DESCRIPTION:Watch live at /, 'after the start: watch live';
like GET('/long-cache/workshops/feeds-empty/archive.rss')->content, qr/<podcast:liveItem status="live"/, 'the podcast: live';

# ---- a database without sql/005-feeds.sql: feeds as before 004 (stored
# states, no sizes), pages keep following the clock, the log names 005
db_sql('ALTER TABLE presentation RENAME COLUMN archive_bytes TO archive_bytes_away');
db 'kill-connections';
t_start_error_log_watch();
my $old_cal = GET '/workshops/feeds-ws/calendar.ics';
is $old_cal->code, 200, 'without 005: the calendar answers';
like $old_cal->content, qr{UID:presentation-250\@[^\r]+\r\n(?:[^\r]*\r\n)*?DESCRIPTION:Will be webcast live}, 'with the stored state';
my $old_rss = GET '/kdmc/webcasts/workshops/feeds-ws/archive.rss';
is $old_rss->code, 200, 'the podcast answers';
unlike $old_rss->content, qr/length="734003200"/, 'without sizes';
like GET('/presentations/250/')->content, qr{<div class="webcast live">}, 'the page still follows the clock';
my @log = t_finish_error_log_watch();
ok scalar(grep { /cannot be prepared .*is sql\/005-feeds\.sql \(after sql\/004-live\.sql\) loaded\?/ } @log),
    'the log names the migration' or diag @log;
db_sql('ALTER TABLE presentation RENAME COLUMN archive_bytes_away TO archive_bytes');
ok defined wait_for(20, sub {
    GET('/kdmc/webcasts/workshops/feeds-ws/archive.rss')->content =~ /length="734003200"/ }),
    'loading it takes effect without a restart';

# Statements prepared before the ALTERs above are re-prepared by the
# server on their next run, which it counts as a second execution: leave
# none to the tests that count them (t/flight.t, t/cache.t).
db 'kill-connections';

db_sql(q{DELETE FROM presentation WHERE workshop_id BETWEEN 250 AND 254});
db_sql(q{DELETE FROM workshop WHERE id BETWEEN 250 AND 254});
done_testing();
