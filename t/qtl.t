# t/qtl.t - QuickTime Media Links: exact bytes, headers, every 404 rule.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use lib 't/lib';
use WebcastTest qw(raw_request head_ok);

Apache::TestRequest::module('webcast_site');

plan tests => 24;

my $p = '/presentations';

sub qtl_for {
    my ($url) = @_;
    return qq{<?xml version="1.0"?>\n}
        . qq{<?quicktime type="application/x-quicktime-media-link"?>\n}
        . qq{<embed src="$url" autoplay="true" controller="true" />\n};
}

sub qtl_ok {
    my ($path, $url, $name) = @_;
    my $res = GET $path;
    my $want = qtl_for($url);
    subtest $name => sub {
        plan tests => 4;
        is $res->code, 200, 'status 200';
        is $res->header('Content-Type'), 'application/x-quicktimeplayer',
            'application/x-quicktimeplayer';
        is $res->header('Content-Length'), length($want), 'exact Content-Length';
        is $res->content, $want, 'exact body';
    };
}

sub status_is {
    my ($path, $code, $name) = @_;
    is GET($path)->code, $code, "$name: $path";
}

qtl_ok "$p/webcast-archive.1.qtl",
    'rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov', 'archive at /';
qtl_ok "$p/webcast-live.2.qtl",
    'rtsp://qtss.example.edu/live/room1.sdp', 'live uses the workshop stream';
qtl_ok "$p/webcast-live.3.qtl",
    'rtsp://qtss.example.edu/live/override.sdp', 'presentation stream overrides';
qtl_ok "$p/webcast-archive.6.qtl",
    'rtsp://qtss.example.edu/a%20b/Jos%C3%A9/x%20y%231.mov', 'values are percent-encoded';
qtl_ok "$p/webcast-archive.31.qtl",
    'rtsp://qtss.example.edu/p%22a%3Ct%3Eh/f%27i%22le.mov', 'quotes and brackets never reach the XML';
qtl_ok "/kdmc/webcasts$p/webcast-live.2.qtl",
    'rtsp://live.example.org/room1.sdp?talk=2', 'live under /kdmc/webcasts';
qtl_ok "/kdmc/webcasts$p/webcast-archive.1.qtl",
    'rtsp://archive.example.org:554/vod/1/lunch-keynote.mov',
    'the main URL, not an alternate, under /kdmc/webcasts';

head_ok "$p/webcast-archive.1.qtl", 'application/x-quicktimeplayer';

status_is "$p/webcast-live.1.qtl", 404, 'archive talk has no live link';
status_is "$p/webcast-archive.2.qtl", 404, 'live talk has no archive link';
status_is "$p/webcast-archive.4.qtl", 404, 'has_webcast = 0';
status_is "$p/webcast-archive.5.qtl", 404, 'archive without filename';
status_is "$p/webcast-archive.7.qtl", 404, 'CR LF in filename';
status_is "$p/webcast-archive.8.qtl", 404, 'upcoming';
status_is "$p/webcast-archive.9.qtl", 404, 'concluded';
status_is "$p/webcast-live.10.qtl", 404, 'external';
status_is "$p/webcast-live.11.qtl", 404, 'live without any stream name';
status_is "$p/webcast-archive.12.qtl", 404, 'control byte in path';
status_is "$p/webcast-archive.13.qtl", 404, 'path traversal in path';
status_is "$p/webcast-archive.99.qtl", 404, 'no such presentation';
status_is "/bare$p/webcast-archive.1.qtl", 404, 'no WebcastArchiveURL there';

# Only GET and HEAD.
my $post = raw_request('POST', "$p/webcast-archive.1.qtl");
subtest 'POST is 405' => sub {
    plan tests => 2;
    is $post->{status}, 405, 'status 405';
    like $post->{headers}{allow} // '', qr/\bGET\b/, 'Allow names GET';
};

# The bytes on the wire, and the hostile record under the other mount.
my $raw = raw_request('GET', "$p/webcast-archive.1.qtl");
is $raw->{body}, qtl_for('rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov'),
    'raw body on the wire';
unlike GET("/kdmc/webcasts$p/webcast-archive.7.qtl")->content, qr/evil/,
    'CR LF record produces no link under /kdmc/webcasts';
