# t/browser.t - the staff admin in a real browser: Debian's Chromium,
# headless, driven by playwright-core (t/browser/, installed with npm ci;
# no browser download). A person signs in, makes a talk live, ends the one
# before it as the page offers, and sees the public pages change; then
# imports a schedule (a CSV pasted, previewed, corrected, imported), and
# uploads a talk's slides through the real form and downloads them from
# the public page.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use File::Temp ();
use lib 't/lib';
use WebcastTest ();

my $dir = WebcastTest::browser_dir();

sub db_sql { my $s = WebcastTest::db_sql(@_); $s =~ s/\s+\z//; return $s }

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();

db_sql(q{DELETE FROM presentation WHERE workshop_id = 110});
db_sql(q{DELETE FROM workshop WHERE id = 110});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
  (110, 'browser-ws', 'Browser workshop', CURRENT_DATE - INTERVAL 1 DAY, CURRENT_DATE + INTERVAL 1 DAY, 'browser.sdp')});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state) VALUES
  (110, 110, 'Earlier browser talk', 'Ann Before', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP(), 1, 'live'),
  (111, 110, 'Browser talk', 'Bo Browser', UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming'),
  (112, 110, 'Slides talk', 'Sal Slides', UTC_TIMESTAMP() + INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 2 HOUR, 0, 'upcoming')});

# Run t/browser/$script with @args (WebcastTest::browser_session).
sub session {
    my ($script, @args) = @_;
    my $quoted = join ' ', map { "'$_'" } @args;
    WebcastTest::browser_session("timeout 120 node '$dir/$script' '$base' staff staff-pass $quoted", $script);
}

session('flip.js', 'Browser workshop', 'Browser talk', 'Earlier browser talk', 111, 110);
is db_sql('SELECT webcast_state FROM presentation WHERE id = 111'), 'live', 'database: the talk is live';
is db_sql('SELECT webcast_state FROM presentation WHERE id = 110'), 'concluded', 'database: the one before has ended';
is db_sql(q{SELECT GROUP_CONCAT(CONCAT(record_id, ':', old_value, '>', new_value) ORDER BY id)
            FROM webcast_audit WHERE table_name = 'presentation' AND record_id IN (110, 111)
            AND `user` = 'staff' AND field = 'webcast_state'}),
    '111:upcoming>live,110:live>concluded', 'the audit trail has both, by staff';

session('import.js', 'Browser workshop');
is db_sql(q{SELECT GROUP_CONCAT(CONCAT_WS('|', title, speaker_name, starts_at, ends_at, summary) ORDER BY starts_at SEPARATOR '/')
            FROM presentation WHERE workshop_id = 110 AND title LIKE '%import%'}),
    'Imported in a browser|Ivy Import|2031-01-10 20:00:00|2031-01-10 21:00:00|Pasted, with a comma/'
    . 'Second imported talk|Sy Second|2031-01-10 22:00:00|2031-01-10 23:30:00',
    'database: both imported talks, times in UTC (no summary: NULL)';
is db_sql(q{SELECT COUNT(DISTINCT record_id) FROM webcast_audit WHERE table_name = 'presentation' AND action = 'create'
            AND `user` = 'staff' AND record_id IN (SELECT id FROM presentation WHERE workshop_id = 110 AND title LIKE '%import%')}),
    2, 'the audit trail has both creations, by staff';

# ---- a person uploads slides (t/upload.t has every rule)
my $tmp = File::Temp::tempdir(CLEANUP => 1);
my $pdf = "%PDF-1.4\n" . join('', map { chr(($_ * 37) % 256) } 1 .. 20000) . "\n%%EOF\n";
for ([ 'talk.pdf', $pdf ], [ 'notes.pdf', "Just notes, not a PDF.\n" ]) {
    open my $fh, '>:raw', "$tmp/$_->[0]" or die $!;
    print $fh $_->[1];
    close $fh;
}
session('upload.js', 112, "$tmp/talk.pdf", "$tmp/notes.pdf");
my $url = db_sql('SELECT slides_url FROM presentation WHERE id = 112');
like $url, qr{^/slides/112-[0-9a-f]{32}\.pdf$}, 'database: the talk links the uploaded file';
my $stored = Apache::Test::vars('serverroot') . $url;      # WebcastSlidesDir t/slides
is do { local $/; open my $fh, '<:raw', $stored or die "$stored: $!"; <$fh> }, $pdf,
    'the stored file is the one the person chose';
is db_sql(q{SELECT CONCAT_WS('|', `user`, IFNULL(old_value, 'NULL'), new_value) FROM webcast_audit
            WHERE table_name = 'presentation' AND record_id = 112 AND field = 'slides_url'}),
    "staff|NULL|$url", 'the audit trail has the upload, by staff';
unlink $stored;

db_sql(q{DELETE FROM presentation WHERE workshop_id = 110});
db_sql(q{DELETE FROM workshop WHERE id = 110});
done_testing();
