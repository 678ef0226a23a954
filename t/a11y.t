# t/a11y.t - accessibility: every public page kind (index, a workshop with
# talks in every state, a presentation in each state and one with a
# notice, the embed, the 404) and the staff admin's pages (control room,
# workshop list and page, the edit forms, a form shown again with its
# errors, the slides upload, the schedule import and its previews) pass
# axe-core's WCAG 2.1 A and AA rules with no violation, at a phone's and a
# desktop's width, in Debian's headless Chromium (t/browser/a11y.js; axe-core
# and playwright-core pinned in t/browser/package-lock.json). Also: nothing
# scrolls sideways at 200% and 400% zoom, and every control shows its
# focus. Control checks first show each check failing on a page broken on
# purpose. docs/accessibility.md says what is left to a person.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use lib 't/lib';
use WebcastTest qw(db_sql browser_dir browser_session);

my $dir = browser_dir();

Apache::TestRequest::module('webcast_site');
my $origin = 'http://' . Apache::TestRequest::hostport();

sub clean {
    db_sql(q{DELETE FROM webcast_audit WHERE (table_name = 'presentation' AND record_id BETWEEN 130 AND 139)
             OR (table_name = 'workshop' AND record_id = 130)});
    db_sql(q{DELETE FROM presentation WHERE workshop_id = 130});
    db_sql(q{DELETE FROM workshop WHERE id = 130});
}
clean();
db_sql(q{INSERT INTO workshop (id, slug, title, summary, location, starts_on, ends_on, live_stream) VALUES
  (130, 'a11y-ws', 'Accessible workshop', 'Three days of talks.\n\nAll of them webcast where the speakers agree.',
   'Atkinson Hall, room 1601', UTC_DATE() - INTERVAL 1 DAY, UTC_DATE() + INTERVAL 1 DAY, 'a11y.sdp')});
# A talk in each state, set by hand (webcast_auto = 0), with every field
# a page can show somewhere among them.
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, speaker_affiliation,
  speaker_bio, summary, starts_at, ends_at, slides_url, has_webcast, webcast_state, webcast_auto,
  webcast_path, webcast_filename, external_name, external_url, notice) VALUES
  (131, 130, 'Coming up', 'Una Soon', 'UC San Diego', 'Una studies clocks.',
   'What happens next.\n\nAnd after that.', UTC_TIMESTAMP() + INTERVAL 2 HOUR,
   UTC_TIMESTAMP() + INTERVAL 3 HOUR, '/slides/coming-up.pdf', 1, 'upcoming', 0, NULL, NULL, NULL, NULL, NULL),
  (132, 130, 'On the air', 'Lou Live', NULL, NULL, 'Live, now.', UTC_TIMESTAMP() - INTERVAL 30 MINUTE,
   UTC_TIMESTAMP() + INTERVAL 30 MINUTE, NULL, 1, 'live', 0, NULL, NULL, NULL, NULL, NULL),
  (133, 130, 'Just ended', 'Con Cluded', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 2 HOUR,
   UTC_TIMESTAMP() - INTERVAL 1 HOUR, NULL, 1, 'concluded', 0, NULL, NULL, NULL, NULL, NULL),
  (134, 130, 'In the archive', 'Ari Archive', 'Scripps', NULL, NULL, UTC_TIMESTAMP() - INTERVAL 1 DAY,
   UTC_TIMESTAMP() - INTERVAL 23 HOUR, 'https://slides.example.org/ari.pptx', 1, 'archive', 0,
   'kdmc/2026', 'a11y.mov', NULL, NULL, NULL),
  (135, 130, 'Elsewhere', 'Ed External', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 3 HOUR,
   UTC_TIMESTAMP() - INTERVAL 150 MINUTE, NULL, 1, 'external', 0, NULL, NULL, 'C-SPAN', 'https://www.c-span.org/', NULL),
  (136, 130, 'Off the record', 'Nora Nocast', NULL, NULL, NULL, UTC_TIMESTAMP() + INTERVAL 4 HOUR,
   UTC_TIMESTAMP() + INTERVAL 5 HOUR, NULL, 0, 'upcoming', 0, NULL, NULL, NULL, NULL, NULL),
  (137, 130, 'Trouble on the line', 'Tess Trouble', NULL, NULL, NULL, UTC_TIMESTAMP() - INTERVAL 20 MINUTE,
   UTC_TIMESTAMP() + INTERVAL 40 MINUTE, NULL, 1, 'live', 0, NULL, NULL, NULL, NULL,
   'We have technical difficulties; back in five minutes.')});
# some history for the admin's tables
db_sql(q{INSERT INTO webcast_audit (`at`, table_name, record_id, version, `user`, action, field, old_value, new_value)
  VALUES (UTC_TIMESTAMP(), 'presentation', 131, 2, 'staff', 'update', 'speaker_name', 'Una', 'Una Soon'),
         (UTC_TIMESTAMP(), 'workshop', 130, 2, 'staff', 'update', 'location', NULL, 'Atkinson Hall, room 1601')});

my $ids = '{"slug":"a11y-ws","workshop":130,"upcoming":131,"live":132,"concluded":133,'
        . '"archive":134,"external":135,"none":136,"notice":137}';
# (a violation's rule, help and element come as diagnoses)
browser_session("timeout 240 node '$dir/a11y.js' '$origin' staff staff-pass '$ids'", 'a11y.js');

clean();
done_testing();
