# t/rmra.t - binary reference movies (moov/rmra): exact bytes, headers,
# alternates, every 404 rule.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use lib 't/lib';
use WebcastTest qw(raw_request head_ok);

Apache::TestRequest::module('webcast_site');

plan tests => 25;

my $p = '/presentations';
my $k = "/kdmc/webcasts$p";

# The movie written out independently of the C encoder: atoms are a
# big-endian u32 size and a four-character type; [rate, url] pairs, a
# rate of 0 meaning no rmdr atom.
sub atom { my ($type, $payload) = @_; pack('N', 8 + length $payload) . $type . $payload }

sub rmra_for {
    my $rmra = '';
    for my $alt (@_) {
        my ($rate, $url) = @$alt;
        my $rmdr = $rate ? atom('rmdr', pack('NN', 0, $rate)) : '';
        my $rdrf = atom('rdrf', pack('N', 0) . 'url ' . pack('N', length($url) + 1) . "$url\0");
        $rmra .= atom('rmda', $rmdr . $rdrf);
    }
    return atom('moov', atom('rmra', $rmra));
}

sub movie_ok {
    my ($path, $alts, $name) = @_;
    my $res = GET $path;
    my $want = rmra_for(@$alts);
    subtest $name => sub {
        plan tests => 4;
        is $res->code, 200, 'status 200';
        is $res->header('Content-Type'), 'video/quicktime', 'video/quicktime';
        is $res->header('Content-Length'), length($want), 'exact Content-Length';
        is unpack('H*', $res->content), unpack('H*', $want), 'exact bytes';
    };
}

sub status_is {
    my ($path, $code, $name) = @_;
    is GET($path)->code, $code, "$name: $path";
}

# REFMOVIE.md's example, byte for byte, is the unit test's; here the
# bytes the server sends.
movie_ok "$p/webcast-archive.1.rmra.mov",
    [[0, 'rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov']],
    'archive at /: one rmda of the main URL';
movie_ok "$p/webcast-live.2.rmra.mov",
    [[0, 'rtsp://qtss.example.edu/live/room1.sdp']], 'live uses the workshop stream';
movie_ok "$p/webcast-archive.6.rmra.mov",
    [[0, 'rtsp://qtss.example.edu/a%20b/Jos%C3%A9/x%20y%231.mov']], 'values are percent-encoded';
movie_ok "$k/webcast-archive.1.rmra.mov",
    [[56000, 'rtsp://archive.example.org:554/56k/1/lunch-keynote.mov'],
     [300000, 'rtsp://archive.example.org:554/300k/kdmc/2025/lunch-keynote.mov']],
    'one rmda per WebcastArchiveAlternate, in order, with its rate';
movie_ok "$k/webcast-live.3.rmra.mov",
    [[0, 'rtsp://live.example.org/override.sdp?talk=3']],
    'live movies have no alternates';

# The alternates change only the rmra movie.
is GET("$k/webcast-archive.1.ref.mov")->content,
    "RTSPtext\r\nrtsp://archive.example.org:554/vod/1/lunch-keynote.mov\r\n",
    '.ref.mov keeps the main URL';

# Every alternate or none: 12's path holds a control byte; the main URL
# there does not use {path}, the 300k alternate does.
is GET("$k/webcast-archive.12.ref.mov")->code, 200, 'main URL without {path}: 200';
status_is "$k/webcast-archive.12.rmra.mov", 404, 'an alternate that cannot be made';

head_ok "$k/webcast-archive.1.rmra.mov", 'video/quicktime';

status_is "$p/webcast-live.1.rmra.mov", 404, 'archive talk has no live movie';
status_is "$p/webcast-archive.2.rmra.mov", 404, 'live talk has no archive movie';
status_is "$k/webcast-archive.4.rmra.mov", 404, 'has_webcast = 0';
status_is "$k/webcast-archive.5.rmra.mov", 404, 'archive without filename';
status_is "$p/webcast-archive.7.rmra.mov", 404, 'CR LF in filename';
status_is "$k/webcast-archive.7.rmra.mov", 404, 'CR LF in filename, alternates';
status_is "$p/webcast-archive.8.rmra.mov", 404, 'upcoming';
status_is "$p/webcast-archive.9.rmra.mov", 404, 'concluded';
status_is "$p/webcast-archive.10.rmra.mov", 404, 'external';
status_is "$p/webcast-live.11.rmra.mov", 404, 'live without any stream name';
status_is "$p/webcast-archive.13.rmra.mov", 404, 'path traversal in path';
status_is "$p/webcast-archive.99.rmra.mov", 404, 'no such presentation';
status_is "/bare$p/webcast-live.2.rmra.mov", 404, 'no WebcastLiveURL there';

my $put = raw_request('PUT', "$p/webcast-archive.1.rmra.mov");
subtest 'PUT is 405' => sub {
    plan tests => 2;
    is $put->{status}, 405, 'status 405';
    like $put->{headers}{allow} // '', qr/\bGET\b/, 'Allow names GET';
};

# The NUL bytes reach the wire: a raw read, not what LWP makes of it.
my $raw = raw_request('GET', "$k/webcast-archive.1.rmra.mov");
is unpack('H*', $raw->{body}), unpack('H*', rmra_for(
    [56000, 'rtsp://archive.example.org:554/56k/1/lunch-keynote.mov'],
    [300000, 'rtsp://archive.example.org:554/300k/kdmc/2025/lunch-keynote.mov'])),
    'raw bytes on the wire';

# Through the cache (a copy kept and served again), bytes unchanged. The
# cache is per httpd child: one keep-alive connection stays on one.
Apache::TestRequest::user_agent(reset => 1, keep_alive => 1);
my @cached = map { GET "/cached$p/webcast-archive.1.rmra.mov" } 1 .. 2;
subtest 'cached copy is the same movie' => sub {
    plan tests => 3;
    is $cached[1]->header('X-Webcast-Cache'), 'hit', 'second answer from the cache';
    is unpack('H*', $cached[1]->content),
        unpack('H*', rmra_for([0, 'rtsp://qtss.example.edu/kdmc/2025/lunch-keynote.mov'])),
        'exact bytes from the cache';
    is $cached[1]->header('Content-Length'), length($cached[0]->content), 'same length';
};
