# t/cache.t - WebcastCacheTTL, HTTP validators, Cache-Control by state,
# stale pages during an outage, and the number of queries per page.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use Time::HiRes qw(sleep);
use HTTP::Date ();
use lib 't/lib';
use WebcastTest qw(db db_sql raw_request wait_for);

Apache::TestRequest::module('webcast_site');
# The cache is per httpd child (shared by its threads): one keep-alive
# connection keeps every request of this file on the same child.
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);

sub executed { db_sql("SHOW GLOBAL STATUS LIKE 'Com_stmt_execute'") =~ /(\d+)\s*$/ and return $1; die }

# Prepared statements the database executes to answer one GET (that
# answers $want, 200 unless given).
sub queries_for {
    my ($path, $want) = @_;
    my $before = executed();
    my $code = GET($path)->code;
    die "GET $path: $code" unless $code == ($want // 200);
    return executed() - $before;
}

# ---- the cache: miss, hit, expiry
my $page = '/cached/presentations/1/';
my $first = GET $page;
is $first->header('X-Webcast-Cache'), 'miss', 'first request: miss';
my $second = GET $page;
is $second->header('X-Webcast-Cache'), 'hit', 'second request: hit';
is $second->content, $first->content, 'same bytes from the cache';
is queries_for($page), 0, 'a hit reads nothing from the database';

db_sql("UPDATE presentation SET title = 'Retitled keynote' WHERE id = 1");
like GET('/presentations/1/')->content, qr/Retitled keynote/, 'TTL 0: the change shows at once';
unlike GET($page)->content, qr/Retitled keynote/, 'TTL 2: the cached copy until it expires';
ok defined wait_for(4, sub { GET($page)->content =~ /Retitled keynote/ }),
    'TTL 2: the change shows within the TTL';
db_sql("UPDATE presentation SET title = 'Archived keynote' WHERE id = 1");

# ---- validators and conditional GET
my $res = GET '/presentations/1/';
my ($etag, $lm) = ($res->header('ETag'), $res->header('Last-Modified'));
like $etag // '', qr/^"[0-9a-f]{16}"$/, 'ETag';
ok $lm, 'Last-Modified';
my $nm = raw_request('GET', '/presentations/1/', headers => "If-None-Match: $etag\r\n");
is $nm->{status}, 304, 'If-None-Match: 304';
is $nm->{body}, '', '304 has no body';
is raw_request('GET', '/presentations/1/', headers => "If-Modified-Since: $lm\r\n")->{status},
    304, 'If-Modified-Since: 304';
is raw_request('GET', '/presentations/1/', headers => "If-None-Match: \"0000000000000000\"\r\n")->{status},
    200, 'another ETag: 200';
my $movie = GET '/presentations/webcast-archive.1.ref.mov';
is raw_request('GET', '/presentations/webcast-archive.1.ref.mov',
               headers => 'If-None-Match: ' . $movie->header('ETag') . "\r\n")->{status},
    304, 'reference movie: 304';
db_sql("UPDATE presentation SET speaker_name = 'Ann Archived' WHERE id = 1");
isnt GET('/presentations/1/')->header('ETag'), $etag, 'the ETag follows the data';
db_sql("UPDATE presentation SET speaker_name = 'Ann Archive' WHERE id = 1");

# ---- Cache-Control by state
like GET('/presentations/1/')->header('Cache-Control'), qr/max-age=300/, 'archive page: long';
like GET('/presentations/2/')->header('Cache-Control'), qr/max-age=10\b/, 'live page: short';
like GET('/presentations/20/')->header('Cache-Control'), qr/max-age=10\b/, 'upcoming page: short';
like GET('/presentations/webcast-archive.1.ref.mov')->header('Cache-Control'), qr/max-age=300/, 'archive movie: long';
like GET('/presentations/webcast-live.2.ref.mov')->header('Cache-Control'), qr/max-age=10\b/, 'live movie: short';
like GET('/workshops/test-ws/')->header('Cache-Control'), qr/max-age=10\b/, 'workshop page: short';
is GET('/presentations/999999/')->header('Cache-Control'), 'public, max-age=10, s-maxage=10',
    'a 404 (a talk not added yet): short, for a CDN too';

# ---- queries per answer, whatever the schedule's size
is queries_for('/presentations/1/'), 1, 'presentation page: one query';
is queries_for('/presentations/webcast-archive.1.ref.mov'), 1, 'reference movie: one query';
is queries_for('/'), 1, 'index: one query';
is queries_for('/workshops/test-ws/'), 1, 'workshop page: one query';
db_sql("INSERT INTO workshop (id, slug, title, starts_on, ends_on) VALUES (90, 'big', 'Big', '2026-01-01', '2026-01-05');
        INSERT INTO presentation (workshop_id, title, speaker_name, starts_at, ends_at, has_webcast, webcast_state)
        SELECT 90, CONCAT('Talk ', seq), 'S', '2026-01-01 10:00:00' + INTERVAL seq MINUTE,
               '2026-01-01 11:00:00' + INTERVAL seq MINUTE, 1, 'upcoming' FROM seq_1_to_400");
is queries_for('/workshops/big/'), 1, '400 presentations: still one query';
like GET('/workshops/big/')->content, qr/Talk 400</, 'all 400 on the page';
db_sql("DELETE FROM presentation WHERE workshop_id = 90");
is queries_for('/workshops/big/'), 2, 'a workshop without presentations: two queries';
my $empty = GET('/workshops/big/');
is $empty->code, 200, 'a workshop without presentations: its page';
like $empty->content, qr{<h1>Big</h1>}, 'a workshop without presentations: its title';
db_sql("DELETE FROM workshop WHERE id = 90");
is queries_for('/workshops/no-such-workshop/', 404), 2, 'an unknown workshop: 404 after two queries';

# ---- what the cache keys: a setting changed by <If> gets its own entry
my $zoned = '/cached/presentations/1/';
GET $zoned;
like GET($zoned)->content, qr/\b(?:PDT|PST)\b/, 'the site zone (cached)';
my $tokyo = GET "$zoned?tokyo";
like $tokyo->content, qr/\bJST\b/, '<If> sets another zone: not the cached page of the site zone';
unlike $tokyo->content, qr/\b(?:PDT|PST)\b/, '... nothing of the other zone';

# ---- a page that is gone is forgotten: an outage cannot bring it back
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at, has_webcast, webcast_state)
         VALUES (95, 1, 'Soon withdrawn', 'W', '2026-01-01 10:00:00', '2026-01-01 11:00:00', 0, 'upcoming')});
my $gone = '/cached/presentations/95/';
like GET($gone)->content, qr/Soon withdrawn/, 'a page, cached';
db_sql('DELETE FROM presentation WHERE id = 95');
ok defined wait_for(4, sub { GET($gone)->code == 404 }), '... deleted: 404 once the TTL is over';

# ---- no Last-Modified, no 304 for If-Modified-Since
my $styled = GET '/styled/presentations/1/';
ok !defined $styled->header('Last-Modified'), 'a page with a header and footer has no Last-Modified';
my $now = HTTP::Date::time2str(time);
is raw_request('GET', '/styled/presentations/1/', headers => "If-Modified-Since: $now\r\n")->{status},
    200, '... so If-Modified-Since gets the page, not 304';

# ---- a presentation that leaves its workshop moves the page's date
# (sql/003-workshop-touch.sql), so If-Modified-Since sees it gone
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at, has_webcast, webcast_state)
         VALUES (96, 1, 'Leaving talk', 'L', '2026-01-01 10:00:00', '2026-01-01 11:00:00', 0, 'upcoming'),
                (97, 1, 'Moving talk', 'M', '2026-01-01 12:00:00', '2026-01-01 13:00:00', 0, 'upcoming')});
sleep 1.1;
my $before_lm = GET('/workshops/test-ws/')->header('Last-Modified');
sleep 1.1;                              # HTTP dates count seconds
db_sql('DELETE FROM presentation WHERE id = 96');
my $after_delete = GET('/workshops/test-ws/');
unlike $after_delete->content, qr/Leaving talk/, 'a deleted presentation leaves the page';
cmp_ok HTTP::Date::str2time($after_delete->header('Last-Modified')), '>', HTTP::Date::str2time($before_lm),
    '... and the page\'s Last-Modified moves on';
is raw_request('GET', '/workshops/test-ws/', headers => "If-Modified-Since: $before_lm\r\n")->{status},
    200, '... so If-Modified-Since of before gets the new page';
my $lm2 = $after_delete->header('Last-Modified');
sleep 1.1;
db_sql('UPDATE presentation SET workshop_id = 2 WHERE id = 97');
cmp_ok HTTP::Date::str2time(GET('/workshops/test-ws/')->header('Last-Modified')), '>', HTTP::Date::str2time($lm2),
    'a presentation moved away: the date moves on too';
db_sql('DELETE FROM presentation WHERE id = 97');

# ---- an outage: cached pages keep serving, marked stale
my $ws = '/cached/workshops/test-ws/';
GET $ws;
db 'stop';
sleep 2.2;                              # past the TTL
my $stale = GET $ws;
is $stale->code, 200, 'database down: the cached page still serves';
is $stale->header('X-Webcast-Cache'), 'stale', 'marked stale';
like $stale->header('Warning') // '', qr/^110 /, 'with Warning: 110';
like $stale->content, qr/Test workshop/, 'the page itself';
is raw_request('GET', '/workshops/test-ws/')->{status}, 503, 'uncached: 503';
is raw_request('GET', '/cached/workshops/recent-ws/')->{status}, 503, 'never cached: 503';
is GET($gone)->code, 503, 'deleted before the outage: 503, not its old copy (same child)';
db 'start';
ok defined wait_for(10, sub { (GET($ws)->header('X-Webcast-Cache') // '') =~ /miss|hit/ }),
    'database back: fresh again';

done_testing();
