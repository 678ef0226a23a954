# t/live_browser.t - pages that follow the clock, in a real browser
# (Debian's headless Chromium driven by playwright-core, t/browser/live.js):
# a talk that follows the schedule starts and ends while its page, its
# workshop's page and a partner's page embedding it stay open; a notice
# comes and goes; every public page kind runs under its
# Content-Security-Policy without a refusal. Nobody touches the admin.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use IPC::Open2 qw(open2);
use lib 't/lib';
use WebcastTest qw(db_sql browser_dir browser_report);

my $dir = browser_dir();

Apache::TestRequest::module('webcast_site');
my $origin = 'http://' . Apache::TestRequest::hostport();

sub clean {
    db_sql(q{DELETE FROM presentation WHERE workshop_id = 120});
    db_sql(q{DELETE FROM workshop WHERE id = 120});
}
clean();
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
  (120, 'live-browser', 'Live browser workshop', UTC_DATE() - INTERVAL 1 DAY,
   UTC_DATE() + INTERVAL 1 DAY, 'room1.sdp')});

# What the browser session asks for, when it is ready for it. Times are
# the database's clock, which the module compares with its own.
my %action = (
    # 121 follows the schedule: upcoming for ~15 s (time to open four
    # pages on a busy machine), live for ~10 s, then concluded (no archive
    # yet); 122 starts in two minutes, so its page polls often while the
    # notice comes and goes.
    start => sub {
        db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name,
          starts_at, ends_at, has_webcast, webcast_state, webcast_auto,
          webcast_path, webcast_filename) VALUES
          (121, 120, 'The talk that starts by itself', 'Cleo Clock',
           UTC_TIMESTAMP() + INTERVAL 15 SECOND, UTC_TIMESTAMP() + INTERVAL 25 SECOND,
           1, 'upcoming', 1, NULL, NULL),
          (122, 120, 'The talk after it', 'Lee Later',
           UTC_TIMESTAMP() + INTERVAL 110 SECOND, UTC_TIMESTAMP() + INTERVAL 1 HOUR,
           1, 'upcoming', 1, NULL, NULL)});
    },
    notice => sub {
        db_sql(q{UPDATE presentation SET notice = 'We have technical difficulties; back in five minutes.' WHERE id = 122});
        db_sql(q{UPDATE workshop SET notice = 'Lunch talks move to room 2 today.' WHERE id = 120});
    },
    clear => sub {
        db_sql(q{UPDATE presentation SET notice = NULL WHERE id = 122});
        db_sql(q{UPDATE workshop SET notice = NULL WHERE id = 120});
    },
    # the other states, set by hand
    states => sub {
        db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name,
          starts_at, ends_at, has_webcast, webcast_state, webcast_auto,
          webcast_path, webcast_filename, external_name, external_url) VALUES
          (123, 120, 'Live by hand', 'Hal Hand', UTC_TIMESTAMP() - INTERVAL 1 HOUR,
           UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'live', 0, NULL, NULL, NULL, NULL),
          (124, 120, 'Archived', 'Ari Archive', UTC_TIMESTAMP() - INTERVAL 3 HOUR,
           UTC_TIMESTAMP() - INTERVAL 2 HOUR, 1, 'archive', 0, 'kdmc/2026', 'archived.mov', NULL, NULL),
          (125, 120, 'Elsewhere', 'Ed External', UTC_TIMESTAMP() - INTERVAL 1 HOUR,
           UTC_TIMESTAMP() + INTERVAL 1 HOUR, 1, 'external', 0, NULL, NULL, 'C-SPAN', 'https://www.c-span.org/'),
          (126, 120, 'Tomorrow', 'Tom Morrow', UTC_TIMESTAMP() + INTERVAL 1 DAY,
           UTC_TIMESTAMP() + INTERVAL 25 HOUR, 1, 'upcoming', 0, NULL, NULL, NULL, NULL)});
    },
);

my $pid = open2(my $from, my $to,
    "timeout 240 node '$dir/live.js' '$origin' live-browser 121 122 123 124 125 126 2>&1");
$to->autoflush(1);
while (my $line = <$from>) {
    if ($line =~ /^need (\w+)$/ && $action{$1}) {
        $action{$1}->();
        print $to "done $1\n";
    }
    else {
        browser_report($line);
    }
}
waitpid $pid, 0;
is $? >> 8, 0, 'the browser session ran to its end';
is db_sql(q{SELECT CONCAT(webcast_state, ' ', webcast_auto) FROM presentation WHERE id = 121}),
    'upcoming 1', 'the stored state never changed: the clock alone moved the page';

clean();
done_testing();
