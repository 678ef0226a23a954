# t/captions_browser.t - captions in a real browser (Debian's headless
# Chromium driven by playwright-core, t/browser/captions.js): a WebVTT
# file uploaded through the admin's form becomes the archive video's
# captions track with every cue, and a time in the transcript seeks the
# video. The stream is a short HLS made here by ffmpeg.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use File::Temp qw(tempdir);
use lib 't/lib';
use WebcastTest qw(db_sql browser_dir browser_session);

my $dir = browser_dir();
plan skip_all => 'no ffmpeg (tools/deps test installs it)' unless `ffmpeg -version 2>/dev/null`;

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();
my $id = 9310;

sub clean { db_sql("DELETE FROM presentation WHERE id = $id") }
clean();
db_sql(qq{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename) VALUES
  ($id, 1, 'Captions in the browser', 'B', '2020-01-01 10:00:00', '2020-01-01 11:00:00',
   1, 'archive', 0, 'kdmc/capb', 'capb.mov')});

my $tmp = tempdir(CLEANUP => 1);
# 12 s of test picture, segments of 2 s: what a media server would serve
system('ffmpeg', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10:duration=12',
       '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '10', '-pix_fmt', 'yuv420p',
       '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod',
       '-hls_segment_filename', "$tmp/seg%d.ts", "$tmp/index.m3u8") == 0
    or BAIL_OUT('ffmpeg could not make the test stream');

my $cues = 5;
open my $fh, '>:raw', "$tmp/talk.vtt" or die $!;
print $fh "WEBVTT\n\n", map { sprintf "00:00:%02d.000 --> 00:00:%02d.500\nCue number %d\n\n", $_ * 2, $_ * 2 + 1, $_ } 0 .. $cues - 1;
close $fh;

browser_session("timeout 90 node '$dir/captions.js' '$base' staff staff-pass $id '$tmp/talk.vtt' $cues '$tmp'",
                'captions.js');
is db_sql("SELECT OCTET_LENGTH(captions) FROM presentation WHERE id = $id"), -s "$tmp/talk.vtt",
    'the file uploaded is stored';

clean();
done_testing();
