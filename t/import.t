# t/import.t - "Import a schedule" (SPEC section 13) against the real
# httpd and MariaDB: CSV (RFC 4180: BOM, CRLF, quoted line breaks, doubled
# quotes) and frab/pretalx schedule.xml, a preview of every row before
# anything is written, then every row in one transaction with its audit
# rows, or none; each bad row named by its line and reason.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use Digest::SHA qw(hmac_sha1_hex);
use HTML::Entities qw(decode_entities);
use HTTP::Request::Common ();
use LWP::UserAgent ();
use MIME::Base64 qw(encode_base64);
use lib 't/lib';
use WebcastTest qw(db_sql html5_ok);

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();
my $ua = LWP::UserAgent->new(max_redirect => 0, timeout => 60);

my $secret = do {
    open my $fh, '<', Apache::Test::vars('t_logs') . '/admin.secret'
        or die "admin.secret: $!";
    local $/;
    my $s = <$fh>;
    $s =~ s/^\s+|\s+$//g;
    $s;
};
my $token = hmac_sha1_hex('staff' . "\n" . int(time / 86400), $secret);

sub req {
    my ($method, $path, %o) = @_;
    my $r = $method eq 'POST'
        ? HTTP::Request::Common::POST("$base$path", $o{form} // [])
        : HTTP::Request->new($method, "$base$path");
    $r->authorization_basic('staff', 'staff-pass');
    $r->header(Origin => exists $o{origin} ? $o{origin} : $base)
        if !exists $o{origin} || defined $o{origin};
    return $ua->request($r);
}

# Paste $text and press Preview (or, with action => 'import', press
# Import on a page that never was: the rows are checked all the same).
sub paste {
    my ($ws, $text, %o) = @_;
    return req('POST', "/admin/workshops/$ws/import",
               form => [ token => $o{token} // $token, text => $text,
                         action => $o{action} // 'preview',
                         ($o{webcast} // 1) ? (webcast => 1) : () ],
               %o);
}

# Press "Import N presentations" on a preview page.
sub press_import {
    my ($ws, $html) = @_;
    my %f;
    my ($form) = $html =~ m{(<form method="post" action="/admin/workshops/$ws/import">.*?</form>)}s
        or return undef;
    $f{$1} = decode_entities($2) while $form =~ /name="(\w+)" value="([^"]*)"/g;
    return req('POST', "/admin/workshops/$ws/import",
               form => [ %f, action => 'import' ]);
}

sub problems {
    my ($html) = @_;
    my @p;
    while ($html =~ m{<ul class="problems">(.*?)</ul>}sg) {
        my $list = $1;
        push @p, decode_entities($1) while $list =~ m{<li>(.*?)</li>}sg;
    }
    return @p;
}

sub verdict {
    my ($html) = @_;
    my ($v) = $html =~ m{<div class="notice[^"]*" role="(?:alert|status)"><p>(.*?)</p>}s;
    return decode_entities(($v // '') =~ s/<[^>]*>//gr);
}

my $talks = 'SELECT COUNT(*) FROM presentation WHERE workshop_id = 120';
my $trail = 'SELECT COUNT(*) FROM webcast_audit';

sub slurp { local (@ARGV, $/) = @_; return scalar <> }

# ---- fixtures of our own
db_sql(q{DELETE FROM presentation WHERE workshop_id IN (120, 121)});
db_sql(q{DELETE FROM workshop WHERE id IN (120, 121)});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on) VALUES
  (120, 'import-ws', 'Import workshop', '2026-11-23', '2026-11-24'),
  (121, 'import-frab', 'Frab workshop', '2026-11-23', '2026-11-24')});

# ---- the way in
my $ws_page = req('GET', '/admin/workshops/120/')->decoded_content;
like $ws_page, qr{<a class="button secondary" href="/admin/workshops/120/import">Import a schedule</a>},
    "the workshop's page offers Import a schedule";
my $form = req('GET', '/admin/workshops/120/import');
is $form->code, 200, 'the import form';
my $form_html = $form->decoded_content;
html5_ok($form_html, 'the import form');
like $form_html, qr{<textarea id="i-text" name="text"}, '... a box to paste into';
like $form_html, qr{<input type="checkbox" id="i-webcast" name="webcast" value="1" checked}, '... Webcast ticked';
like $form_html, qr{from title, speaker_name, speaker_affiliation, speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_auto, webcast_path, webcast_filename, archive_bytes, live_stream, external_name, external_url, notice;},
    '... naming every column';
like $form_html, qr{Times in America/Los_Angeles}, '... and the zone of its times';
is req('GET', '/admin/workshops/999/import')->code, 404, 'no such workshop: 404';
is paste(999, "title,starts_at,ends_at\nx,2026-11-23 09:00,2026-11-23 10:00\n")->code, 404,
    '... and a POST to it: 404';
is req('GET', '/admin/presentations/1/import')->code, 404, 'presentations have no import: 404';

# ---- a good CSV: preview first, nothing written
my $csv = "\x{feff}title,speaker_name,starts_at,ends_at,summary,has_webcast\r\n"
    . "Opening,Ann Able,2026-11-23 09:00,2026-11-23T09:30,,yes\r\n"
    . "\"Data, \"\"raw\"\" and cooked\",Dev Patel,2026-11-23 09:30,2026-11-23 11:00,\"First line\r\n\r\nsecond paragraph\",1\r\n"
    . ",,,,,\r\n"
    . "Lunch,,2026-11-23 12:00,2026-11-23 13:00,,no\r\n"
    . "<script>alert(1)</script>,Sam O,2026-11-24T13:00,2026-11-24T14:30,,\r\n";
my $csv_bytes = $csv;
utf8::encode($csv_bytes);
my ($audit0, $talks0) = (db_sql($trail), db_sql($talks));
my $preview = paste(120, $csv_bytes);
is $preview->code, 200, 'a good CSV: preview 200';
my $ph = $preview->decoded_content;
html5_ok($ph, 'the preview');
is verdict($ph), '4 presentations ready: check them below, then press Import under the list. Nothing is stored until then.',
    '... 4 rows ready (the empty one skipped)';
like $ph, qr{<li id="line-3"><p><span class="when">Line 3</span> <span class="talk-title">Data, &quot;raw&quot; and cooked</span>}, '... each row by its line, quotes undone';
like $ph, qr{<dt>Starts</dt><dd>Monday, Nov\. 23, 2026, at 9 a\.m\. PST</dd>}, '... times as they will be stored, in the site zone';
like $ph, qr{<dt>Webcast</dt><dd>no</dd>}, '... a no in has_webcast';
like $ph, qr{<dt>Follow the schedule</dt><dd>yes</dd>}, '... following the schedule, as a new presentation does';
like $ph, qr{&lt;script&gt;alert\(1\)&lt;/script&gt;}, '... hostile text escaped';
unlike $ph, qr{<script>}, '... never markup';
like $ph, qr{<button type="submit" name="action" value="import" class="big">Import 4 presentations</button>}, '... and the button';
is db_sql($talks), $talks0, 'the preview wrote no presentation';
is db_sql($trail), $audit0, '... and no audit row';

t_start_error_log_watch();
my $done = press_import(120, $ph);
is $done->code, 303, 'Import: 303';
is $done->header('Location'), "$base/admin/workshops/120/?done=imported", '... to the workshop';
is db_sql($talks), $talks0 + 4, '... 4 presentations';
ok scalar(grep { /mod_webcast: staff imported 4 presentations \(\d+ to \d+\) into workshop 120 from a CSV file of \d+ bytes/ }
          t_finish_error_log_watch()), '... logged';
is db_sql(q{SELECT GROUP_CONCAT(CONCAT_WS('|', title, speaker_name, starts_at, ends_at, has_webcast, webcast_state, webcast_auto, version)
            ORDER BY starts_at SEPARATOR '/') FROM presentation WHERE workshop_id = 120}),
    'Opening|Ann Able|2026-11-23 17:00:00|2026-11-23 17:30:00|1|upcoming|1|1/'
    . 'Data, "raw" and cooked|Dev Patel|2026-11-23 17:30:00|2026-11-23 19:00:00|1|upcoming|1|1/'
    . 'Lunch||2026-11-23 20:00:00|2026-11-23 21:00:00|0|upcoming|1|1/'
    . '<script>alert(1)</script>|Sam O|2026-11-24 21:00:00|2026-11-24 22:30:00|1|upcoming|1|1',
    '... stored as the form stores them: UTC, flags, defaults';
is db_sql(q{SELECT HEX(summary) FROM presentation WHERE workshop_id = 120 AND speaker_name = 'Dev Patel'}),
    uc unpack('H*', "First line\n\nsecond paragraph"), '... a line break inside quotes kept (as the form keeps it)';
my $ids = db_sql(q{SELECT GROUP_CONCAT(id) FROM presentation WHERE workshop_id = 120});
is db_sql("SELECT COUNT(*) FROM webcast_audit WHERE table_name = 'presentation' AND record_id IN ($ids) AND action = 'create' AND `user` = 'staff' AND version = 1"),
    db_sql($trail) - $audit0, '... every new audit row a "create" by staff';
is db_sql("SELECT COUNT(*) FROM webcast_audit WHERE table_name = 'presentation' AND record_id IN ($ids) AND field = 'title'"),
    4, '... one per filled field: a title each';
is db_sql("SELECT new_value FROM webcast_audit WHERE table_name = 'presentation' AND record_id IN ($ids) AND field = 'starts_at' ORDER BY new_value LIMIT 1"),
    '2026-11-23 17:00:00', '... with the value stored';
my $after = req('GET', '/admin/workshops/120/?done=imported')->decoded_content;
like $after, qr{<p>The schedule was imported: its presentations are below\.</p>}, 'the workshop page says so';
like $after, qr{Opening.*Data, &quot;raw&quot; and cooked.*Lunch}s, '... and lists them';
my ($one) = split /,/, $ids;
is req('GET', "/presentations/$one/", origin => undef)->code, 200, '... on the public site at once';

my $audit1 = db_sql($trail);
my $again = press_import(120, $ph);
is $again->header('Location'), "$base/admin/workshops/120/?done=reimported", 'Import pressed twice: to the workshop';
is db_sql($talks), $talks0 + 4, '... nothing added twice';
is db_sql($trail), $audit1, '... and no audit row';
like req('GET', '/admin/workshops/120/?done=reimported')->decoded_content,
    qr{Already imported by an earlier press of Import: nothing was added twice\.}, '... saying so';

# ---- every rule and bad input: 422, the reason by line, nothing written
my $head = "title,starts_at,ends_at";
my $ok_row = "Fine,2026-11-23 09:00,2026-11-23 10:00";
my @bad = (
    [ 'unknown header', "title,room,starts_at,ends_at\nx,1,2026-11-23 09:00,2026-11-23 10:00\n",
      error => qr/line 1: unknown column "room": the columns are title, speaker_name/ ],
    [ 'a column twice', "title,starts_at,ends_at,Title\n", error => qr/line 1: the column "title" is named twice/ ],
    [ 'no ends_at column', "title,starts_at\nx,2026-11-23 09:00\n", error => qr/line 1: no "ends_at" column/ ],
    [ 'bad time', "$head\n$ok_row\nBad,noonish,2026-11-23 10:00\n",
      row => 'line 3, starts_at: Enter a day and a time, e.g. 2026-11-25 12:00.' ],
    [ 'end before start', "$head\n$ok_row\n$ok_row\n\nBackwards,2026-11-23 12:00,2026-11-23 11:00\n",
      row => 'line 5, ends_at: The end must be after the start.' ],
    [ 'a time the clocks skip', "$head\nSpring,2027-03-14 02:30,2027-03-14 04:00\n",
      row => 'line 2, starts_at: 02:30 does not exist on that day in America/Los_Angeles: the clocks skip an hour. Pick a time before or after it.' ],
    [ 'no title', "$head\n,2026-11-23 09:00,2026-11-23 10:00\n", row => "line 2, title: Enter the presentation's title." ],
    [ 'not a yes or no', "$head,has_webcast\nx,2026-11-23 09:00,2026-11-23 10:00,maybe\n",
      row => 'line 2, has_webcast: "maybe" is not 1 or 0 (yes or no).' ],
    [ 'archive without its file', "$head,webcast_state,webcast_path\nx,2026-11-23 09:00,2026-11-23 10:00,archive,kdmc\n",
      row => "line 2, webcast_filename: Archive ready needs the archive's file name." ],
    [ 'a javascript: link', "$head,slides_url\nx,2026-11-23 09:00,2026-11-23 10:00,javascript:alert(1)\n",
      row => qr/^line 2, slides_url: Enter a web address that starts with https:\/\// ],
    [ 'too few fields', "$head\nx,2026-11-23 09:00\n", row => 'line 2: 2 fields, but line 1 names 3 columns (a field holding a comma needs quotes around it)' ],
    [ 'a quote never closed', "$head\n$ok_row\n\"Open,2026-11-23 09:00,2026-11-23 10:00\n",
      error => qr/line 3: a quoted field is never closed/ ],
    [ 'a quote inside a field', "$head\n12\" screen,2026-11-23 09:00,2026-11-23 10:00\n",
      error => qr/line 2: a quote inside a field that does not start with one/ ],
    [ 'too many rows', join("\n", $head, ($ok_row) x 1001) . "\n",
      error => qr/line 1002: more than 1000 rows after the header: import at most 1000 at a time/ ],
    [ 'a header only', "$head\n", error => qr/it names the columns but holds no presentation/ ],
    [ 'broken XML', "<?xml version=\"1.0\"?>\n<schedule><day><room>\n<event><title>x</event>\n",
      error => qr/line 3: the XML is broken: Opening and ending tag mismatch: title line 3 and event/ ],
    [ 'XML that is not a schedule', "<calendar/>", error => qr/the document is <calendar>, not <schedule>/ ],
    [ 'an XML event without its date', "<schedule><day><room>\n<event><title>t</title><duration>01:00</duration></event>\n</room></day></schedule>",
      row => 'line 2: no <date>: each <event> needs its day and time with the UTC offset, e.g. 2026-07-01T12:00:00+02:00' ],
);
for my $case (@bad) {
    my ($name, $text, $kind, $want) = @$case;
    my $audit = db_sql($trail);
    my $before = db_sql('SELECT COUNT(*) FROM presentation');
    my $res = paste(120, $text);
    is $res->code, 422, "$name: 422";
    my $html = $res->decoded_content;
    if ($kind eq 'error') {
        like verdict($html), qr/^Nothing was imported: the file cannot be read: /, "$name: the file refused";
        like verdict($html), $want, "$name: saying why";
    }
    else {
        like verdict($html), qr/^Nothing was imported: 1 of \d+ rows? needs a fix/, "$name: one row refused";
        my @p = problems($html);
        ok scalar(grep { ref $want ? $_ =~ $want : $_ eq $want } @p), "$name: named by line and reason"
            or diag join("\n", @p);
    }
    unlike $html, qr{value="import"}, "$name: no Import button";
    my ($kept) = $html =~ m{<textarea id="i-text" name="text"[^>]*>\n(.*?)</textarea>}s;
    # (LWP, like a browser, sends the box's line breaks as CRLF)
    is decode_entities($kept // '') =~ s/\r\n/\n/gr, $text, "$name: what was pasted is kept";
    is db_sql('SELECT COUNT(*) FROM presentation'), $before, "$name: nothing written";
    is db_sql($trail), $audit, "$name: the audit table unchanged";
}
html5_ok(paste(120, "$head\n,noonish,x\n")->decoded_content, 'a preview with problems');

# ---- all or nothing
my @four = ("$head\n", "One of four,2026-11-23 09:00,2026-11-23 10:00\n",
            "Two of four,2026-11-23 10:00,2026-11-23 11:00\n",
            "Three of four,2026-11-23 11:00,2026-11-23 10:30\n",
            "Four of four,2026-11-23 12:00,2026-11-23 13:00\n");
my ($n_all, $a_all) = (db_sql('SELECT COUNT(*) FROM presentation'), db_sql($trail));
my $forced = paste(120, join('', @four), action => 'import');
is $forced->code, 422, 'Import with one bad row among four: 422';
is_deeply [ problems($forced->decoded_content) ], [ 'line 4, ends_at: The end must be after the start.' ],
    '... that row named, by line and reason';
is db_sql('SELECT COUNT(*) FROM presentation'), $n_all, '... zero rows written';
is db_sql($trail), $a_all, '... the audit table unchanged';
# a row the form takes but the database refuses, in the middle: the
# transaction takes the rows before it back
# (an end before the start: the table's CHECK constraint refuses it)
db_sql(q{CREATE TRIGGER import_t_refuse BEFORE INSERT ON presentation FOR EACH ROW
         SET NEW.ends_at = IF(NEW.title = 'Refused by the database',
                              NEW.starts_at - INTERVAL 1 HOUR, NEW.ends_at)});
my $mid = paste(121, join('', $four[0], @four[1, 2], "Refused by the database,2026-11-23 12:00,2026-11-23 13:00\n", $four[4]));
is $mid->code, 200, 'a file the database will refuse a row of: previewed';
my $failed = press_import(121, $mid->decoded_content);
db_sql(q{DROP TRIGGER import_t_refuse});
is $failed->code, 503, '... Import: 503';
like $failed->header('Retry-After') // '', qr/^\d+$/, '... with Retry-After';
like $failed->decoded_content, qr{The database did not answer, so nothing was imported\. Press Import again},
    '... saying nothing was imported';
like $failed->decoded_content, qr{value="import" class="big">Import 4 presentations</button>}, '... with the button to try again';
is db_sql('SELECT COUNT(*) FROM presentation WHERE workshop_id = 121'), 0, '... not even the rows before it';
is db_sql($trail), $a_all, '... nor their audit rows';

# ---- the Webcast choice, the token, the origin, the copy carried
paste(120, "$head\nImported unwebcast,2026-11-24 09:00,2026-11-24 10:00\n", action => 'import', webcast => 0);
is db_sql(q{SELECT has_webcast FROM presentation WHERE title = 'Imported unwebcast'}), 0,
    'Webcast unticked: rows without has_webcast are not webcast';
my $n = db_sql('SELECT COUNT(*) FROM presentation');
my $old = paste(120, "$head\nTyped long ago,2026-11-24 09:00,2026-11-24 10:00\n", action => 'import',
                token => 'f' x 40);
is $old->code, 403, 'a bad token: 403';
like $old->decoded_content, qr{nothing was imported}, '... saying so';
like $old->decoded_content, qr{>\ntitle,starts_at,ends_at\r?\nTyped long ago,2026-11-24 09:00}, '... what was pasted kept';
my $stale_preview = paste(120, "$head\nLeft open for days,2026-11-24 09:00,2026-11-24 10:00\n")->decoded_content;
$stale_preview =~ s/name="token" value="[0-9a-f]{40}"/name="token" value="${\ ('0' x 40)}"/g;
my $stale = press_import(120, $stale_preview);
is $stale->code, 403, "Import pressed on a preview whose token expired: 403";
like $stale->decoded_content, qr{<textarea id="i-text" name="text"[^>]*>\ntitle,starts_at,ends_at\r?\nLeft open for days,},
    '... the schedule back in the box, to preview again';
is paste(120, "$head\nx,2026-11-24 09:00,2026-11-24 10:00\n", action => 'import', origin => 'http://evil.example')->code,
    403, 'another origin: 403';
is db_sql('SELECT COUNT(*) FROM presentation'), $n, '... nothing written';
my $empty = paste(120, "  \r\n ");
is $empty->code, 422, 'nothing pasted: 422';
like verdict($empty->decoded_content), qr/Choose a file or paste a schedule into the box first/, '... saying what to do';
my $damaged = req('POST', '/admin/workshops/120/import',
                  form => [ token => $token, content => 'not base64!', action => 'import', shown => time ]);
is $damaged->code, 400, "a damaged copy of the file: 400";
like $damaged->decoded_content, qr{damaged on its way}, '... saying so';
my $nul = req('POST', '/admin/workshops/120/import',
              form => [ token => $token, content => encode_base64("$head\nx\0y,1,2\n", ''), action => 'preview' ]);
is $nul->code, 422, 'a file holding a NUL byte: 422';
like verdict($nul->decoded_content), qr/line 2: a NUL byte: this is not CSV text/, '... named';
is db_sql('SELECT COUNT(*) FROM presentation'), $n, '... nothing written';

# ---- XML: no entity is ever expanded, no DTD read
for my $case ([ 'an external entity', qq{<?xml version="1.0"?>\n<!DOCTYPE schedule [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<schedule><day><room><event><date>2026-11-23T09:00:00-08:00</date><duration>01:00</duration><title>&x;</title></event></room></day></schedule>\n} ],
              [ 'a billion laughs', qq{<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY a "haha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<schedule><day><room><event><title>&c;</title></event></room></day></schedule>\n} ],
              [ 'a DTD from the network', qq{<?xml version="1.0"?>\n<!DOCTYPE schedule SYSTEM "http://127.0.0.1:9/schedule.dtd">\n<schedule/>\n} ]) {
    my ($name, $xml) = @$case;
    my $res = paste(121, $xml);
    is $res->code, 422, "XML with $name: 422";
    my $html = $res->decoded_content;
    like verdict($html), qr{line 2: a <!DOCTYPE>: a schedule\.xml needs none, and none is read here \(entities are never expanded\)},
        "... refused at its DOCTYPE";
    unlike $html, qr{root:x:0|hahahaha}, '... nothing of it expanded';
    is db_sql('SELECT COUNT(*) FROM presentation WHERE workshop_id = 121'), 0, '... nothing written';
}

# ---- frab / pretalx schedule.xml: the example in docs/
my $xml = slurp("$ENV{WEBCAST_TOP}/docs/examples/schedule.xml");
my $fp = paste(121, $xml);
is $fp->code, 200, 'docs/examples/schedule.xml: preview 200';
my $fh = $fp->decoded_content;
html5_ok($fh, 'the frab preview');
is verdict($fh), '3 presentations ready: check them below, then press Import under the list. Nothing is stored until then.',
    '... its three events';
like $fh, qr{<dt>Speaker</dt><dd>Dev Patel, Lee Chen</dd>}, '... persons joined as the speaker';
like $fh, qr{<li id="line-14"><p><span class="when">Line 14</span> <span class="talk-title">Welcome and introductions</span>}, '... each by the line of its <event>';
is press_import(121, $fh)->code, 303, '... imported';
is db_sql(q{SELECT GROUP_CONCAT(CONCAT_WS('|', title, speaker_name, summary, starts_at, ends_at, has_webcast, webcast_state, webcast_auto)
            ORDER BY starts_at SEPARATOR '/') FROM presentation WHERE workshop_id = 121}),
    'Welcome and introductions|Maria Alvarez|What the two days hold, and who is here.|2026-11-23 17:00:00|2026-11-23 17:30:00|1|upcoming|1/'
    . 'Data journalism: where the numbers hide|Dev Patel, Lee Chen|Public records, spreadsheets & the questions to ask of them.|2026-11-23 17:30:00|2026-11-23 19:00:00|1|upcoming|1/'
    . 'Off the record: sources who cannot be named|Sam Okafor|A closed session: the speaker asked not to be recorded.|2026-11-23 21:00:00|2026-11-23 22:30:00|0|upcoming|1',
    '... title, persons, abstract, date + duration in UTC; a recording opt-out is not webcast';

my $example = paste(121, slurp("$ENV{WEBCAST_TOP}/docs/examples/schedule.csv"));
is $example->code, 200, 'docs/examples/schedule.csv: preview 200';
is verdict($example->decoded_content) =~ /^(\d+) presentations ready/ ? $1 : 0, 4, '... four presentations';

# ---- the file chosen in the form (multipart/form-data), as a browser sends it
sub choose {
    my ($ws, $name, $data, %o) = @_;
    my $r = HTTP::Request::Common::POST("$base/admin/workshops/$ws/import",
        Content_Type => 'form-data',
        Content => [ token => $token, action => $o{action} // 'preview', webcast => 1,
                     text => $o{text} // '',
                     file => [ undef, $name, 'Content-Type' => 'text/csv', Content => $data ] ]);
    $r->authorization_basic('staff', 'staff-pass');
    $r->header(Origin => $base);
    return $ua->request($r);
}
my $sheet = slurp("$ENV{WEBCAST_TOP}/docs/examples/schedule.csv");
my $chosen = choose(121, 'schedule.csv', $sheet);
is $chosen->code, 200, 'docs/examples/schedule.csv chosen as a file: preview 200';
is verdict($chosen->decoded_content) =~ /^(\d+) presentations ready/ ? $1 : 0, 4, '... the same four presentations';
like $chosen->decoded_content, qr{<form class="record" method="post" action="/admin/workshops/121/import" enctype="multipart/form-data">.*<input type="file" id="i-file" name="file"}s,
    'the form has a file field and sends multipart/form-data';
my $over = choose(121, 'schedule.csv', $sheet, text => "$head\nThe pasted one,2026-11-24 09:00,2026-11-24 10:00\n");
is verdict($over->decoded_content) =~ /^(\d+) presentations ready/ ? $1 : 0, 4, 'a file and pasted text: the file is used';
my $bad_file = choose(121, 'week.csv', "$head\nEnds first,2026-11-24 10:00,2026-11-24 09:00\n");
is $bad_file->code, 422, 'a chosen file with a bad row: 422';
is_deeply [ problems($bad_file->decoded_content) ], [ 'line 2, ends_at: The end must be after the start.' ], '... the row named by line and reason';
like $bad_file->decoded_content, qr{<textarea id="i-text" name="text"[^>]*>\ntitle,starts_at,ends_at\r?\nEnds first,},
    '... the file put into the box, to be corrected there';
my $nul_file = choose(121, 'nul.csv', "$head\nx\0y,1,2\n");
is $nul_file->code, 422, 'a chosen file holding a NUL byte: 422';
like verdict($nul_file->decoded_content), qr/line 2: a NUL byte: this is not CSV text/, '... named (the whole file was read, not cut at the NUL)';
my $empty_file = choose(121, 'empty.csv', '');
is $empty_file->code, 422, 'an empty file chosen: 422';
like verdict($empty_file->decoded_content), qr/Choose a file or paste a schedule/, '... saying what to do';
my $imported = press_import(121, $chosen->decoded_content);
is $imported->code, 303, 'the previewed file: Import pressed, 303';
is db_sql('SELECT COUNT(*) FROM presentation WHERE workshop_id = 121 AND id > 0'), 7, '... its four rows written beside the three of schedule.xml';
my $raw = HTTP::Request->new(POST => "$base/admin/workshops/121/import",
    [ 'Content-Type' => 'multipart/form-data; boundary=XyZ', Origin => $base ],
    "--XyZ\r\nContent-Disposition: form-data; name=\"token\"\r\n\r\n$token\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\ntitle\r\n");
$raw->authorization_basic('staff', 'staff-pass');
is $ua->request($raw)->code, 400, 'a multipart body without its final boundary: 400';
is db_sql('SELECT COUNT(*) FROM presentation WHERE workshop_id = 121'), 7, '... nothing written';

# ---- leave the database as the other tests expect it
db_sql(q{DELETE FROM presentation WHERE workshop_id IN (120, 121)});
db_sql(q{DELETE FROM workshop WHERE id IN (120, 121)});
done_testing();
