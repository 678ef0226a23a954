# t/status.t - the status resources (presentations/<id>/status.json,
# workshops/<slug>/status.json): JSON for every state, hostile text
# escaped, validators, CORS, the cache, 404s.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET HEAD POST);
use JSON::PP ();
use lib 't/lib';
use WebcastTest qw(db_sql);

Apache::TestRequest::module('webcast_site');
# the cache is per child: one keep-alive connection stays on one
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);

db_sql(q{DELETE FROM presentation WHERE workshop_id = 220});
db_sql(q{DELETE FROM workshop WHERE id = 220});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream, notice) VALUES
  (220, 'status-ws', 'Status "workshop" </script>', CURRENT_DATE, CURRENT_DATE, 'st.sdp', 'Room change: <b>B</b> & "C"')});
my @states = qw(upcoming live concluded archive external);
my $id = 220;
for my $s (@states) {
    db_sql(qq{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
      has_webcast, webcast_state, webcast_path, webcast_filename, external_name, external_url, notice) VALUES
      ($id, 220, 'Talk $s \\\\ \\n \\t \xe2\x80\xa8', 'S', '2026-07-01 19:00:00', '2026-07-01 20:00:00', 1, '$s',
       'p', 'f', 'X', 'https://x.example/', IF('$s' = 'live', 'Back in five\\n"minutes"', NULL))});
    $id++;
}

my $json = JSON::PP->new->utf8;
$id = 220;
for my $s (@states) {
    my $r = GET "/presentations/$id/status.json";
    is $r->code, 200, "$s: 200";
    is $r->header('Content-Type'), 'application/json', "$s: application/json";
    is $r->header('Access-Control-Allow-Origin'), '*', "$s: CORS";
    like $r->header('ETag') // '', qr/^"[0-9a-f]+"$/, "$s: ETag";
    my $doc = eval { $json->decode($r->content) };
    ok $doc, "$s: parses as JSON" or diag $@, $r->content;
    is $doc->{state}, $s, "$s: state";
    is $doc->{id}, $id, "$s: id";
    ok JSON::PP::is_bool($doc->{auto}) && !$doc->{auto}, "$s: auto is false";
    is $doc->{starts_at}, '2026-07-01T19:00:00Z', "$s: starts_at in RFC 3339 UTC";
    is $doc->{ends_at}, '2026-07-01T20:00:00Z', "$s: ends_at";
    is $doc->{title}, "Talk $s \\ \n \t \x{2028}", "$s: hostile title round-trips";
    unlike $r->content =~ s/\n\z//r, qr/[\x00-\x1f<>]/, "$s: no raw control or markup byte";
    $id++;
}
is $json->decode(GET('/presentations/221/status.json')->content)->{notice},
    qq{Back in five\n"minutes"}, 'the notice';

my $w = GET '/workshops/status-ws/status.json';
is $w->code, 200, 'workshop status: 200';
is $w->header('Access-Control-Allow-Origin'), '*', 'workshop status: CORS';
my $wd = $json->decode($w->content);
is $wd->{slug}, 'status-ws', 'slug';
is_deeply $wd->{live}, [221], 'live: the ids live now';
is $wd->{notice}, 'Room change: <b>B</b> & "C"', 'workshop notice round-trips';
unlike $w->content, qr/<b>/, 'and is inert in the bytes';
is_deeply [map { $_->{state} } @{$wd->{presentations}}], \@states, 'every presentation with its state';

# validators
my $etag = $w->header('ETag');
is GET('/workshops/status-ws/status.json', 'If-None-Match' => $etag)->code, 304, '304 on its ETag';
is GET('/cached/workshops/status-ws/status.json')->header('X-Webcast-Cache'), 'miss', 'through the cache: miss';
my $hit = GET('/cached/workshops/status-ws/status.json');
is $hit->header('X-Webcast-Cache'), 'hit', 'then hit';
is $hit->header('Access-Control-Allow-Origin'), '*', 'a cached copy is CORS too';
is GET('/cached/workshops/status-ws/status.json', 'If-None-Match' => $hit->header('ETag'))->code, 304, 'and 304 from the cache';
my $head = HEAD '/presentations/220/status.json';
is $head->code, 200, 'HEAD';
is $head->content, '', 'HEAD has no body';
is POST('/presentations/220/status.json')->code, 405, 'POST: 405';

# a notice change shows at once (no cache on /) and changes the ETag
my $old = GET('/presentations/220/status.json')->header('ETag');
db_sql(q{UPDATE presentation SET notice = 'Starting late' WHERE id = 220});
my $new = GET('/presentations/220/status.json');
like $new->content, qr/"notice":"Starting late"/, 'a new notice shows';
isnt $new->header('ETag'), $old, 'with a new ETag';

# 404s
is GET('/presentations/999999/status.json')->code, 404, 'unknown id: 404';
is GET('/presentations/0220/status.json')->code, 404, 'leading zero: 404';
is GET('/workshops/no-such-ws/status.json')->code, 404, 'unknown slug: 404';
is GET('/workshops/Status-WS/status.json')->code, 404, 'bad slug: 404';
is GET('/presentations/220/status.json/')->code, 404, 'trailing slash: 404';
is GET('/presentations/220/status.json%00')->code, 404, 'escaped bytes: 404';

done_testing();
