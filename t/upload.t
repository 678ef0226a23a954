# t/upload.t - the slides upload (issue 14) against the real httpd and
# MariaDB: every allowed type by name and first bytes, the size limit
# while reading, bad files and hostile names, broken and aborted bodies,
# token and origin; each refusal leaves the directory and the database
# row as they were. Good uploads are linked from the public page, served
# byte for byte, audited, and replace (and remove) the file before them.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use Digest::SHA qw(hmac_sha1_hex);
use File::Temp qw(tempdir);
use IO::Select ();
use IO::Socket::INET ();
use LWP::UserAgent ();
use Encode ();
use MIME::Base64 qw(encode_base64);
use lib 't/lib';
use WebcastTest qw(db_sql raw_request html5_ok config_test wait_for);

Apache::TestRequest::module('webcast_site');
my $hostport = Apache::TestRequest::hostport();
my $base = "http://$hostport";
my $ua = LWP::UserAgent->new(max_redirect => 0, timeout => 30);
my $dir = Apache::Test::vars('serverroot') . '/slides';
my $limit = 1024 * 1024;                # WebcastUploadLimit 1M in /admin

# ---- helpers

my $secret = do {
    open my $fh, '<', Apache::Test::vars('t_logs') . '/admin.secret' or die $!;
    local $/;
    (my $s = <$fh>) =~ s/^\s+|\s+$//g;
    $s;
};
sub token_for {
    my ($user, $days_ago) = @_;
    return hmac_sha1_hex("$user\n" . (int(time / 86400) - ($days_ago // 0)), $secret);
}
my $token = token_for('staff');

my $B = 'UploadTestBoundary7MA4YWxkTrZu0gW';
sub field_part { "--$B\r\nContent-Disposition: form-data; name=\"$_[0]\"\r\n\r\n$_[1]\r\n" }
sub file_part {
    my ($filename, $bytes, %o) = @_;
    my $name = $o{name} // 'slides_file';
    return "--$B\r\nContent-Disposition: form-data; name=\"$name\"; filename=\"$filename\"\r\n"
        . "Content-Type: " . ($o{type} // 'application/octet-stream') . "\r\n\r\n$bytes\r\n";
}
sub form_body {
    my ($filename, $bytes, %o) = @_;
    return field_part('token', $o{token} // $token) . file_part($filename, $bytes) . "--$B--\r\n";
}

sub auth { 'Authorization: Basic ' . encode_base64("$_[0]:$_[0]-pass", '') . "\r\n" }

# POST a body to presentations/$id/slides as it is; returns raw_request's
# answer plus the message beside the file input (`problem`).
sub post_slides {
    my ($id, $body, %o) = @_;
    my $headers = auth($o{user} // 'staff')
        . (exists $o{origin} ? (defined $o{origin} ? "Origin: $o{origin}\r\n" : '') : "Origin: $base\r\n")
        . 'Content-Type: ' . ($o{content_type} // "multipart/form-data; boundary=$B") . "\r\n";
    my $res = raw_request('POST', ($o{mount} // '/admin') . "/presentations/$id/slides",
                          headers => $headers, body => $body);
    ($res->{problem}) = $res->{body} =~ m{<p class="error" id="f-slides_file-error">([^<]*)</p>};
    return $res;
}
sub upload { my ($id, $filename, $bytes, %o) = @_; post_slides($id, form_body($filename, $bytes, %o), %o) }

# The files in the slides directory; the row and its audit trail.
sub listing { opendir my $dh, $dir or die "$dir: $!"; join ',', sort grep { !/^\.\.?$/ } readdir $dh }
sub row { db_sql("SELECT CONCAT_WS('|', IFNULL(slides_url, 'NULL'), version) FROM presentation WHERE id = $_[0]") }
sub audits { db_sql("SELECT COUNT(*) FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $_[0]") }
sub slides_of { db_sql("SELECT IFNULL(slides_url, 'NULL') FROM presentation WHERE id = $_[0]") }
sub file_of { my ($url) = @_; $url =~ m{^/slides/(.+)$} ? "$dir/$1" : undef }
sub slurp { my ($f) = @_; open my $fh, '<:raw', $f or die "$f: $!"; local $/; <$fh> }

# Deterministic binary content: NULs, CRs, LFs, and "\r\n--" runs that
# look like the start of a boundary.
sub noise {
    my ($n, $seed) = @_;
    my ($x, $s) = ($seed // 7, '');
    while (length $s < $n) {
        $x = ($x * 1103515245 + 12345) % 2**31;
        $s .= $x % 97 == 0 ? "\r\n--UploadTest" : chr($x % 256);
    }
    return substr $s, 0, $n;
}
my %magic = (pdf => "%PDF-1.4\n", ppt => "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
             pps => "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", pptx => "PK\x03\x04",
             ppsx => "PK\x03\x04", key => "PK\x03\x04", odp => "PK\x03\x04");
sub deck { my ($ext, $n, $seed) = @_; my $m = $magic{$ext}; $m . noise(($n // 5000) - length $m, $seed) }

# A refusal leaves everything as it was: the directory, the row, its trail.
my $id = 9140;
sub refused_ok {
    my ($name, $res, $status, $problem) = @_;
    state_ok($name);
    is $res->{status}, $status, "$name: $status";
    like $res->{problem} // '', $problem, "$name: the message beside the file input";
    like $res->{body}, qr{The slides were not uploaded, and nothing was changed}, "$name: said above the form";
}
my ($listing, $row, $audits);
sub remember { ($listing, $row, $audits) = (listing(), row($id), audits($id)) }
sub state_ok {
    my ($name) = @_;
    # the temp file goes in a cleanup of the request: give it a moment
    my $same = wait_for(10, sub { listing() eq $listing });
    ok defined $same, "$name: nothing left in the slides directory" or diag listing();
    is row($id), $row, "$name: the row is unchanged";
    is audits($id), $audits, "$name: no audit row";
}

# ---- fixtures of our own
db_sql(q{DELETE FROM presentation WHERE workshop_id = 9140});
db_sql(q{DELETE FROM workshop WHERE id = 9140});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on) VALUES
  (9140, 'upload-ws', 'Upload workshop', '2026-11-23', '2026-11-25')});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at, slides_url) VALUES
  (9140, 9140, 'Upload talk', 'Uma Upload', '2026-11-24 20:00:00', '2026-11-24 21:00:00', NULL),
  (9141, 9140, 'Same deck talk', 'Sam Deck', '2026-11-24 21:00:00', '2026-11-24 22:00:00', NULL),
  (9142, 9140, 'Doomed talk', 'Dee Leted', '2026-11-24 22:00:00', '2026-11-24 23:00:00', NULL)});
ok -d $dir && -w $dir, "the slides directory $dir";
my $empty = listing();

# ---- the form
my $edit = raw_request('GET', '/admin/presentations/9140/edit', headers => auth('staff'));
is $edit->{status}, 200, 'the presentation page';
my $html = $edit->{body};
like $html, qr{<form class="record" method="post" action="/admin/presentations/9140/slides" enctype="multipart/form-data">\n<input type="hidden" name="token" value="[0-9a-f]{40}">.*?<input type="file" id="f-slides_file" name="slides_file" accept="\.pdf,\.ppt,\.pptx,\.pps,\.ppsx,\.key,\.odp" required}s,
    'an upload form: multipart, the token before the file, the types it takes';
like $html, qr{PowerPoint \(\.ppt, \.pptx, \.pps, \.ppsx\), Keynote \(\.key\) or OpenDocument \(\.odp\), up to 1 MB\.},
    'it says what it takes and how much (WebcastUploadLimit 1M)';
html5_ok(Encode::decode('UTF-8', $html), 'presentation page with the upload form');
unlike raw_request('GET', '/admin/presentations/new?workshop=9140', headers => auth('staff'))->{body},
    qr{slides_file}, 'a new presentation has no upload form yet';
like raw_request('GET', '/admin-own/presentations/9140/edit', headers => auth('staff'))->{body},
    qr{, up to 100 MB\.}, 'without WebcastUploadLimit: up to 100 MB';
like raw_request('GET', '/admin-small/presentations/9140/edit', headers => auth('staff'))->{body},
    qr{, up to 229 KB\.}, 'with LimitRequestBody 300000 below it: what fits (300000 bytes less 64 KB)';
my $get = raw_request('GET', '/admin/presentations/9140/slides', headers => auth('staff'));
is $get->{status}, 405, 'GET on the upload address: 405';
like $get->{headers}{allow} // '', qr/POST/, '... Allow: POST';

# ---- a good upload: stored, linked, served, audited
my $pdf = deck('pdf', 50_000, 1) . "\n%%EOF\n";
my $res = upload(9140, 'Uma\'s talk (final).PDF', $pdf);
is $res->{status}, 303, 'a PDF: 303' or diag $res->{body};
is $res->{headers}{location}, "$base/admin/workshops/9140/?done=slides", '... to its workshop';
my $url = slides_of(9140);
like $url, qr{^/slides/9140-[0-9a-f]{32}\.pdf$}, 'slides_url: WebcastSlidesURL and a name of the module\'s own';
my $file = file_of($url);
ok -f $file, '... the file is in WebcastSlidesDir';
is slurp($file), $pdf, '... byte for byte';
is((stat $file)[2] & 0777, 0640, '... mode 0640');
is listing(), join(',', sort split(/,/, $empty), $url =~ s{^/slides/}{}r), '... and nothing else is there (no temp file)';
is db_sql(q{SELECT CONCAT_WS('|', `user`, action, IFNULL(old_value, 'NULL'), new_value, version) FROM webcast_audit
            WHERE table_name = 'presentation' AND record_id = 9140 AND field = 'slides_url' ORDER BY id DESC LIMIT 1}),
    "staff|update|NULL|$url|2", 'the audit trail: who, old and new URL, the new version';
like raw_request('GET', '/admin/workshops/9140/?done=slides', headers => auth('staff'))->{body},
    qr{The slides are uploaded: the presentation&#39;s page links them now\.}, 'the page after says so';
my $public = raw_request('GET', '/presentations/9140/')->{body};
like $public, qr{<a href="\Q$url\E">Download the slides \(PDF\)</a>}, 'the public page links the slides';
my $served = $ua->get("$base$url");
is $served->code, 200, 'GET on the link: 200';
is $served->content, $pdf, '... the bytes uploaded';
is $served->header('Content-Type'), 'application/pdf', '... as application/pdf';
is $ua->get("$base/slides/.upload-00112233445566778899aabbccddeeff")->code, 403, 'files being received are never served';

# ---- every allowed type; each replaces (and removes) the one before
my %types = (ppt => 'application/vnd.ms-powerpoint', pps => 'application/vnd.ms-powerpoint',
             pptx => 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
             ppsx => 'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
             key => 'application/vnd.apple.keynote', odp => 'application/vnd.oasis.opendocument.presentation');
my $prev = $url;
for my $ext (qw(ppt pptx pps ppsx key odp)) {
    my $bytes = deck($ext, 20_000, length $ext);
    $res = upload(9140, "deck.$ext", $bytes);
    is $res->{status}, 303, ".$ext: 303" or diag $res->{problem} // $res->{body};
    my $now = slides_of(9140);
    like $now, qr{^/slides/9140-[0-9a-f]{32}\.\Q$ext\E$}, ".$ext: linked";
    is slurp(file_of($now)), $bytes, ".$ext: stored as sent";
    is $ua->get("$base$now")->header('Content-Type'), $types{$ext}, ".$ext: served as $types{$ext}";
    ok !-e file_of($prev), ".$ext: the file it replaced is removed";
    is db_sql(qq{SELECT CONCAT_WS('|', old_value, new_value) FROM webcast_audit WHERE table_name = 'presentation'
                 AND record_id = 9140 AND field = 'slides_url' ORDER BY id DESC LIMIT 1}), "$prev|$now",
        ".$ext: audited, old and new";
    $prev = $now;
}
like raw_request('GET', '/presentations/9140/')->{body}, qr{Download the slides \(OpenDocument\)}, 'an .odp is named on the public page';

# ---- the limit, counted while reading
remember();
$res = upload(9140, 'exact.pdf', deck('pdf', $limit, 3));
is $res->{status}, 303, 'a file of exactly WebcastUploadLimit: taken' or diag $res->{problem};
$prev = slides_of(9140);
remember();
$res = upload(9140, 'big.pdf', deck('pdf', $limit + 1, 4));
refused_ok('one byte over the limit', $res, 413, qr{The file is larger than 1 MB, the most this site takes});
html5_ok(Encode::decode('UTF-8', $res->{body}), 'the form after a refused upload');
$res = upload(9140, 'huge.pdf', deck('pdf', 3 * $limit, 5));
refused_ok('Content-Length far over the limit', $res, 413, qr{larger than 1 MB});
$res = post_slides(9140, form_body('small.pdf', deck('pdf', 250_000, 6)), mount => '/admin-small');
refused_ok('over what LimitRequestBody leaves', $res, 413, qr{larger than 229 KB});
$res = post_slides(9140, form_body('small.pdf', deck('pdf', 400_000, 6)), mount => '/admin-small');
refused_ok('over LimitRequestBody itself: the admin\'s own page, not httpd\'s', $res, 413, qr{larger than 229 KB});

# chunked: no Content-Length to refuse by, so only counting can stop it
sub raw_socket {
    my $s = IO::Socket::INET->new(PeerAddr => $hostport, Timeout => 30) or die "connect: $!";
    binmode $s;
    return $s;
}
{
    local $SIG{PIPE} = 'IGNORE';
    my $s = raw_socket();
    print $s "POST /admin/presentations/9140/slides HTTP/1.1\r\nHost: $hostport\r\n" . auth('staff')
        . "Origin: $base\r\nContent-Type: multipart/form-data; boundary=$B\r\n"
        . "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    my $body = form_body('chunked.pdf', deck('pdf', 2 * $limit, 7));
    my $sel = IO::Select->new($s);
    for (my $at = 0; $at < length $body; $at += 32768) {
        my $chunk = substr $body, $at, 32768;
        last unless print $s sprintf("%x\r\n", length $chunk), $chunk, "\r\n";
        last if $sel->can_read(0);          # the answer came early
    }
    print $s "0\r\n\r\n";
    local $/;
    my $answer = <$s> // '';
    like $answer, qr{^HTTP/1\.1 413 }, 'chunked, over the limit: 413 while reading';
    like $answer, qr{larger than 1 MB}, '... with the admin\'s page';
    state_ok('chunked, over the limit');
}

# ---- bad files
my @bad = (
    [ 'not a slides type', 'talk.exe', "MZ\x90\x00" . noise(100), 415, qr{is not a slides file this site takes: choose PDF} ],
    [ 'a web page', 'talk.html', "<script>alert(1)</script>", 415, qr{not a slides file} ],
    [ 'no extension', 'talk', '%PDF-1.4 x', 415, qr{not a slides file} ],
    [ 'a zip named .pdf', 'talk.pdf', deck('pptx', 2000), 415, qr{does not hold PDF slides: its first bytes are another kind of file} ],
    [ 'a PDF named .pptx', 'talk.pptx', deck('pdf', 2000), 415, qr{does not hold PowerPoint slides} ],
    [ 'an OLE2 file named .key', 'talk.key', deck('ppt', 2000), 415, qr{does not hold Keynote slides} ],
    [ 'a zip named .ppt', 'talk.ppt', deck('pptx', 2000), 415, qr{does not hold PowerPoint slides} ],
    [ 'text named .odp', 'talk.odp', 'just some text', 415, qr{does not hold OpenDocument slides} ],
    [ 'shorter than its magic', 'tiny.pdf', '%PD', 415, qr{does not hold PDF slides} ],
    [ 'empty', 'empty.pdf', '', 422, qr{is empty} ],
    [ 'no file chosen', '', '', 422, qr{No file was chosen} ],
    [ 'a path up', '../x.pdf', '%PDF-1.4', 415, qr{holds a folder} ],
    [ 'an absolute path', '/etc/x.pdf', '%PDF-1.4', 415, qr{holds a folder} ],
    [ 'a backslash', 'a\\b.pdf', '%PDF-1.4', 415, qr{holds a folder} ],
    [ 'a Windows path', 'C:\\\\Users\\\\x\\\\t.pdf', '%PDF-1.4', 415, qr{holds a folder} ],
    [ 'dot dot', '..', '%PDF-1.4', 415, qr{holds a folder} ],
);
for my $case (@bad) {
    my ($name, $filename, $bytes, $status, $problem) = @$case;
    remember();
    refused_ok($name, upload(9140, $filename, $bytes), $status, $problem);
}
remember();
$res = post_slides(9140, field_part('token', $token)
    . "--$B\r\nContent-Disposition: form-data; name=\"slides_file\"; filename=\"a\0b.pdf\"\r\n\r\n%PDF-1.4\r\n--$B--\r\n");
refused_ok('a NUL in the file name', $res, 400, qr{not understood.*control byte});
$res = post_slides(9140, form_body('a.pdf', '%PDF-1.4') =~ s/--$B--\r\n$//r
    . file_part('b.pdf', '%PDF-1.4') . "--$B--\r\n");
refused_ok('two files', $res, 400, qr{more than the slides file});
$res = post_slides(9140, field_part('token', $token) . file_part('a.pdf', '%PDF-1.4', name => 'other') . "--$B--\r\n");
refused_ok('a file under another name', $res, 400, qr{more than the slides file});

# ---- broken bodies
my @broken = (
    [ 'another boundary than the Content-Type says', form_body('a.pdf', '%PDF-1.4') =~ s/$B/OtherBoundary/gr,
      qr{the body holds no boundary line} ],
    [ 'no final boundary', form_body('a.pdf', deck('pdf', 3000)) =~ s/\r\n--$B--\r\n$//r,
      qr{ended before its final boundary} ],
    [ 'a boundary line with text after it', form_body('a.pdf', '%PDF-1.4') =~ s/--$B--/--${B}x/r,
      qr{a boundary line has other text after it} ],
    [ 'header lines without CR', form_body('a.pdf', '%PDF-1.4') =~ s/\r\n\r\n%PDF/\n\n%PDF/r,
      qr{a header line ends without CRLF} ],
    [ 'headers over 8 KB', field_part('token', $token) . "--$B\r\nX-Pad: " . ('p' x 9000) . "\r\n"
      . "Content-Disposition: form-data; name=\"slides_file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--$B--\r\n",
      qr{headers are longer than 8192 bytes} ],
);
for my $case (@broken) {
    my ($name, $body, $problem) = @$case;
    remember();
    refused_ok($name, post_slides(9140, $body), 400, qr{The upload was not understood.*$problem});
}
for my $ct ('multipart/form-data', 'multipart/form-data; boundary=', 'application/x-www-form-urlencoded',
            'multipart/form-data; boundary="has\"quote"') {
    remember();
    refused_ok("Content-Type \"$ct\"", post_slides(9140, form_body('a.pdf', '%PDF-1.4'), content_type => $ct),
               415, qr{takes the slides upload form only});
}

# ---- anti-forgery: the token, the origin
my %forged = (
    'no token' => [ body => file_part('a.pdf', deck('pdf')) . "--$B--\r\n" ],
    'a wrong token' => [ token => 'f' x 40 ],
    'another user\'s token' => [ token => token_for('helper') ],
    'a token three days old' => [ token => token_for('staff', 3) ],
    'the token after the file' => [ body => file_part('a.pdf', deck('pdf')) . field_part('token', $token) . "--$B--\r\n" ],
);
for my $name (sort keys %forged) {
    my %o = @{ $forged{$name} };
    remember();
    $res = $o{body} ? post_slides(9140, $o{body}) : upload(9140, 'a.pdf', deck('pdf'), %o);
    refused_ok($name, $res, 403, qr{too old to upload from});
}
remember();
$res = upload(9140, 'a.pdf', deck('pdf'), token => token_for('staff', 1));
is $res->{status}, 303, "yesterday's token still works";
remember();
for my $case ([ 'cross-origin', origin => 'http://evil.example' ], [ 'no Origin nor Referer', origin => undef ]) {
    my ($name, %o) = @$case;
    $res = upload(9140, 'a.pdf', deck('pdf'), %o);
    is $res->{status}, 403, "$name: 403";
    like $res->{body}, qr{not sent from this site}, "$name: said";
    state_ok($name);
}
$res = upload(999, 'a.pdf', deck('pdf'));
is $res->{status}, 404, 'an unknown presentation: 404';
state_ok('an unknown presentation');

# ---- aborted: the client goes away in the middle of the file
remember();
t_start_error_log_watch();
{
    my $body = form_body('abort.pdf', deck('pdf', 600_000, 8));
    my $s = raw_socket();
    print $s "POST /admin/presentations/9140/slides HTTP/1.1\r\nHost: $hostport\r\n" . auth('staff')
        . "Origin: $base\r\nContent-Type: multipart/form-data; boundary=$B\r\n"
        . 'Content-Length: ' . length($body) . "\r\n\r\n" . substr($body, 0, 300_000);
    sleep 1;                            # the temp file exists by now
    close $s;
}
state_ok('an upload aborted halfway');
ok scalar(grep { /mod_webcast: slides upload by staff did not arrive whole/ } t_finish_error_log_watch()),
    '... the log says so';

# ---- the file goes when nothing links it any more, and only then
remember();
$res = upload(9140, 'shared.pdf', deck('pdf', 4000, 9));
is $res->{status}, 303, 'an upload to be shared';
my $shared = slides_of(9140);
db_sql(qq{UPDATE presentation SET slides_url = '$shared' WHERE id = 9141});
$res = upload(9140, 'next.pdf', deck('pdf', 4000, 10));
is $res->{status}, 303, 'replaced on the first talk';
ok -f file_of($shared), '... the file stays: another talk links it';
my $v141 = db_sql('SELECT version FROM presentation WHERE id = 9141');
my $form = [ token => $token, version => $v141, workshop_id => 9140, title => 'Same deck talk',
             speaker_name => 'Sam Deck', starts_at => '2026-11-24T13:00', ends_at => '2026-11-24T14:00',
             webcast_state => 'upcoming', slides_url => '' ];
my $r = HTTP::Request::Common::POST("$base/admin/presentations/9141/edit", $form);
$r->authorization_basic('staff', 'staff-pass');
$r->header(Origin => $base);
is $ua->request($r)->code, 303, 'the other talk\'s link emptied in its form';
is slides_of(9141), 'NULL', '... saved';
ok !-e file_of($shared), '... and now the file is removed';
$res = upload(9142, 'doomed.pdf', deck('pdf', 4000, 11));
my $doomed = slides_of(9142);
my $v142 = db_sql('SELECT version FROM presentation WHERE id = 9142');
$r = HTTP::Request::Common::POST("$base/admin/presentations/9142/delete", [ token => $token, version => $v142 ]);
$r->authorization_basic('staff', 'staff-pass');
$r->header(Origin => $base);
is $ua->request($r)->code, 303, 'a presentation with uploaded slides deleted';
ok !-e file_of($doomed), '... its file is removed';
is db_sql(qq{SELECT COUNT(*) FROM webcast_audit WHERE record_id = 9142 AND table_name = 'presentation'
             AND action = 'delete' AND field = 'slides_url' AND old_value = '$doomed'}), 1,
    '... its URL kept in the audit trail';
my $external = 'https://example.org/slides.pdf';
db_sql(qq{UPDATE presentation SET slides_url = '$external' WHERE id = 9141});
$res = upload(9141, 'own.pdf', deck('pdf', 4000, 12));
is $res->{status}, 303, 'an upload where slides_url was an outside link';
like db_sql(q{SELECT old_value FROM webcast_audit WHERE record_id = 9141 AND field = 'slides_url' ORDER BY id DESC LIMIT 1}),
    qr{^\Q$external\E$}, '... the old link is in the audit trail (nothing to remove)';
is scalar(grep { /^\.upload-/ } split /,/, listing()), 0, 'no temp file is left after all of this';

# ---- startup: the directory and the pair of directives
my $tmp = tempdir(CLEANUP => 1);
mkdir "$tmp/ok" or die;
mkdir "$tmp/ro", 0555 or die;
open my $plain, '>', "$tmp/plain" or die;
close $plain;
sub startup {
    my ($slides, %o) = @_;
    return config_test($tmp, [qw(authz_core dbd)], ($o{top} // '')
        . "<Location /admin>\n    SetHandler webcast-admin\n    WebcastAdminSecretFile $tmp/s.secret\n"
        . "$slides</Location>\n");
}
my ($rc, $msg) = startup("    WebcastSlidesDir $tmp/ok\n    WebcastSlidesURL /slides/\n    WebcastUploadLimit 250M\n");
is $rc, 0, 'a writable directory and its URL: httpd starts' or diag $msg;
my @startup = (
    [ 'a directory that does not exist', "    WebcastSlidesDir $tmp/none\n    WebcastSlidesURL /slides\n",
      qr{WebcastSlidesDir \Q$tmp\E/none cannot be used: No such file or directory\. Create it} ],
    [ 'a file, not a directory', "    WebcastSlidesDir $tmp/plain\n    WebcastSlidesURL /slides\n",
      qr{WebcastSlidesDir \Q$tmp\E/plain is not a directory} ],
    [ 'a directory httpd may not write', "    WebcastSlidesDir $tmp/ro\n    WebcastSlidesURL /slides\n",
      qr{WebcastSlidesDir \Q$tmp\E/ro is not writable by the user httpd runs as} ],
    [ 'the directory without its URL', "    WebcastSlidesDir $tmp/ok\n",
      qr{<Location /admin> of .* has WebcastSlidesDir without WebcastSlidesURL: set both} ],
    [ 'the URL without a directory', "    WebcastSlidesURL /slides\n",
      qr{has WebcastSlidesURL without WebcastSlidesDir} ],
    [ 'a URL that is not one', "    WebcastSlidesDir $tmp/ok\n    WebcastSlidesURL javascript:alert(1)\n",
      qr{WebcastSlidesURL "javascript:alert\(1\)" must be the path \(such as /slides\) or http\(s\) URL} ],
    [ 'a URL with a query', "    WebcastSlidesDir $tmp/ok\n    WebcastSlidesURL /slides?x=1\n",
      qr{WebcastSlidesURL "/slides\?x=1" must be} ],
    [ 'a limit that is not a size', "    WebcastUploadLimit 10X\n", qr{WebcastUploadLimit "10X" must be a size from 1K to 64G} ],
    [ 'a limit of nothing', "    WebcastUploadLimit 0\n", qr{WebcastUploadLimit "0" must be a size} ],
    [ 'a limit too large', "    WebcastUploadLimit 65G\n", qr{WebcastUploadLimit "65G" must be a size} ],
);
for my $case (@startup) {
    my ($name, $conf, $want) = @$case;
    ($rc, $msg) = startup($conf);
    isnt $rc, 0, "$name: httpd refuses to start";
    like $msg, $want, "$name: saying why";
}
($rc, $msg) = startup('', top => "WebcastSlidesDir $tmp/none\nWebcastSlidesURL /slides\n");
like $msg, qr{The server config of .*: WebcastSlidesDir \Q$tmp\E/none cannot be used}, 'at server level too';

# ---- leave the database as the other tests expect it: no rows, no
# trail, and ids made by AUTO_INCREMENT where they were (other tests pick
# fixed ids above the ones the admin makes)
db_sql(q{DELETE FROM presentation WHERE workshop_id = 9140});
db_sql(q{DELETE FROM workshop WHERE id = 9140});
db_sql(q{DELETE FROM webcast_audit WHERE table_name = 'presentation' AND record_id BETWEEN 9140 AND 9142});
db_sql(q{ALTER TABLE presentation AUTO_INCREMENT = 1});
db_sql(q{ALTER TABLE workshop AUTO_INCREMENT = 1});

done_testing();
