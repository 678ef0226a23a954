# t/embed.t - the embed page (presentations/<id>/embed/) and oEmbed with
# discovery: they follow the state like the page, frame-ancestors from
# WebcastEmbedAncestors, bad input is a 404.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET POST);
use JSON::PP ();
use URI::Escape qw(uri_escape);
use lib 't/lib';
use WebcastTest qw(db_sql);

Apache::TestRequest::module('webcast_site');
Apache::TestRequest::user_agent(reset => 1, requests_redirectable => 0);
my $origin = 'http://' . Apache::TestRequest::hostport();

db_sql(q{DELETE FROM presentation WHERE id IN (230, 231)});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename) VALUES
  (230, 1, 'Embed <me>', 'Em "Bed"', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1, NULL, NULL),
  (231, 1, 'Embed later', 'Em', UTC_TIMESTAMP() + INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 2 HOUR, 1, 'upcoming', 1, NULL, NULL)});

my $e = GET '/presentations/230/embed/';
is $e->code, 200, 'embed: 200';
like $e->content, qr{<body class="embed" data-webcast-status="/presentations/230/status\.json">}, 'embed: polls its status';
like $e->content, qr{<div class="webcast live">}, 'embed follows the clock: live';
like $e->content, qr{<h1><a href="/presentations/230/" target="_blank" rel="noopener">Embed &lt;me&gt;</a></h1>}, 'embed: title links out, escaped';
unlike $e->content, qr{<nav class="crumbs"}, 'embed: the player block alone, no site navigation';
like $e->header('Content-Security-Policy'), qr/frame-ancestors \*$/, 'frame-ancestors * by default';
like GET('/presentations/231/embed/')->content, qr{<div class="webcast upcoming">.*data-countdown}s, 'an upcoming embed counts down';
like GET('/kdmc/webcasts/presentations/230/embed/')->header('Content-Security-Policy'),
    qr/frame-ancestors 'self' https:\/\/partner\.example\.org$/, 'WebcastEmbedAncestors';
unlike GET('/presentations/230/')->header('Content-Security-Policy'), qr/frame-ancestors/, 'pages keep their framing as before';
my $slash = GET '/presentations/230/embed';
is $slash->code, 301, 'embed without slash redirects';
like $slash->header('Location'), qr{/presentations/230/embed/$}, 'to the slash';
is GET('/presentations/999999/embed/')->code, 404, 'unknown id: 404';
is GET('/presentations/230/embed/x')->code, 404, 'below embed: 404';
is POST('/presentations/230/embed/')->code, 405, 'POST: 405';

# ---- discovery and oEmbed
my $page = GET('/presentations/230/')->content;
my ($href) = $page =~ m{<link rel="alternate" type="application/json\+oembed" href="([^"]+)" title="Embed &lt;me&gt;">};
ok $href, 'the page links its oEmbed' or diag $page;
$href =~ s/&amp;/&/g;
is $href, '/oembed?url=' . uri_escape("$origin/presentations/230/"), 'for its own absolute URL';
my $o = GET $href;
is $o->code, 200, 'oembed: 200';
is $o->header('Content-Type'), 'application/json', 'oembed: JSON';
my $doc = JSON::PP->new->utf8->decode($o->content);
is $doc->{version}, '1.0', 'version 1.0';
is $doc->{type}, 'rich', 'type rich';
is $doc->{title}, 'Embed <me>', 'title';
is $doc->{author_name}, 'Em "Bed"', 'author';
is $doc->{width}, 640, 'width';
is $doc->{height}, 400, 'height';
like $doc->{html}, qr{^<iframe src="\Q$origin\E/presentations/230/embed/" width="640" height="400" title="Embed &lt;me&gt;" style="border:0" allowfullscreen></iframe>$},
    'an iframe of the embed page, escaped';
my $small = JSON::PP->new->utf8->decode(GET("$href&maxwidth=320")->content);
is "$small->{width}x$small->{height}", '320x200', 'maxwidth keeps 16:10';
is GET("$href&format=xml")->code, 501, 'format other than json: 501';
is GET('/oembed')->code, 404, 'no url: 404';
is GET('/oembed?url=' . uri_escape("$origin/workshops/test-ws/"))->code, 404, 'not a presentation: 404';
is GET('/oembed?url=' . uri_escape("$origin/presentations/999999/"))->code, 404, 'unknown presentation: 404';
is GET('/oembed?url=' . uri_escape("$origin/presentations/07/"))->code, 404, 'malformed id: 404';
is GET('/oembed?url=%zz')->code, 404, 'bad escapes: 404';
is GET('/kdmc/webcasts/oembed?url=' . uri_escape("$origin/presentations/230/"))->code, 404,
    'a page of another mount: 404';
my $k = JSON::PP->new->utf8->decode(GET('/kdmc/webcasts/oembed?url=' . uri_escape("$origin/kdmc/webcasts/presentations/230/"))->content);
like $k->{html}, qr{src="\Q$origin\E/kdmc/webcasts/presentations/230/embed/"}, 'under its mount';

done_testing();
