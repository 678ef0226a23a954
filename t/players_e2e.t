# t/players_e2e.t - real players, end to end: each fetches a movie from
# httpd, follows it to a real RTSP server on 127.0.0.1 (gst-rtsp-server,
# t/bin/rtsp-server) and decodes video frames; and what each player cannot
# read, shown by running it. docs/players.md names these tests.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use File::Temp qw(tempdir);

plan skip_all => 'end-to-end: run once, in the plain pass'
    if ($ENV{WEBCAST_E2E} // '1') eq '0';

plan tests => 15;

Apache::TestRequest::module('webcast_players');
my $base = 'http://' . Apache::TestRequest::hostport();
my $top = $ENV{WEBCAST_TOP};
my $port = $ENV{WEBCAST_TEST_RTSP_PORT};
my $rtsp = "rtsp://127.0.0.1:$port";
my $tmp = tempdir(CLEANUP => 1);
my $archive = '/presentations/webcast-archive.1';
my $live = '/presentations/webcast-live.2';
my $talk = 'kdmc/2025/lunch-keynote.mov';

# The streams the movies name (t/conf/webcast.conf.in, webcast_players).
my $pid = open(my $server, '-|', "$top/t/bin/rtsp-server", $port,
               "/$talk=h264", "/56k/$talk=h264", "/300k/$talk=h264",
               '/stream=0=mp2t') or die "rtsp-server: $!";
my $ready = <$server> // '';
# Stopped before its pipe is closed (which waits for it): naming $server
# here keeps it open until then. (close sets $?, the test's exit code.)
END { if ($pid) { local $?; kill 'TERM', $pid; close $server } }
like $ready, qr/^ready $port$/, "RTSP server on 127.0.0.1:$port";

# Every player run is bounded; its output (stdout and stderr) is returned
# and $? holds its exit status.
sub run {
    my ($cmd) = @_;
    my $t0 = time;
    my $out = `timeout 60 $cmd 2>&1`;
    note sprintf '%ds, exit %d: %s', time - $t0, $? >> 8, $cmd;
    return $out;
}

sub gst_follow { run("$top/t/bin/gst-follow --frames 10 @_") }

# ---- GStreamer: qtdemux posts a redirect, the application follows it
{
    my $out = gst_follow("'$base$archive.rmra.mov'");
    my $rc = $?;
    subtest 'GStreamer follows the archive .rmra.mov and decodes' => sub {
        plan tests => 3;
        like $out, qr{^following \Q$rtsp/$talk\E$}m, 'follows the rdrf URL';
        like $out, qr{^decoded 10 frames of video/x-raw}m, 'decodes raw frames';
        is $rc, 0, 'exit 0';
    } or diag $out;
}
{
    my $out = gst_follow("'$base$live.rmra.mov'");
    my $rc = $?;
    subtest 'GStreamer follows the live .rmra.mov (MPEG-TS over RTP)' => sub {
        plan tests => 3;
        like $out, qr{^following \Q$rtsp/stream=0\E$}m, 'follows the live URL';
        like $out, qr{^decoded 10 frames of video/x-raw}m, 'decodes raw frames';
        is $rc, 0, 'exit 0';
    } or diag $out;
}
for my $case ([100000, '56k'], [1000000, '300k']) {
    my ($bandwidth, $pick) = @$case;
    my $out = gst_follow("--bandwidth $bandwidth '$base/alternates$archive.rmra.mov'");
    my $rc = $?;
    subtest "GStreamer at $bandwidth bit/s picks the $pick alternate" => sub {
        plan tests => 5;
        like $out, qr{^alternate \Q$rtsp/56k/$talk\E 56000$}m, '56k alternate offered';
        like $out, qr{^alternate \Q$rtsp/300k/$talk\E 300000$}m, '300k alternate offered';
        like $out, qr{^following \Q$rtsp/$pick/$talk\E$}m, "follows $pick";
        like $out, qr{^decoded 10 frames of video/x-raw}m, 'decodes raw frames';
        is $rc, 0, 'exit 0';
    } or diag $out;
}
{
    # The stock tool, no helper of ours: qtdemux's own log says what it
    # posts (gst-launch -m may stop on the error before printing it).
    my $out = run("env GST_DEBUG=qtdemux:4 GST_DEBUG_NO_COLOR=1 gst-launch-1.0 souphttpsrc "
                  . "location='$base/alternates$archive.rmra.mov' ! qtdemux ! fakesink");
    subtest 'qtdemux (gst-launch-1.0) posts the redirect with both alternates' => sub {
        plan tests => 4;
        like $out, qr{New location: \Q$rtsp/56k/$talk\E$}m, '56k rmda read';
        like $out, qr{New location: \Q$rtsp/300k/$talk\E$}m, '300k rmda read';
        my ($msg) = $out =~ /posting redirect message: (.*)$/m;
        like $msg // '', qr{minimum-bitrate=\(int\)300000.*\Q56k/$talk\E.*minimum-bitrate\\*=\\*\(int\\*\)56000},
            'one message: the fastest first, then the 56k one, each with its rate';
        like $msg // '', qr{^redirect, new-location=\(string\)\Q$rtsp/300k/$talk\E,}, 'new-location';
    } or diag $out;
}
{
    my $ref = gst_follow("--timeout 20 '$base$archive.ref.mov'");
    my $ref_rc = $?;
    my $qtl = gst_follow("--timeout 20 '$base$archive.qtl'");
    my $qtl_rc = $?;
    subtest 'GStreamer reads neither .ref.mov nor .qtl' => sub {
        plan tests => 4;
        unlike $ref, qr/^following/m, '.ref.mov: nothing to follow';
        isnt $ref_rc, 0, '.ref.mov: fails';
        unlike $qtl, qr/^following/m, '.qtl: nothing to follow';
        isnt $qtl_rc, 0, '.qtl: fails';
    } or diag "$ref\n$qtl";
}

# ---- MPlayer: rmra entries become its playlist, played through
# libavformat's RTSP client (its own handles only RealNetworks servers)
sub mplayer {
    my ($url, $frames, $md5) = @_;
    unlink $md5;
    return run("mplayer -nolirc -noconfig all -nocache -vo md5sum:outfile=$md5 -ao null "
               . "-frames $frames '$url'");
}
sub lines { open my $fh, '<', $_[0] or return 0; my @l = <$fh>; return scalar @l }
{
    my $md5 = "$tmp/mplayer.md5";
    my $out = mplayer("$base$archive.rmra.mov", 5, $md5);
    subtest 'MPlayer follows the archive .rmra.mov and decodes' => sub {
        plan tests => 3;
        like $out, qr/Reference Media file/, 'reads the reference movie';
        like $out, qr{^Playing \Q$rtsp/$talk\E\.$}m, 'plays the rdrf URL';
        is lines($md5), 5, '5 decoded frames (md5sum video output)';
    } or diag $out;
}
{
    my $md5 = "$tmp/mplayer-alt.md5";
    my $out = mplayer("$base/alternates$archive.rmra.mov", 3, $md5);
    subtest 'MPlayer plays every alternate in turn, whatever its rate' => sub {
        plan tests => 2;
        my @played = $out =~ m{^Playing (rtsp://\S+)\.$}mg;
        is_deeply \@played, ["$rtsp/56k/$talk", "$rtsp/300k/$talk"], '56k, then 300k';
        is lines($md5), 3, 'the last one decoded 3 frames';
    } or diag $out;
}
{
    my $out = run("mplayer -nolirc -noconfig all -nocache -vo null -ao null -frames 1 "
                  . "'$base$archive.ref.mov' '$base$archive.qtl'");
    unlike $out, qr{Playing rtsp://}, 'MPlayer follows neither .ref.mov nor .qtl'
        or diag $out;
}

# ---- VLC (Debian's: no live555; its only rtsp:// client is SAT>IP)
sub vlc {
    my ($url, $scenes) = @_;
    my @scene = $scenes ? ("--video-filter=scene --scene-format=png --scene-ratio=5 "
                           . "--scene-prefix=f --scene-path=$scenes") : ();
    return run("cvlc -I dummy -vv --vout=vdummy --no-audio --play-and-exit "
               . "--run-time=4 @scene '$url' vlc://quit");
}
sub pngs { my @f = glob("$_[0]/*.png"); return scalar @f }
{
    my $out = vlc("$base$archive.qtl");
    subtest 'VLC reads the archive .qtl and follows its src' => sub {
        plan tests => 4;
        like $out, qr/using QuickTime Media Link reader/, 'QTL reader';
        like $out, qr{src: \Q$rtsp/$talk\E$}m, 'src attribute';
        like $out, qr{processing request item: \Q$rtsp/$talk\E,}, 'queues the URL';
        # What Debian 12's VLC cannot do: play a QTSS-style stream.
        like $out, qr/satip stream error: Failed to (setup|play) RTSP session/,
            'its SAT>IP client cannot play a QuickTime-server-style URL';
    } or diag $out;
}
for my $movie ('ref.mov', 'qtl') {
    my $scenes = tempdir(DIR => $tmp);
    chmod 0777, $scenes;
    my $out = vlc("$base$live.$movie", $scenes);
    subtest "VLC plays the live .$movie end to end (SAT>IP, MPEG-TS over RTP)" => sub {
        plan tests => 5;
        like $out, qr{processing request item: \Q$rtsp/stream=0\E,}, 'queues the URL';
        like $out, qr/using access module "satip"/, 'opens it with the SAT>IP client';
        like $out, qr/using demux module "ts"/, 'demuxes MPEG-TS';
        like $out, qr/using video decoder module "avcodec"/, 'decodes H.264';
        cmp_ok pngs($scenes), '>=', 2, 'decoded pictures written by the scene filter';
    } or diag $out;
}
{
    my $out = vlc("$base$archive.rmra.mov");
    subtest 'VLC does not read .rmra.mov' => sub {
        plan tests => 2;
        like $out, qr/No valid mvhd found/, 'its MP4 demuxer wants an mvhd';
        unlike $out, qr{processing request item: rtsp://}, 'nothing followed';
    } or diag $out;
}

# ---- ffmpeg (and mpv, which plays through it): none of the three
{
    my @out = map { run("ffprobe -hide_banner '$base$_'") . "exit $?\n" }
        ("$archive.ref.mov", "$archive.qtl", "$archive.rmra.mov");
    subtest 'ffprobe finds no stream in any of the three movies' => sub {
        plan tests => 3;
        unlike $_, qr/Stream #|rtsp:/, 'no stream, nothing followed' for @out;
    } or diag "@out";
}
