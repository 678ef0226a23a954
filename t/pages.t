# t/pages.t - the public pages in every state, under two mounts: content,
# time zones, escaping of hostile data, links that resolve, HTML that a
# real (WHATWG) parser accepts, redirects and error pages.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET GET_BODY HEAD);
use HTML::LinkExtor ();
use lib 't/lib';
use WebcastTest qw(html5_ok raw_request db_sql);

Apache::TestRequest::module('webcast_site');



sub page {
    my ($path) = @_;
    my $res = GET $path;
    is $res->code, 200, "GET $path";
    return $res->decoded_content // '';
}

# ---- index
my $index = page('/');
like $index, qr{<h2>On now</h2>}, 'index: on now';
like $index, qr{<h2>Upcoming</h2>}, 'index: upcoming' ;
like $index, qr{<h2>Past workshops</h2>}, 'index: past';
like $index, qr{href="/workshops/test-ws/">Test workshop</a>.*Live now}, 'index: live badge';
like $index, qr{name="viewport"}, 'index: phone viewport';

# ---- workshop pages and the "now" block
my $live_ws = page('/workshops/test-ws/');
like $live_ws, qr{<h2>Happening now</h2>.*webcast-live\.2\.ref\.mov.*webcast-live\.3\.ref\.mov}s,
    'now: every live talk, with its player';
like $live_ws, qr{<h2>Schedule</h2>}, 'schedule';
like $live_ws, qr{href="/presentations/1/">Archived keynote</a>.*Watch the archive}, 'archived talk links to its page';
like $live_ws, qr{href="https://www\.c-span\.org/">Webcast by C-SPAN}, 'external talk links to the partner';

my $next_ws = page('/workshops/next-ws/');
like $next_ws, qr{<h2>Next webcast</h2>.*July noon talk.*Wednesday, July 15, 2026, at noon PDT}s,
    'now: next upcoming with its time (July, PDT)';
like $next_ws, qr{<p>First paragraph\.</p>\s*<p>Second paragraph\.</p>}, 'summary paragraphs';
like $next_ws, qr{Times are in the America/Los_Angeles time zone}, 'the zone is named';

my $recent_ws = page('/workshops/recent-ws/');
like $recent_ws, qr{<h2>Most recent webcast</h2>.*January noon talk.*check back}s,
    'now: most recent concluded';
like $recent_ws, qr{Wednesday, Jan\. 14, 2026, at noon PST}, 'January talk in PST';
like $recent_ws, qr{Tuesday, Jan\. 13, 2026</h3>.*Wednesday, Jan\. 14, 2026</h3>}s, 'grouped by day';

# ---- presentation pages, one per state
my $upcoming = page('/presentations/20/');
like $upcoming, qr{will be webcast live on <time datetime="2026-07-15T12:00:00-07:00">Wednesday, July 15, 2026, at noon PDT</time>},
    'upcoming: date, time and zone';
like $upcoming, qr{href="/workshops/next-ws/">See the whole schedule}, 'upcoming: schedule link';
unlike $upcoming, qr{<object|<video}, 'upcoming: no player';
like $upcoming, qr{href="https://example\.org/slides/july\.pptx">Download the slides \(PowerPoint\)}, 'slides link';

my $live = page('/presentations/2/');
like $live, qr{class="marker">Live now}, 'live: marker';
like $live, qr{<object classid="clsid:02BF25D5-8C17-4B23-BC80-D3488ABDDC6B"[^>]*width="320" height="256"><param name="src" value="/presentations/webcast-live\.2\.ref\.mov">},
    'live: QuickTime object of the live movie';
unlike $live, qr{<video}, 'live: no HTML5 source without WebcastLiveHLS';

my $concluded = page('/presentations/22/');
like $concluded, qr{the archived video will be posted soon}, 'concluded: check back';

my $archive = page('/presentations/1/');
like $archive, qr{<embed src="/presentations/webcast-archive\.1\.ref\.mov" type="video/quicktime"}, 'archive: embed';
like $archive, qr{<details class="plugin"><summary>Play it in the page \(QuickTime plug-in\)</summary><object classid=[^>]*>.*?</object></details>},
    'archive without HLS: the plug-in behind a disclosure';
like $archive, qr{href="/presentations/webcast-archive\.1\.ref\.mov" type="video/quicktime">Open the video in QuickTime Player or VLC},
    'archive: open in QuickTime Player link';
like $archive, qr{href="/workshops/test-ws/">Back to the schedule of Test workshop}, 'back to the workshop';

my $external = page('/presentations/10/');
like $external, qr{webcast by <strong>C-SPAN</strong>\. <a href="https://www\.c-span\.org/">}, 'external: partner and link';

my $none = page('/presentations/4/');
unlike $none, qr{class="webcast}, 'has_webcast = 0: no webcast block';

my $keynote = page('/presentations/21/');
like $keynote, qr{Download the slides \(Keynote\)}, 'Keynote slides';

# ---- slides on this site ("/..."): linked as they are, under any mount;
# another host in disguise ("//h", "/\h") or a control byte: never
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on) VALUES
  (40, 'slides-ws', 'Slides workshop', '2025-05-01', '2025-05-01')});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at, slides_url) VALUES
  (40, 40, 'Local slides', 'L', '2025-05-01 17:00:00', '2025-05-01 18:00:00', '/slides/2026/talk.pdf'),
  (41, 40, 'Protocol-relative slides', 'P', '2025-05-01 18:00:00', '2025-05-01 19:00:00', '//evil.example/s.ppt'),
  (42, 40, 'Backslash slides', 'B', '2025-05-01 19:00:00', '2025-05-01 20:00:00', CONCAT('/', CHAR(92), 'evil.example/s.ppt')),
  (43, 40, 'Control slides', 'C', '2025-05-01 20:00:00', '2025-05-01 21:00:00', CONCAT('/slides/a', CHAR(1), '.pdf'))});
like page('/presentations/40/'), qr{<p class="slides"><a href="/slides/2026/talk\.pdf">Download the slides \(PDF\)</a></p>},
    'site-relative slides: linked';
like page('/kdmc/webcasts/presentations/40/'), qr{<a href="/slides/2026/talk\.pdf">Download the slides},
    '... as they are under another mount';
for my $id (41, 42, 43) {
    unlike page("/presentations/$id/"), qr{Download the slides}, "slides of $id (another host or a control byte): not linked";
}
is db_sql('SELECT LOCATE(CHAR(92), slides_url) FROM presentation WHERE id = 42'), 2,
    '(row 42 holds "/\\evil...")';
db_sql('DELETE FROM presentation WHERE workshop_id = 40');
db_sql('DELETE FROM workshop WHERE id = 40');

# ---- HTML5 video where an HLS pattern is configured
my $hls = page('/kdmc/webcasts/presentations/2/');
like $hls, qr{<video controls playsinline[^>]*><source src="https://media\.example\.org/live/room1\.sdp/index\.m3u8" type="application/vnd\.apple\.mpegurl"><object}, 'live HLS source with QuickTime fallback';
like $hls, qr{Wednesday, Nov\. 25, 2026, at 9 p\.m\. CET}, 'Europe/Berlin under /kdmc/webcasts';

# ---- hostile database text
my @hostile = ('/workshops/hostile/', '/presentations/30/', '/presentations/31/', '/presentations/32/', '/');
for my $path (@hostile) {
    # our own script (assets/webcast.js) is the one <script> a page has
    (my $html = page($path)) =~ s{<script src="/assets/webcast\.js\?v=[0-9a-f]{16}" defer></script>}{};
    unlike $html, qr{<script|<img|<iframe|<b>|<i>|<em>|<hr>|javascript:|onmouseover="}i,
        "$path: no markup from the database";
}
my $h30 = GET_BODY '/presentations/30/';
like $h30, qr{&lt;script&gt;alert\(&quot;t&quot;\)&lt;/script&gt;}, 'title escaped';
like $h30, qr{&lt;b&gt;Speaker&lt;/b&gt; &quot;q&quot; &#39;s}, 'speaker escaped';
like $h30, qr{bio\x{FFFD}|bio\xEF\xBF\xBD}, 'control byte replaced';
unlike $h30, qr{Download the slides}, 'javascript: slides never linked';
unlike $h30, qr{Watch it there}, 'javascript: external URL never linked';
like GET_BODY('/presentations/32/'), qr{href="https://www\.c-span\.org/\?a=1&amp;b=2"}, 'URL escaped in attribute';

# ---- every page is HTML5 a browser parses without error
for my $path ('/', '/workshops/test-ws/', '/workshops/next-ws/', '/workshops/hostile/',
              '/presentations/1/', '/presentations/2/', '/presentations/20/',
              '/presentations/30/', '/presentations/31/', '/kdmc/webcasts/presentations/2/',
              '/styled/presentations/1/') {
    html5_ok(GET($path)->decoded_content, $path);
}
html5_ok(GET('/workshops/no-such/')->content, '404 page');

# ---- every local link on every page resolves, under both mounts
for my $mount ('', '/kdmc/webcasts') {
    my (%seen, @bad);
    for my $path ('/', '/workshops/test-ws/', '/workshops/next-ws/', '/workshops/recent-ws/',
                  '/presentations/1/', '/presentations/2/', '/presentations/20/') {
        my $x = HTML::LinkExtor->new;
        $x->parse(GET("$mount$path")->decoded_content);
        for my $link ($x->links) {
            my ($tag, %attr) = @$link;
            for my $url (values %attr) {
                next unless $url =~ m{^/} && !$seen{$url}++;
                push @bad, $url unless $url =~ m{^\Q$mount\E/} && GET($url)->code == 200;
            }
        }
    }
    ok scalar(keys %seen) > 10, "links found under '$mount'";
    is_deeply \@bad, [], "every local link under '$mount' is below the mount and answers 200";
}

# ---- redirects, errors, HEAD
my $r = raw_request('GET', '/workshops/test-ws');
is $r->{status}, 301, 'workshops/<slug> redirects';
like $r->{headers}{location}, qr{/workshops/test-ws/$}, '... to the slash form';
like raw_request('GET', '/presentations/1?x=1')->{headers}{location}, qr{/presentations/1/\?x=1$}, 'presentation redirect keeps the query';
like raw_request('GET', '/kdmc/webcasts')->{headers}{location}, qr{/kdmc/webcasts/$}, 'mount point redirects to its slash';
my $missing = GET '/workshops/no-such/';
is $missing->code, 404, 'unknown slug: 404';
like $missing->content, qr{<h1>Page not found</h1>.*href="/">See all workshops}s, 'readable 404 page';
is GET('/presentations/99/')->code, 404, 'unknown presentation: 404';
my $head = HEAD '/workshops/test-ws/';
is $head->code, 200, 'HEAD on a page';
is $head->content, '', 'HEAD has no body';
is raw_request('POST', '/workshops/test-ws/')->{status}, 405, 'POST on a page: 405';

# ---- the site's own stylesheet, header and footer
my $styled = GET_BODY '/styled/';
like $styled, qr{<link rel="stylesheet" href="/static/site\.css">}, 'WebcastStyleSheet';
unlike $styled, qr{<style>}, 'no built-in style then';
like $styled, qr{<body>\s*<header class="site">KDMC header fragment</header>\s*<main>}, 'WebcastHeaderName before main';
like $styled, qr{</main>\s*<footer class="site">KDMC footer fragment</footer>\s*</body>}, 'WebcastFooterName after main';
done_testing();
