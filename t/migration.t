# t/migration.t - a database without sql/004-live.sql keeps working as
# before (stored states, no notices), the log names the migration, and
# loading it takes effect without a restart.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use lib 't/lib';
use WebcastTest qw(db db_sql raw_request wait_for);

Apache::TestRequest::module('webcast_site');

db_sql(q{DELETE FROM presentation WHERE id = 240});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto, notice) VALUES
  (240, 1, 'Migration talk', 'M', UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'upcoming', 1, 'A notice')});
like raw_request('GET', '/presentations/240/')->{body}, qr{<div class="webcast live">}, 'with the migration: live by the clock';

# As if sql/004-live.sql had not been loaded.
db_sql('ALTER TABLE presentation RENAME COLUMN webcast_auto TO webcast_auto_away, RENAME COLUMN notice TO notice_away');
db_sql('ALTER TABLE workshop RENAME COLUMN notice TO notice_away');
db 'kill-connections';
t_start_error_log_watch();
for my $url ('/', '/workshops/test-ws/', '/presentations/240/', '/presentations/240/status.json',
             '/presentations/webcast-archive.1.ref.mov', '/presentations/240/embed/',
             '/calendar.ics', '/archive.rss', '/workshops/test-ws/calendar.ics',
             '/workshops/test-ws/archive.rss', '/workshops/test-ws/schedule.json') {
    is raw_request('GET', $url)->{status}, 200, "without the migration: $url 200";
}
my $page = raw_request('GET', '/presentations/240/')->{body};
like $page, qr{<div class="webcast upcoming">}, 'the stored state, as before';
like raw_request('GET', '/workshops/test-ws/calendar.ics')->{body},
    qr{UID:presentation-240\@[^\r]*\r\n(?:[^\r]*\r\n)*?DESCRIPTION:Will be webcast live}, 'feeds too';
unlike $page, qr{A notice}, 'no notice';
my @log = t_finish_error_log_watch();
ok scalar(grep { /cannot be prepared .*is sql\/004-live\.sql loaded\?/ } @log),
    'the log names the migration' or diag @log;

db_sql('ALTER TABLE presentation RENAME COLUMN webcast_auto_away TO webcast_auto, RENAME COLUMN notice_away TO notice');
db_sql('ALTER TABLE workshop RENAME COLUMN notice_away TO notice');
# each child goes back to the v4 statements on its own (within 5 s of
# its last try): wait until ten requests in a row, whichever children
# they reach, show the migration's effects
ok defined wait_for(30, sub {
    !grep { raw_request('GET', '/presentations/240/')->{body} !~ /<div class="webcast live">.*A notice|A notice.*<div class="webcast live">/s } 1 .. 10 }),
    'loading it takes effect without a restart: live by the clock, the notice back';
db_sql(q{DELETE FROM presentation WHERE id = 240});
# Statements prepared before the ALTERs are re-prepared by the server on
# their next run, which it counts as a second execution: leave none to
# the tests that count them (t/flight.t, t/cache.t).
db 'kill-connections';

done_testing();
