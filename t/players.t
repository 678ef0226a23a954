# t/players.t - a real player reads our reference movie over HTTP: VLC
# (Debian's, run as this unprivileged user) fetches the archive movie and
# queues the rtsp:// URL inside it (see REFMOVIE.md).
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();

Apache::TestRequest::module('webcast_site');

plan tests => 2;

my $url = 'http://' . Apache::TestRequest::hostport()
    . '/presentations/webcast-archive.1.ref.mov';
my $log = `timeout 60 cvlc -I dummy -vv --no-audio --no-video --play-and-exit '$url' vlc://quit 2>&1`;

like $log, qr/found valid M3U playlist/, 'VLC parses the RTSPtext movie';
like $log, qr{processing request item: rtsp://qtss\.example\.edu/kdmc/2025/lunch-keynote\.mov},
    'VLC queues the rtsp URL from the movie';
