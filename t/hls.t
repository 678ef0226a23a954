# t/hls.t - hls.js, the HLS player of browsers without native HLS: read
# at startup from WebcastAssetsDir (a clear error when it is missing),
# served from memory like the compiled-in assets, and named by the HLS
# player of each page by its versioned URL. (t/hls_browser.t plays it.)
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use Digest::MD5 qw(md5_hex);
use File::Copy qw(copy);
use File::Temp qw(tempdir tempfile);
use lib 't/lib';
use WebcastTest qw(config_test head_ok);

Apache::TestRequest::module('webcast_site');

my $file = "$ENV{WEBCAST_TOP}/node_modules/hls.js/dist/hls.min.js";
my $bytes = do { open my $fh, '<:raw', $file or die "$file: $!"; local $/; <$fh> };
my $version = substr(md5_hex($bytes), 0, 16);

my $page = GET('/kdmc/webcasts/presentations/2/')->content;
my ($url) = $page =~ m{<video [^>]*data-hls-script="([^"]+)"};
is $url, "/kdmc/webcasts/assets/hls.min.js?v=$version",
    'the HLS player names hls.js, versioned by its MD5' or diag $page;
unlike GET('/presentations/2/')->content, qr/data-hls-script/,
    'a mount without HLS patterns does not';

my $r = GET $url;
is $r->code, 200, 'hls.js: 200';
is $r->header('Content-Type'), 'text/javascript; charset=utf-8', 'hls.js: type';
is $r->header('Cache-Control'), 'public, max-age=31536000, immutable',
    'versioned: kept for a year';
ok $r->content eq $bytes, 'the very bytes of ' . length($bytes) . ' of the file';
is $r->header('ETag'), qq{"$version"}, 'ETag: its version';
is GET($url, 'If-None-Match' => $r->header('ETag'))->code, 304, 'hls.js: 304';
sub decode {
    my ($coding, $data) = @_;
    my ($fh, $name) = tempfile(UNLINK => 1);
    binmode $fh;
    print $fh $data;
    close $fh;
    my $out = $coding eq 'br' ? `brotli -d -c '$name'` : `gzip -d -c < '$name'`;
    die "$coding -d failed: $?" if $?;
    return $out;
}

# compressed once at startup, not by mod_deflate on every request
for my $coding (qw(gzip br)) {
    my $z = GET($url, 'Accept-Encoding' => $coding);
    is $z->header('Content-Encoding'), $coding, "Accept-Encoding: $coding: served $coding";
    like $z->header('Vary') // '', qr/Accept-Encoding/, '... varying by Accept-Encoding';
    ok length($z->content) < length($bytes) / 2, "... " . length($z->content) . ' bytes';
    ok decode($coding, $z->content) eq $bytes, '... the very bytes once decoded';
    my $etag = $z->header('ETag');
    isnt $etag, $r->header('ETag'), "... an ETag of its own ($etag)";
    is GET($url, 'Accept-Encoding' => $coding, 'If-None-Match' => $etag)->code, 304, '... and its 304';
}
like GET('/kdmc/webcasts/assets/hls.min.js')->header('Cache-Control'),
    qr/^public, max-age=300, s-maxage=300,/, 'unversioned: five minutes';
head_ok('/assets/hls.min.js', 'text/javascript; charset=utf-8');

# ---- at startup (apache2 -t runs the same check)
my $site = "<Location /w>\n    SetHandler webcast\n</Location>\n";
{
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, ['dbd'], "WebcastAssetsDir $dir/none\n$site");
    isnt $rc, 0, 'no hls.min.js in WebcastAssetsDir: httpd does not start';
    like $out, qr{mod_webcast: WebcastAssetsDir \Q$dir\E/none: \Q$dir\E/none/hls\.min\.js cannot be read .*make install},
        '... and says which file and what to do' or diag $out;
}
{
    my $dir = tempdir(CLEANUP => 1);
    mkdir "$dir/assets" or die;
    copy($file, "$dir/assets/hls.min.js") or die "copy: $!";
    my ($rc, $out) = config_test($dir, ['dbd'], "WebcastAssetsDir $dir/assets\n$site");
    is $rc, 0, 'a WebcastAssetsDir holding hls.min.js: httpd starts' or diag $out;
    ($rc, $out) = config_test($dir, ['dbd'], "WebcastAssetsDir assets\n$site");
    is $rc, 0, 'a relative WebcastAssetsDir is below ServerRoot' or diag $out;
    ($rc, $out) = config_test($dir, ['dbd'],
        "<VirtualHost *:80>\nWebcastAssetsDir $dir/assets\n</VirtualHost>\n$site");
    isnt $rc, 0, 'inside <VirtualHost>: refused';
    like $out, qr/WebcastAssetsDir cannot occur within <VirtualHost> section/,
        '... httpd says where it may go' or diag $out;
}

done_testing();
