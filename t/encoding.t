# t/encoding.t - the cache's gzip and brotli copies: chosen by
# Accept-Encoding, decoding to the page itself, each with its own ETag and
# 304s, and left alone by mod_deflate, whose "-gzip" tags still get 304s.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET HEAD);
use File::Temp qw(tempfile);
use IO::Uncompress::Gunzip qw(gunzip $GunzipError);

Apache::TestRequest::module('webcast_site');
# The cache is per child: one keep-alive connection stays on one.
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);

sub ungzip {
    my ($bytes) = @_;
    gunzip(\$bytes => \my $out) or die "gunzip: $GunzipError";
    return $out;
}

sub unbrotli {
    my ($bytes) = @_;
    my ($fh, $file) = tempfile(UNLINK => 1);
    binmode $fh;
    print $fh $bytes;
    close $fh;
    my $out = `brotli -d -c '$file'`;
    die "brotli -d failed: $?" if $?;
    return $out;
}

sub get_as { my ($path, $ae, @h) = @_; GET($path, defined $ae ? ('Accept-Encoding' => $ae) : (), @h) }

my $page = '/cached/presentations/1/';
my $plain = get_as($page);
is $plain->code, 200, 'identity: 200';
ok !defined $plain->header('Content-Encoding'), 'identity: no Content-Encoding';
is $plain->header('Vary'), 'Accept-Encoding', 'identity: Vary: Accept-Encoding';
my $tag = $plain->header('ETag');
like $tag, qr/^"[0-9a-f]{16}"$/, 'identity: the ETag of the bytes';
(my $bare = $tag) =~ s/"//g;
my $html = $plain->content;
like $html, qr/^<!DOCTYPE html>/, 'identity: the page';

my $gz = get_as($page, 'gzip');
is $gz->header('Content-Encoding'), 'gzip', 'gzip: Content-Encoding';
is $gz->header('Vary'), 'Accept-Encoding', 'gzip: Vary';
is $gz->header('ETag'), qq{"$bare-gz"}, 'gzip: an ETag of its own';
is $gz->header('Content-Length'), length($gz->content), 'gzip: Content-Length of the gzip bytes';
cmp_ok length($gz->content), '<', length($html) / 2, 'gzip: smaller';
is ungzip($gz->content), $html, 'gzip: decodes to the identity page';

my $br = get_as($page, 'br');
is $br->header('Content-Encoding'), 'br', 'br: Content-Encoding';
is $br->header('ETag'), qq{"$bare-br"}, 'br: an ETag of its own';
is unbrotli($br->content), $html, 'br: decodes to the identity page';
is get_as($page, 'gzip, deflate, br')->header('Content-Encoding'), 'br', 'a browser\'s list: br';

# ---- q-values
sub coding { get_as($page, $_[0])->header('Content-Encoding') // 'identity' }
is coding('br;q=0.5, gzip'), 'gzip', 'br;q=0.5, gzip: gzip';
is coding('br;q=0, gzip;q=0'), 'identity', 'both q=0: identity';
is coding('gzip;q=0, br;q=0.1'), 'br', 'gzip;q=0: br';
is coding('*'), 'br', '*: br';
is coding('*;q=0, gzip'), 'gzip', '*;q=0, gzip: gzip';
is coding('gzip;q=0.5, identity'), 'identity', 'identity named above gzip: identity';
is coding('identity;q=0'), 'identity', 'identity refused and nothing else: identity all the same';
is coding('deflate, zstd'), 'identity', 'codings it has not: identity';
is coding('gzip;q=7'), 'identity', 'a malformed q: that element ignored';

# ---- conditional requests: a 304 for each coding, for its own tag only
sub status_with {
    my ($ae, $inm) = @_;
    return get_as($page, $ae, 'If-None-Match' => $inm)->code;
}
is status_with(undef, $tag), 304, 'identity: 304';
is status_with('gzip', qq{"$bare-gz"}), 304, 'gzip: 304';
is status_with('br', qq{"$bare-br"}), 304, 'br: 304';
is status_with('br', qq{"$bare-gz"}), 200, 'br asked, the gzip tag held: 200';
is status_with('gzip', $tag), 200, 'gzip asked, the identity tag held: 200';
is status_with('gzip', qq{"$bare-gzip"}), 304, 'mod_deflate\'s -gzip tag: 304';
is status_with(undef, qq{W/"$bare-gzip"}), 304, '... weak, and without gzip now: 304';
my $nm = get_as($page, 'gzip', 'If-None-Match' => qq{"x", "$bare-gz"});
is $nm->header('ETag'), qq{"$bare-gz"}, '304: the ETag of the coding';
is $nm->header('Vary'), 'Accept-Encoding', '304: Vary';
is $nm->content, '', '304: no body';

my $head = HEAD($page, 'Accept-Encoding' => 'gzip');
is $head->header('Content-Length'), length($gz->content), 'HEAD: the gzip copy\'s length';
is $head->content, '', 'HEAD: no body';

# The copy that was just built is compressed too, not only cache hits.
my $miss = get_as('/cached/workshops/test-ws/', 'br');
is $miss->header('X-Webcast-Cache'), 'miss', 'a miss...';
is $miss->header('Content-Encoding'), 'br', '... is compressed as well';
like unbrotli($miss->content), qr{</html>\s*$}, '... and decodes to a whole page';

# ---- what is not compressed
my $ttl0 = get_as('/presentations/1/', 'gzip, br');
ok !defined $ttl0->header('Content-Encoding'), 'WebcastCacheTTL 0: no compressed copy';
ok !defined $ttl0->header('Vary'), '... and no Vary';
my $movie = get_as('/cached/presentations/webcast-archive.1.ref.mov', 'gzip, br');
ok !defined $movie->header('Content-Encoding'), 'reference movie: not compressed';
like $movie->content, qr/^RTSPtext\r\n/, '... its bytes as they are';
my $styled = get_as('/styled-cached/presentations/1/', 'gzip, br');
ok !defined $styled->header('Content-Encoding'), 'page with header and footer: not compressed';
like $styled->content, qr/KDMC header fragment/, '... with the header';

# ---- behind mod_deflate
Apache::TestRequest::module('webcast_deflate');
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);
my $d_plain = get_as($page);
my $d_tag = $d_plain->header('ETag');
ok !defined $d_plain->header('Content-Encoding'), 'mod_deflate, identity asked: not compressed by it';
my $d_gz = get_as($page, 'gzip');
is $d_gz->header('Content-Encoding'), 'gzip', 'mod_deflate: gzip, once';
(my $d_bare = $d_tag) =~ s/"//g;
is $d_gz->header('ETag'), qq{"$d_bare-gz"}, 'mod_deflate: our tag, not renamed';
is ungzip($d_gz->content), $d_plain->content, 'mod_deflate: one gunzip gives the page';
is get_as($page, 'gzip', 'If-None-Match' => qq{"$d_bare-gz"})->code, 304, 'mod_deflate: 304 for our gzip copy';
# identity preferred to gzip: mod_deflate, which reads no q-values but 0,
# would compress it (and rename the tag) were it not told to keep off
my $d_id = get_as($page, 'gzip;q=0.5, identity');
ok !defined $d_id->header('Content-Encoding'), 'mod_deflate, identity preferred: not compressed';
is $d_id->header('ETag'), $d_tag, '... and our identity tag';
is $d_id->content, $d_plain->content, '... the page';
is get_as($page, 'br')->header('Content-Encoding'), 'br', 'mod_deflate: brotli untouched';
is get_as($page, 'br', 'If-None-Match' => qq{"$d_bare-br"})->code, 304, 'mod_deflate: 304 for our brotli copy';

# WebcastCacheTTL 0 there: mod_deflate compresses and renames the tag
my $live = get_as('/presentations/1/', 'gzip');
is $live->header('Content-Encoding'), 'gzip', 'TTL 0: mod_deflate compressed it';
like $live->header('ETag') // '', qr/^"[0-9a-f]{16}-gzip"$/, 'TTL 0: mod_deflate\'s -gzip tag';
like ungzip($live->content), qr/^<!DOCTYPE html>/, 'TTL 0: decodes to the page';
is get_as('/presentations/1/', 'gzip', 'If-None-Match' => $live->header('ETag'))->code, 304,
    'TTL 0: its -gzip tag gets a 304';

# a page with header and footer: mod_deflate may compress it
my $d_styled = get_as('/styled-cached/presentations/1/', 'gzip');
is $d_styled->header('Content-Encoding'), 'gzip', 'header and footer: mod_deflate compresses it';
like ungzip($d_styled->content), qr/KDMC header fragment/, '... with the header';

done_testing();
