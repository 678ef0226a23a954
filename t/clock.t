# t/clock.t - states that follow the clock (webcast_auto = 1): every state
# from rows whose times are relative to the database clock, the boundaries
# crossed for real, and no copy (cache, max-age, Last-Modified, ETag) that
# outlives a scheduled change.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use HTTP::Date qw(time2str str2time);
use Time::HiRes qw(time sleep);
use lib 't/lib';
use WebcastTest qw(db_sql);

Apache::TestRequest::module('webcast_site');
# the cache is per child: one keep-alive connection stays on one
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);

db_sql(q{DELETE FROM presentation WHERE workshop_id IN (200, 201)});
db_sql(q{DELETE FROM workshop WHERE id IN (200, 201)});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
  (200, 'clock-ws', 'Clock workshop', CURRENT_DATE - INTERVAL 1 DAY, CURRENT_DATE + INTERVAL 1 DAY, 'clock.sdp'),
  (201, 'clock-nostream', 'Clock without stream', CURRENT_DATE, CURRENT_DATE, NULL)});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename, external_name, external_url) VALUES
  (201, 200, 'Clock live', 'A', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1, NULL, NULL, NULL, NULL),
  (202, 200, 'Clock upcoming', 'B', UTC_TIMESTAMP() + INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 2 HOUR, 1, 'live', 1, NULL, NULL, NULL, NULL),
  (203, 200, 'Clock archive', 'C', UTC_TIMESTAMP() - INTERVAL 3 HOUR, UTC_TIMESTAMP() - INTERVAL 2 HOUR, 1, 'upcoming', 1, 'kdmc/clock', 'c.mov', NULL, NULL),
  (204, 200, 'Clock concluded', 'D', UTC_TIMESTAMP() - INTERVAL 3 HOUR, UTC_TIMESTAMP() - INTERVAL 2 HOUR, 1, 'live', 1, NULL, NULL, NULL, NULL),
  (205, 200, 'Clock external', 'E', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1, NULL, NULL, 'Partner TV', 'https://partner.example.org/'),
  (206, 200, 'Manual concluded', 'F', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'concluded', 0, NULL, NULL, NULL, NULL),
  (207, 201, 'Clock no stream', 'G', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1, NULL, NULL, NULL, NULL)});

my %want = (201 => 'live', 202 => 'upcoming', 203 => 'archive', 204 => 'concluded',
            205 => 'external', 206 => 'concluded', 207 => 'upcoming');
for my $id (sort keys %want) {
    my $page = GET "/presentations/$id/";
    is $page->code, 200, "presentation $id: 200";
    like $page->content, qr{<div class="webcast $want{$id}"}, "presentation $id shows $want{$id}";
    my $status = GET "/presentations/$id/status.json";
    like $status->content, qr{"state":"$want{$id}"}, "status.json of $id says $want{$id}";
}
like GET_BODY_ok('/presentations/201/'), qr{Live now}, 'the clock makes 201 live: the live marker';
is GET('/presentations/webcast-live.201.ref.mov')->code, 200, 'live movie of a talk live by the clock';
is GET('/presentations/webcast-live.202.ref.mov')->code, 404, 'no live movie before the start, whatever the row says';
is GET('/presentations/webcast-archive.203.ref.mov')->code, 200, 'archive movie after the end, path and file set';
is GET('/presentations/webcast-live.207.ref.mov')->code, 404, 'no stream name: no live movie';
like GET('/')->content, qr{clock-ws/">Clock workshop</a>.*?Live now}s, 'index: live by the clock';
unlike GET('/')->content, qr{clock-nostream/">Clock without stream</a>[^\n]*Live now}, 'index: not live without a stream';
my $ws = GET('/workshops/clock-ws/')->content;
like $ws, qr{<h2>Happening now</h2>\s*<article>\s*<h3><a href="/presentations/201/">Clock live}, 'workshop: now block from the clock';
like $ws, qr{<li class="archive">.*?Clock archive}s, 'workshop schedule: archive by the clock';

sub GET_BODY_ok { my $r = GET(shift); return $r->content }

# max-age never crosses the next change: 202 starts in an hour
my ($age) = (GET('/presentations/201/')->header('Cache-Control') // '') =~ /max-age=(\d+)/;
is $age, 10, 'max-age as usual when the next change is far';

# ---- crossing the boundaries for real: starts in 3 s, ends 3 s later
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename) VALUES
  (210, 201, 'Soon', 'H', UTC_TIMESTAMP() + INTERVAL 3 SECOND, UTC_TIMESTAMP() + INTERVAL 6 SECOND, 1, 'upcoming', 1, 'kdmc/soon', 's.mov'),
  (211, 200, 'Soon live', 'I', UTC_TIMESTAMP() + INTERVAL 3 SECOND, UTC_TIMESTAMP() + INTERVAL 6 SECOND, 1, 'upcoming', 1, NULL, NULL)});
my $starts = db_sql(q{SELECT TIMESTAMPDIFF(SECOND, '1970-01-01', starts_at) FROM presentation WHERE id = 211});
my $ends = $starts + 3;

my $before = GET '/long-cache/presentations/211/';
like $before->content, qr{<div class="webcast upcoming"}, 'long-cache: upcoming before the start';
is $before->header('X-Webcast-Cache'), 'miss', 'first copy from the database';
my ($left) = ($before->header('Cache-Control') // '') =~ /max-age=(\d+)/;
ok defined $left && $left <= 3, "max-age ($left) ends by the start";
# a CDN shows its copy without asking for s-maxage + stale-while-revalidate
my ($smax, $swr, $sie) = ($before->header('Cache-Control') // '')
    =~ /s-maxage=(\d+), stale-while-revalidate=(\d+), stale-if-error=(\d+)/;
ok defined $swr && $smax + $swr <= 3, 's-maxage + stale-while-revalidate ('
    . ($smax // '?') . ' + ' . ($swr // '?') . ') end by the start too';
is $sie, 86400, 'stale-if-error (only when the origin fails) may reach past it';
my $lm_before = $before->header('Last-Modified');
my $etag_before = $before->header('ETag');
is GET('/long-cache/presentations/211/')->header('X-Webcast-Cache'), 'hit', 'then from the cache';
my $st_before = GET '/long-cache/presentations/211/status.json';
like $st_before->content, qr{"next_change":"[^"]+"}, 'status.json names the next change';
my ($sage) = ($st_before->header('Cache-Control') // '') =~ /max-age=(\d+)/;
ok $sage <= 3, 'status.json max-age ends by the start too';

sleep 0.2 while time < $starts + 0.3;
my $after = GET '/long-cache/presentations/211/';
is $after->header('X-Webcast-Cache'), 'miss', 'the cached copy (TTL 300) expired at the start';
like $after->content, qr{<div class="webcast live"}, 'live right after the start, no one pressed anything';
isnt $after->header('ETag'), $etag_before, 'a new ETag';
ok str2time($after->header('Last-Modified')) >= $starts, 'Last-Modified is the start';
my $cond = GET '/long-cache/presentations/211/', 'If-Modified-Since' => $lm_before;
is $cond->code, 200, 'a copy from before the start is not "not modified"';
my $cond2 = GET '/presentations/211/', 'If-None-Match' => $etag_before;
is $cond2->code, 200, 'nor is its ETag';
like GET('/long-cache/presentations/211/status.json')->content, qr{"state":"live"}, 'status.json: live';
like GET('/long-cache/workshops/clock-ws/')->content, qr{Soon live}, 'workshop page shows it live';

sleep 0.2 while time < $ends + 0.3;
like GET('/long-cache/presentations/211/')->content, qr{<div class="webcast concluded"}, 'concluded after the end (no archive yet)';
like GET('/long-cache/presentations/210/')->content, qr{<div class="webcast archive"}, 'archive after the end (path and file set)';
like GET('/long-cache/presentations/211/status.json')->content, qr{"state":"concluded".*"next_change":null}, 'status.json: concluded, nothing more scheduled';

done_testing();
