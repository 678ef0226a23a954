# t/hls_browser.t - HLS plays in every browser, in a real one (Debian's
# headless Chromium driven by playwright-core, t/browser/hls.js): an
# archive made here with ffmpeg (a few seconds of testsrc and a sine
# tone, H.264/AAC, a VOD playlist and .ts segments) and served by the
# test httpd plays natively, and through hls.js when native HLS is hidden
# as Firefox lacks it; a live stream that cannot be reached says so, and
# plays once it appears.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use File::Path qw(make_path remove_tree);
use lib 't/lib';
use WebcastTest qw(db_sql browser_dir browser_session);

my $dir = browser_dir();
plan skip_all => 'no ffmpeg (tools/deps test installs it)'
    unless `ffmpeg -version 2>/dev/null`;

# the main server: its /hls-site mount plays HLS from its own origin
my $origin = 'http://' . Apache::TestRequest::hostport();
my $media = Apache::Test::vars('documentroot') . '/hls-media';

# The archive: 6 s, three 2 s segments.
remove_tree($media);
make_path("$media/t/vod");
my $out = `ffmpeg -hide_banner -loglevel error -y -f lavfi -i testsrc=size=320x240:rate=25 \\
    -f lavfi -i sine=frequency=440:sample_rate=44100 -t 6 -c:v libx264 -preset ultrafast \\
    -pix_fmt yuv420p -g 25 -c:a aac -b:a 64k -f hls -hls_time 2 -hls_playlist_type vod \\
    -hls_segment_filename '$media/t/vod/seg%d.ts' '$media/t/vod/index.m3u8' 2>&1`;
is $?, 0, 'ffmpeg makes an H.264/AAC HLS stream' or diag $out;
my @segments = glob "$media/t/vod/seg*.ts";
ok @segments >= 2, scalar(@segments) . ' segments';

sub clean {
    db_sql(q{DELETE FROM presentation WHERE workshop_id = 130});
    db_sql(q{DELETE FROM workshop WHERE id = 130});
}
clean();
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
  (130, 'hls-browser', 'HLS browser workshop', UTC_DATE() - INTERVAL 1 DAY,
   UTC_DATE() + INTERVAL 1 DAY, 'hlsroom')});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name,
  starts_at, ends_at, has_webcast, webcast_state, webcast_auto,
  webcast_path, webcast_filename) VALUES
  (131, 130, 'Archived in HLS', 'Vera Vod', UTC_TIMESTAMP() - INTERVAL 3 HOUR,
   UTC_TIMESTAMP() - INTERVAL 2 HOUR, 1, 'archive', 0, 't', 'vod'),
  (132, 130, 'Live in HLS', 'Liv Live', UTC_TIMESTAMP() - INTERVAL 1 HOUR,
   UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'live', 0, NULL, NULL)});

my $page = Apache::TestRequest::GET_BODY('/hls-site/presentations/131/');
like $page, qr{<source src="\Q$origin\E/hls-media/t/vod/index\.m3u8" type="application/vnd\.apple\.mpegurl">},
    'the archive page has the HLS source';
like $page, qr{data-hls-script="/hls-site/assets/hls\.min\.js\?v=[0-9a-f]{16}"},
    'and names hls.js by its versioned URL';

browser_session("timeout 150 node '$dir/hls.js' '$origin' '$media' 131 132", 'hls.js');

clean();
remove_tree($media);
done_testing();
