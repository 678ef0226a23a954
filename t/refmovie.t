# t/refmovie.t - reference movies: exact bytes, headers, every 404 rule.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use lib 't/lib';
use WebcastTest qw(raw_request head_ok);

Apache::TestRequest::module('webcast_site');

plan tests => 25;

sub movie_ok {
    my ($path, $url, $name) = @_;
    my $res = GET $path;
    my $want = "RTSPtext\r\n$url\r\n";
    subtest $name => sub {
        plan tests => 4;
        is $res->code, 200, 'status 200';
        is $res->header('Content-Type'), 'video/quicktime', 'video/quicktime';
        is $res->header('Content-Length'), length($want), 'exact Content-Length';
        is $res->content, $want, 'exact body';
    };
}

sub status_is {
    my ($path, $code, $name) = @_;
    is GET($path)->code, $code, "$name: $path";
}

my $p = '/presentations';

movie_ok "$p/webcast-archive.1.ref.mov",
    'rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov', 'archive at /';
movie_ok "$p/webcast-live.2.ref.mov",
    'rtsp://qtss.example.edu/live/room1.sdp', 'live uses the workshop stream';
movie_ok "$p/webcast-live.3.ref.mov",
    'rtsp://qtss.example.edu/live/override.sdp', 'presentation stream overrides';
movie_ok "$p/webcast-archive.6.ref.mov",
    'rtsp://qtss.example.edu/a%20b/Jos%C3%A9/x%20y%231.mov', 'values are percent-encoded';
movie_ok "$p/webcast-archive.14.ref.mov",
    'rtsp://qtss.example.edu/kdmc/2025/slashy.mov', 'outer slashes of the path trimmed';

# The same site under a deeper <Location> with its own patterns.
movie_ok "/kdmc/webcasts$p/webcast-archive.1.ref.mov",
    'rtsp://archive.example.org:554/vod/1/lunch-keynote.mov', 'archive under /kdmc/webcasts';
movie_ok "/kdmc/webcasts$p/webcast-live.2.ref.mov",
    'rtsp://live.example.org/room1.sdp?talk=2', 'live under /kdmc/webcasts';

head_ok "$p/webcast-archive.1.ref.mov", 'video/quicktime';

status_is "$p/webcast-live.1.ref.mov", 404, 'archive talk has no live movie';
status_is "$p/webcast-archive.2.ref.mov", 404, 'live talk has no archive movie';
status_is "$p/webcast-archive.4.ref.mov", 404, 'has_webcast = 0';
status_is "$p/webcast-archive.5.ref.mov", 404, 'archive without filename';
status_is "$p/webcast-archive.7.ref.mov", 404, 'CR LF in filename';
status_is "$p/webcast-archive.8.ref.mov", 404, 'upcoming';
status_is "$p/webcast-live.8.ref.mov", 404, 'upcoming, live movie';
status_is "$p/webcast-archive.9.ref.mov", 404, 'concluded';
status_is "$p/webcast-archive.10.ref.mov", 404, 'external';
status_is "$p/webcast-live.11.ref.mov", 404, 'live without any stream name';
status_is "$p/webcast-archive.12.ref.mov", 404, 'control byte in path';
status_is "$p/webcast-archive.13.ref.mov", 404, 'path traversal in path';
status_is "$p/webcast-archive.99.ref.mov", 404, 'no such presentation';
status_is "$p/webcast-archive.4294967295.ref.mov", 404, 'largest id, absent';

# The hostile record never leaks a second line, under any mount.
unlike GET("/kdmc/webcasts$p/webcast-archive.7.ref.mov")->content, qr/evil/,
    'CR LF record produces no movie under /kdmc/webcasts';

# A raw request proves the bytes on the wire, not what LWP makes of them.
my $raw = raw_request('GET', "$p/webcast-archive.1.ref.mov");
my $want = "RTSPtext\r\nrtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov\r\n";
is $raw->{body}, $want, 'raw body on the wire';
is $raw->{headers}{'content-length'}, length($want), 'raw Content-Length';
