# t/assets.t - the module's own files under assets/ (the page script and
# the built-in stylesheet), the pages' Content-Security-Policy, notices.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET POST);
use lib 't/lib';
use WebcastTest qw(db_sql);

Apache::TestRequest::module('webcast_site');

my $page = GET('/presentations/1/')->content;
my ($js) = $page =~ m{<script src="(/assets/webcast\.js\?v=[0-9a-f]{16})" defer></script>};
ok $js, 'the presentation page loads the versioned script' or diag $page;
my ($css) = $page =~ m{<link rel="stylesheet" href="(/assets/webcast\.css\?v=[0-9a-f]{16})">};
ok $css, 'and the built-in stylesheet, as a file';

my $r = GET $js;
is $r->code, 200, 'script: 200';
is $r->header('Content-Type'), 'text/javascript; charset=utf-8', 'script: type';
is $r->header('Cache-Control'), 'public, max-age=31536000, immutable', 'versioned: kept for a year';
like $r->content, qr/data-webcast-status/, 'the script itself';
is GET($js, 'If-None-Match' => $r->header('ETag'))->code, 304, 'script: 304';
# compressed once at startup, like the pages' copies
for my $asset ($js, $css) {
    my $plain = GET($asset)->content;
    my $z = GET($asset, 'Accept-Encoding' => 'gzip');
    is $z->header('Content-Encoding'), 'gzip', "$asset: a gzip copy";
    ok length($z->content) < length($plain) / 2,
        '... ' . length($z->content) . ' bytes for ' . length($plain);
    ok $z->decoded_content(charset => 'none') eq $plain, '... the same bytes once decoded';
    like $z->header('Vary') // '', qr/Accept-Encoding/, '... varying by Accept-Encoding';
    is GET($asset, 'Accept-Encoding' => 'br')->header('Content-Encoding'), 'br', "$asset: a brotli copy";
    is GET($asset, 'Accept-Encoding' => 'gzip', 'If-None-Match' => $z->header('ETag'))->code, 304,
        '... and a 304 for the gzip ETag';
}
like GET('/assets/webcast.js')->header('Cache-Control'), qr/^public, max-age=300, s-maxage=300,/, 'unversioned: five minutes';
like GET('/assets/webcast.js?v=0000000000000000')->header('Cache-Control'), qr/^public, max-age=300,(?!.*immutable)/, 'a wrong version is not immutable';
is GET($css)->header('Content-Type'), 'text/css; charset=utf-8', 'stylesheet: type';
is GET('/kdmc/webcasts/assets/webcast.js')->code, 200, 'under another mount too';
like GET('/kdmc/webcasts/presentations/1/')->content, qr{src="/kdmc/webcasts/assets/webcast\.js\?v=}, 'linked below that mount';
is GET('/assets/nope.js')->code, 404, 'unknown asset: 404';
is GET('/assets/../webcast.js')->code, 404, 'no paths';
is GET('/assets/.htaccess')->code, 404, 'no hidden files';
is POST('/assets/webcast.js')->code, 405, 'POST: 405';

# ---- Content-Security-Policy on public pages
for my $url ('/', '/workshops/test-ws/', '/presentations/1/', '/presentations/999999/') {
    my $csp = GET($url)->header('Content-Security-Policy') // '';
    like $csp, qr/(^|; )script-src 'self'(;|$)/, "$url: scripts only from the site";
    like $csp, qr/(^|; )default-src 'none'/, "$url: nothing else by default";
    like $csp, qr/object-src 'self'/, "$url: the QuickTime object loads our own movie";
    unlike $csp, qr/unsafe-inline|unsafe-eval/, "$url: nothing inline";
    unlike GET($url)->content, qr/<script>|<style|\son[a-z]+=/i, "$url: no inline script, style or handler";
}
like GET('/styled/presentations/1/')->header('Content-Security-Policy'), qr/style-src 'self'(;|$)/,
    'a site-relative WebcastStyleSheet is covered by self';

# ---- notices
db_sql(q{UPDATE workshop SET notice = 'Room <b>2</b> & "more"' WHERE id = 1});
db_sql(q{UPDATE presentation SET notice = 'Back in five' WHERE id = 2});
my $ws = GET('/workshops/test-ws/')->content;
like $ws, qr{<div id="webcast-notice" class="notice-banner" data-webcast-block><p>Room &lt;b&gt;2&lt;/b&gt; &amp; &quot;more&quot;</p></div>},
    'the workshop notice, escaped';
like $ws, qr{<p class="notice-banner">Back in five</p>}, 'a live talk\'s notice in the now block';
like GET('/presentations/2/')->content, qr{data-webcast-block><p>Back in five</p>}, 'and on its page';
db_sql(q{UPDATE workshop SET notice = NULL WHERE id = 1});
db_sql(q{UPDATE presentation SET notice = NULL WHERE id = 2});
like GET('/workshops/test-ws/')->content, qr{<div id="webcast-notice" class="notice-banner" data-webcast-block></div>}, 'cleared: the empty block stays';

done_testing();
