# t/captions.t - captions (issue 11) against the real httpd and MariaDB:
# a WebVTT file uploaded through the admin is stored whole (larger than
# the driver's field buffer, fldsz=65536), served byte for byte at
# presentations/<id>/captions.vtt, attached to the archive's video as its
# track and shown as an escaped transcript; every bad file is refused
# with a message naming its line and leaves the stored captions, the
# record's version and its trail as they were; removal asks first and is
# audited; a database without sql/006-captions.sql still serves pages,
# says so in the log and heals without a restart.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use Digest::MD5 qw(md5_hex);
use Digest::SHA qw(hmac_sha1_hex);
use Encode ();
use HTML::Entities qw(decode_entities);
use MIME::Base64 qw(encode_base64);
use lib 't/lib';
use WebcastTest qw(db db_sql raw_request html5_ok wait_for);

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();

my $secret = do {
    open my $fh, '<', Apache::Test::vars('t_logs') . '/admin.secret' or die $!;
    local $/;
    (my $s = <$fh>) =~ s/^\s+|\s+$//g;
    $s;
};
my $token = hmac_sha1_hex("staff\n" . int(time / 86400), $secret);
my $auth = 'Authorization: Basic ' . encode_base64('staff:staff-pass', '') . "\r\n";

my $B = 'CaptionsTestBoundary7MA4YWxkTrZu0gW';
sub body_for {
    my ($filename, $bytes, %o) = @_;
    return "--$B\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n" . ($o{token} // $token) . "\r\n"
        . "--$B\r\nContent-Disposition: form-data; name=\"captions_file\"; filename=\"$filename\"\r\n"
        . "Content-Type: text/vtt\r\n\r\n$bytes\r\n--$B--\r\n";
}
# POST a file to the admin; the answer plus the message beside the input.
sub upload {
    my ($id, $filename, $bytes, %o) = @_;
    my $res = raw_request('POST', "/admin/presentations/$id/captions",
        headers => "${auth}Origin: $base\r\nContent-Type: multipart/form-data; boundary=$B\r\n",
        body => body_for($filename, $bytes, %o));
    ($res->{problem}) = $res->{body} =~ m{<p class="error" id="f-captions_file-error">([^<]*)</p>};
    $res->{problem} = decode_entities($res->{problem}) if defined $res->{problem};
    return $res;
}

my $id = 9300;
db_sql("DELETE FROM presentation WHERE id = $id");
db_sql(qq{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename) VALUES
  ($id, 1, 'Captioned talk', 'C', '2020-01-01 10:00:00', '2020-01-01 11:00:00',
   1, 'archive', 0, 'kdmc/cap', 'cap.mov')});
sub stored { db_sql("SELECT CONCAT_WS('|', IFNULL(MD5(captions), 'NULL'), version) FROM presentation WHERE id = $id") }
sub audits { db_sql("SELECT COUNT(*) FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $id") }

# ---- a good file, longer than the driver's 64 KB field buffer: UTF-8
# text, CRLF, a BOM, a header, NOTE and STYLE blocks, cue settings
my $n = 1500;
my $vtt = "\xEF\xBB\xBFWEBVTT - Captioned talk\r\nKind: captions\r\n\r\nNOTE made for t/captions.t\r\n\r\n"
        . "STYLE\r\n::cue { color: yellow }\r\n\r\n";
for my $i (0 .. $n - 1) {
    my ($s, $e) = ($i * 2, $i * 2 + 1.5);
    my $ts = sub { sprintf '%02d:%02d:%02d.%03d', $_[0] / 3600, $_[0] / 60 % 60, $_[0] % 60, ($_[0] * 1000) % 1000 };
    $vtt .= "cue-$i\r\n" . $ts->($s) . ' --> ' . $ts->($e) . " align:start\r\n"
          . "<v Ann>Caf\xC3\xA9 sentence number $i</v> \xF0\x9F\x8E\xA5 and some more words\r\n\r\n";
}
$vtt .= "00:50:00.000 --> 00:50:02.000\r\nThe very last cue, past 64 KB\r\n";
$n++;
ok length($vtt) > 2 * 65536, 'the file is larger than fldsz (' . length($vtt) . ' bytes)';

my $audits0 = audits();
my $res = upload($id, 'talk.vtt', $vtt);
is $res->{status}, 303, 'a good file is taken' or diag $res->{problem} // $res->{body};
like $res->{headers}{location} // '', qr{/admin/workshops/1/\?done=captions$}, '... back to the workshop';
like raw_request('GET', '/admin/workshops/1/?done=captions', headers => $auth)->{body},
    qr{The captions are uploaded}, '... which says so';
is db_sql("SELECT OCTET_LENGTH(captions) FROM presentation WHERE id = $id"), length($vtt), 'stored whole';
is audits(), $audits0 + 1, 'one audit row';
is db_sql("SELECT CONCAT_WS('|', field, IFNULL(old_value, 'NULL'), new_value, `user`) FROM webcast_audit"
          . " WHERE table_name = 'presentation' AND record_id = $id ORDER BY id DESC LIMIT 1"),
    'captions|NULL|' . length($vtt) . ' bytes, MD5 ' . md5_hex($vtt) . '|staff', '... with the size and MD5';

my $file = raw_request('GET', "/presentations/$id/captions.vtt");
is $file->{status}, 200, 'captions.vtt 200';
is $file->{headers}{'content-type'}, 'text/vtt; charset=utf-8', 'text/vtt; charset=utf-8';
is $file->{headers}{'access-control-allow-origin'}, '*', 'players elsewhere may fetch it (CORS)';
ok $file->{body} eq $vtt, 'served byte for byte' or diag length($file->{body}) . ' bytes';
# through the page cache: the same bytes, a hit the second time
# (each child has its own cache: ask until one answers from it)
my ($hit, $whole) = (0, 1);
for (1 .. 12) {
    my $c = raw_request('GET', "/cached/presentations/$id/captions.vtt");
    $whole &&= $c->{body} eq $vtt;
    last if $hit = ($c->{headers}{'x-webcast-cache'} // '') eq 'hit';
}
ok $hit, 'captions.vtt is served from the page cache';
ok $whole, '... byte for byte, built or cached';
my $etag = $file->{headers}{etag};
is raw_request('GET', "/presentations/$id/captions.vtt", headers => "If-None-Match: $etag\r\n")->{status},
    304, 'its ETag validates';
is raw_request('GET', '/presentations/9301/captions.vtt')->{status}, 404, 'no such presentation: 404';

# ---- the archive page: the track, and the transcript linking into the video
my $page = raw_request('GET', "/kdmc/webcasts/presentations/$id/")->{body};
like $page, qr{<source src="https://media\.example\.org/vod/kdmc/cap/cap\.mov/index\.m3u8" type="application/vnd\.apple\.mpegurl"><track kind="captions" src="/kdmc/webcasts/presentations/$id/captions\.vtt" srclang="en" label="English" default>},
    'the video has the captions track';
my @cues = $page =~ m{<li><a class="time" href="https://media\.example\.org/vod/kdmc/cap/cap\.mov/index\.m3u8#t=([0-9.]+)" data-seek="\1">}g;
is scalar(@cues), $n, "the transcript has every cue ($n)";
is "@cues[0..3]", '0 2 4 6', '... each linking to its start';
like $page, qr{data-seek="3000">50:00</a> <span class="cue">The very last cue, past 64 KB</span>}, '... the last one too';
like $page, qr{<span class="cue">Caf\xC3\xA9 sentence number 7 \xF0\x9F\x8E\xA5 and some more words</span>}, '... tags stripped';
html5_ok(Encode::decode('UTF-8', $page), 'the page with the transcript is valid HTML');
like raw_request('GET', "/kdmc/webcasts/presentations/$id/embed/")->{body}, qr{<track kind="captions"}, 'the embed has the track';
my $root = raw_request('GET', "/presentations/$id/")->{body};
unlike $root, qr{<track}, 'no HLS, no <video>: no track';
like $root, qr{<li><span class="time">0:02</span> <span class="cue">Caf}, '... the transcript with plain times';

my $edit = raw_request('GET', "/admin/presentations/$id/edit", headers => $auth)->{body};
like $edit, qr{<h2>Captions</h2>\n<p>The archived video has captions \([^)]+\): <a href="/presentations/$id/captions\.vtt">}, 'the edit page says the video has captions';
like $edit, qr{name="captions_file" accept="\.vtt,text/vtt"}, '... with the upload';
like $edit, qr{href="/admin/presentations/$id/captions/delete">Remove captions}, '... and the way to remove them';
like $edit, qr{<td>captions</td><td>\(empty\)</td><td>\d+ bytes, MD5 [0-9a-f]{32}</td>}, '... and the change in its history';

# ---- every bad file: a clear message naming the line; nothing changed
my $before = stored();
$audits0 = audits();
my $ws = "WEBVTT\n\n" . join('', map { "00:00:0$_.000 --> 00:00:0$_.500\ncue $_\n\n" } 1 .. 3);
my @bad = (
    ['no signature', "1\n00:00:01,000 --> 00:00:02,000\nHi\n", 422,
     qr{^\x{201c}bad\.vtt\x{201d} was not taken, and the captions are as they were: line 1: a WebVTT file starts with the line WEBVTT}],
    ['a bad time', "WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n", 422,
     qr{line 3: \x{201c}00:00:01,000\x{201d} is not a time: write hh:mm:ss\.ttt or mm:ss\.ttt}],
    ['an end before its start', $ws . "00:01:05.000 --> 00:01:02.000\nbackwards\n", 422,
     qr{line 12: the cue's end 00:01:02\.000 is before its start 00:01:05\.000\. Fix the file}],
    ['too big', "WEBVTT\n\n" . ("x" x (1024 * 1024)), 413,
     qr{larger than 1 MB, the most this site takes for captions}],
    ['not UTF-8', "WEBVTT\n\n00:01.000 --> 00:02.000\ncaf\xE9\n", 422,
     qr{line 4: the file is not UTF-8 text \(byte 0xE9\)}],
    ['empty', '', 422, qr{the file is empty}],
    ['a cue without its timing', $ws . "just text\n", 422, qr{line 12: \x{201c}just text\x{201d} is not a cue}],
    ['an SRT file', "1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n", 422, qr{line 1: .*\.srt}],
);
for my $b (@bad) {
    my ($name, $bytes, $status, $message) = @$b;
    my $r = upload($id, 'bad.vtt', $bytes);
    is $r->{status}, $status, "$name: $status";
    like Encode::decode('UTF-8', $r->{problem} // ''), $message, "$name: the message beside the file input"
        or diag $r->{problem};
    like $r->{body}, qr{The captions were not changed}, "$name: said above the form";
    is stored(), $before, "$name: the stored captions and the version unchanged";
}
is audits(), $audits0, 'no audit rows for refusals';
my $r = upload($id, 'talk.vtt', $vtt, token => '0' x 40);
is $r->{status}, 403, 'a wrong token: 403';
like $r->{problem} // '', qr{too old to upload from}, '... said';
$r = upload($id, '', '');
is $r->{status}, 422, 'no file chosen: 422';
like $r->{problem} // '', qr{No file was chosen}, '... said';
is stored(), $before, 'still unchanged';
ok raw_request('GET', "/presentations/$id/captions.vtt")->{body} eq $vtt, 'and still served as before';

# ---- hostile cue text: taken (it is WebVTT), escaped on the page
my $hostile = "WEBVTT\n\n00:01.000 --> 00:02.000\n&lt;script&gt;alert(1)&lt;/script&gt;\n\n"
            . "00:03.000 --> 00:04.000\n<script>alert(2)</script> \"q\" & 'a' <b onclick=\"x\">b</b>\n";
is upload($id, 'hostile.vtt', $hostile)->{status}, 303, 'markup in cues is taken';
$page = raw_request('GET', "/kdmc/webcasts/presentations/$id/")->{body};
like $page, qr{<span class="cue">&lt;script&gt;alert\(1\)&lt;/script&gt;</span>}, 'an escaped tag shows, escaped';
like $page, qr{<span class="cue">alert\(2\) &quot;q&quot; &amp; &#39;a&#39; b</span>}, 'tags are stripped, quotes escaped';
unlike $page, qr{<script>alert|onclick}, 'no markup of the file reaches the page';
is scalar(() = $page =~ /<li><a class="time"/g), 2, 'the new captions replaced the old';
is db_sql("SELECT old_value FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $id ORDER BY id DESC LIMIT 1"),
    length($vtt) . ' bytes, MD5 ' . md5_hex($vtt), 'the trail has the file it replaced';

# ---- removal: asked first, then gone, audited
my $unasked = stored();
my $confirm = raw_request('GET', "/admin/presentations/$id/captions/delete", headers => $auth);
is $confirm->{status}, 200, 'removal asks first';
like $confirm->{body}, qr{Remove the captions of &ldquo;Captioned talk&rdquo;\?}, '... naming the talk';
like $confirm->{body}, qr{<form method="post" action="/admin/presentations/$id/captions/delete">.*Remove captions</button>}s, '... with a button';
is stored(), $unasked, 'asking changed nothing';
$r = raw_request('POST', "/admin/presentations/$id/captions/delete",
                 headers => "${auth}Origin: $base\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                 body => "token=$token");
is $r->{status}, 303, 'removed';
is db_sql("SELECT IFNULL(captions, 'NULL') FROM presentation WHERE id = $id"), 'NULL', '... from the row';
is db_sql("SELECT IFNULL(new_value, 'NULL') FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $id ORDER BY id DESC LIMIT 1"),
    'NULL', '... audited';
is raw_request('GET', "/presentations/$id/captions.vtt")->{status}, 404, 'captions.vtt: 404';
$page = raw_request('GET', "/kdmc/webcasts/presentations/$id/")->{body};
unlike $page, qr{<track|Transcript}, 'no track, no transcript';
$r = raw_request('POST', "/admin/presentations/$id/captions/delete",
                 headers => "${auth}Origin: $base\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                 body => "token=0000");
is $r->{status}, 403, 'a removal with a bad token is refused';

# ---- a database without sql/006-captions.sql
is upload($id, 'talk.vtt', $vtt)->{status}, 303, 'captions again';
db_sql('ALTER TABLE presentation RENAME COLUMN captions TO captions_away');
db 'kill-connections';
t_start_error_log_watch();
for my $url ("/presentations/$id/", "/kdmc/webcasts/presentations/$id/", "/kdmc/webcasts/presentations/$id/embed/",
             '/presentations/1/', '/workshops/test-ws/') {
    is raw_request('GET', $url)->{status}, 200, "without 006: $url 200";
}
$page = raw_request('GET', "/kdmc/webcasts/presentations/$id/")->{body};
like $page, qr{<video}, '... the video plays';
unlike $page, qr{<track|Transcript}, '... without captions';
is raw_request('GET', "/presentations/$id/captions.vtt")->{status}, 404, '... captions.vtt 404';
$edit = raw_request('GET', "/admin/presentations/$id/edit", headers => $auth);
is $edit->{status}, 200, '... the admin edits the talk';
unlike $edit->{body}, qr{<h2>Captions</h2>}, '... without the captions form';
my @log = t_finish_error_log_watch();
ok scalar(grep { /cannot be prepared .*is sql\/006-captions\.sql \(after sql\/004-live\.sql\) loaded\? Until it is, videos have no captions/ } @log),
    'the log names the migration' or diag @log;
db_sql('ALTER TABLE presentation RENAME COLUMN captions_away TO captions');
ok defined wait_for(30, sub {
    !grep { raw_request('GET', "/kdmc/webcasts/presentations/$id/")->{body} !~ /<track kind="captions"/ } 1 .. 10 }),
    'loading it takes effect without a restart';

db_sql("DELETE FROM presentation WHERE id = $id");
# Statements prepared before the ALTERs are re-prepared by the server on
# their next run, which it counts as a second execution: leave none to
# the tests that count them (t/flight.t, t/cache.t).
db 'kill-connections';

done_testing();
