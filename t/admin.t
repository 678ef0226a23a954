# t/admin.t - the staff admin (SPEC section 6) against the real httpd and
# MariaDB: authentication, anti-forgery (token and origin), every
# validation rule, the optimistic lock, the audit trail, and state flips
# that the public pages show at once.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use Digest::SHA qw(hmac_sha1_hex);
use File::Temp qw(tempdir);
use HTML::Entities qw(decode_entities);
use HTTP::Request::Common ();
use LWP::UserAgent ();
use POSIX ();
use lib 't/lib';
use WebcastTest qw(db_sql html5_ok config_test);

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();
my $ua = LWP::UserAgent->new(max_redirect => 0, timeout => 30);

# ---- helpers

# $method $path as `user` (default staff; undef: no credentials), with
# Origin: $base unless `origin` says otherwise (undef: none).
sub req {
    my ($method, $path, %o) = @_;
    my $user = exists $o{user} ? $o{user} : 'staff';
    my $r = $method eq 'POST'
        ? HTTP::Request::Common::POST("$base$path", $o{form} // [])
        : HTTP::Request->new($method, "$base$path");
    $r->authorization_basic($user, $o{pass} // "$user-pass") if defined $user;
    my $origin = exists $o{origin} ? $o{origin} : $base;
    $r->header(Origin => $origin) if defined $origin;
    $r->header(%{ $o{headers} }) if $o{headers};
    return $ua->request($r);
}

sub get_ok {
    my ($path, $name, %o) = @_;
    my $res = req('GET', $path, %o);
    is $res->code, 200, $name // "GET $path";
    return $res->decoded_content // '';
}

sub token_of {
    my ($html) = @_;
    my ($t) = $html =~ /name="token" value="([0-9a-f]{40})"/;
    return $t;
}

my $secret = do {
    open my $fh, '<', Apache::Test::vars('t_logs') . '/admin.secret'
        or die "admin.secret: $!";
    local $/;
    my $s = <$fh>;
    $s =~ s/^\s+|\s+$//g;
    $s;
};
sub token_for {
    my ($user, $days_ago) = @_;
    my $day = int(time / 86400) - ($days_ago // 0);
    return hmac_sha1_hex("$user\n$day", $secret);
}
my $token = token_for('staff');

sub state_of { db_sql("SELECT webcast_state FROM presentation WHERE id = $_[0]") }
sub field_of { db_sql("SELECT $_[1] FROM presentation WHERE id = $_[0]") }

sub flip {
    my ($id, $from, $to, %o) = @_;
    return req('POST', "/admin/presentations/$id/state",
               form => [ token => $o{token} // $token, from => $from,
                         to => $to, back => $o{back} // 'today' ], %o);
}

# A complete presentation form, with overrides.
sub talk_form {
    my (%v) = @_;
    my %f = (token => $token, version => 0, workshop_id => 100,
             title => 'Form talk', speaker_name => 'Fran Form',
             speaker_affiliation => '', speaker_bio => '', summary => '',
             starts_at => '2025-01-15T12:00', ends_at => '2025-01-15T13:00',
             slides_url => '', has_webcast => 1, webcast_state => 'upcoming',
             webcast_path => '', webcast_filename => '', live_stream => 'kept-room.sdp',
             external_name => '', external_url => '', %v);
    delete $f{has_webcast} unless $f{has_webcast};
    return [ %f ];
}

sub workshop_form {
    my (%v) = @_;
    my %f = (token => $token, version => 0, slug => 'admin-t-new',
             title => 'New admin workshop', summary => '', location => '',
             starts_on => '2026-12-01', ends_on => '2026-12-03',
             live_stream => 'kept.sdp', %v);
    return [ %f ];
}

# The message beside a field, from a re-shown form.
sub field_error {
    my ($html, $field) = @_;
    my ($msg) = $html =~ m{<p class="error" id="f-\Q$field\E-error">([^<]*)</p>};
    return defined $msg ? decode_entities($msg) : undef;
}

# "YYYY-MM-DD HH:MM:SS" in UTC of $hour o'clock today in the site's zone,
# so the control room's "today" holds whatever hour the suite runs at.
sub today_at {
    my ($hour) = @_;
    my $t = do {
        local $ENV{TZ} = 'America/Los_Angeles';
        POSIX::tzset();
        my @now = localtime;
        POSIX::mktime(0, 0, $hour, @now[3, 4, 5], 0, 0, -1);
    };
    POSIX::tzset();
    return POSIX::strftime('%Y-%m-%d %H:%M:%S', gmtime $t);
}
my %at = map { $_ => today_at($_) } 9, 10, 11, 12, 14, 15;

my $count_talks = "SELECT COUNT(*) FROM presentation";
my $count_workshops = "SELECT COUNT(*) FROM workshop";

# ---- fixtures of our own, so the other test files see theirs untouched
db_sql(q{DELETE FROM presentation WHERE workshop_id IN (100, 101)});
db_sql(q{DELETE FROM workshop WHERE id IN (100, 101) OR slug LIKE 'admin-t-%'});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
  (100, 'admin-ws', 'Admin workshop', CURRENT_DATE - INTERVAL 1 DAY, CURRENT_DATE + INTERVAL 1 DAY, 'admin-room.sdp'),
  (101, 'admin-empty', 'Empty workshop', '2026-12-01', '2026-12-02', NULL)});
db_sql(qq{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_path, webcast_filename) VALUES
  (100, 100, 'Earlier talk', 'Ann Earlier', '$at{10}', '$at{11}', 1, 'live', NULL, NULL),
  (101, 100, 'Now talk', 'Noa Now', '$at{11}', '$at{12}', 1, 'upcoming', NULL, NULL),
  (102, 100, 'Ended talk', 'Eda Ended', '$at{9}', '$at{10}', 1, 'concluded', NULL, NULL),
  (103, 100, 'Unwebcast talk', 'Una Cast', '$at{14}', '$at{15}', 0, 'upcoming', NULL, NULL),
  (104, 100, 'Edited talk', 'Ed Itor', '2025-01-15 20:00:00', '2025-01-15 21:00:00', 1, 'upcoming', NULL, NULL)});

# ---- authentication is Apache's; without it, 403 and a reason in the log
t_start_error_log_watch();
is req('GET', '/admin-noauth/', user => undef)->code, 403,
    'admin Location without AuthType/Require: 403';
is req('POST', '/admin-noauth/presentations/101/state', user => undef,
       form => [ token => $token, from => 'upcoming', to => 'live' ])->code,
    403, 'and a POST there: 403';
is state_of(101), 'upcoming', '... and nothing changed';
ok scalar(grep { /mod_webcast: admin refused \/admin-noauth\/: no authenticated user/ }
          t_finish_error_log_watch()), 'the log says why';
is req('GET', '/admin/', user => undef)->code, 401, 'no credentials: 401';
is req('GET', '/admin/', user => 'staff', pass => 'wrong')->code, 401,
    'wrong password: 401';

# ---- pages: well-formed, not cacheable, not frameable
my $today = req('GET', '/admin/');
is $today->code, 200, 'control room';
is $today->header('Cache-Control'), 'no-store', 'admin pages: no-store';
is $today->header('X-Frame-Options'), 'DENY', 'admin pages: not framed';
is $today->header('Content-Security-Policy'),
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'admin pages: nothing loaded or run but their own style';
my $today_html = $today->decoded_content;
like $today_html, qr{<h2><a href="/admin/workshops/100/">Admin workshop</a></h2>}, 'today: the workshop of today';
like $today_html, qr{Ended talk.*Earlier talk.*Now talk.*Unwebcast talk}s, 'today: its talks in order';
like $today_html, qr{aria-label="Go live: Now talk">Go live</button>}, 'today: a Go live button';
like $today_html, qr{aria-label="Ended: Earlier talk">Ended</button>}, 'today: an Ended button';
like $today_html, qr{aria-label="Archive ready: Ended talk">Archive ready</button>}, 'today: an Archive ready button';
unlike $today_html, qr{aria-label="[^"]*: Unwebcast talk">(Go live|Ended)}, 'no state button on a talk that is not webcast';
unlike $today_html, qr{Edited talk}, 'not today and not live: not in the control room';
like $today_html, qr{Signed in as staff}, 'who is signed in';
like $today_html, qr{href="/presentations/101/">View on the site}, 'links to the public page';
my $page_token = token_of($today_html) // '';
ok $page_token eq token_for('staff') || $page_token eq token_for('staff', 1),
    'the token is HMAC(secret file, user "\n" day): nothing per process, so any child and a restarted server agree'
    or diag "page token $page_token";
my $helper_token = token_of(get_ok('/admin/', 'as helper', user => 'helper')) // '';
like $helper_token, qr/^[0-9a-f]{40}$/, "the helper's page carries a token";
isnt $helper_token, $token, "another user's token differs";

for my $path ('/admin/', '/admin/workshops/', '/admin/workshops/100/',
              '/admin/workshops/new', '/admin/workshops/100/edit',
              '/admin/workshops/101/delete', '/admin/workshops/100/delete',
              '/admin/presentations/new?workshop=100',
              '/admin/presentations/104/edit', '/admin/presentations/104/delete',
              '/admin/presentations/30/edit', '/admin/workshops/5/') {
    html5_ok(get_ok($path), $path);
}
is req('GET', '/admin/nowhere')->code, 404, 'unknown admin path: 404';
is req('GET', '/admin/workshops/999/')->code, 404, 'unknown workshop: 404';
is req('GET', '/admin/presentations/7%31/edit')->code, 404, '%-escaped id: 404';
my $put = req('PUT', '/admin/workshops/new');
is $put->code, 405, 'PUT: 405';
my $get_state = req('GET', '/admin/presentations/101/state');
is $get_state->code, 405, 'GET on a state change: 405';
like $get_state->header('Allow') // '', qr/POST/, '... Allow: POST';
like req('GET', '/admin')->header('Location'), qr{/admin/$}, 'mount point: to its slash';

# ---- escaping: hostile database text stays text in the admin too
my $hostile = get_ok('/admin/presentations/30/edit');
unlike $hostile, qr{<script|<iframe|<b>|<i>|<em>}i, 'hostile record: no markup';
like $hostile, qr{value="&lt;script&gt;alert\(&quot;t&quot;\)&lt;/script&gt;"}, 'hostile title escaped in the input';

# ---- anti-forgery: token and origin; every refusal changes nothing
my %refusals = (
    'no token' => [ form => [ from => 'upcoming', to => 'live' ] ],
    'wrong token' => [ form => [ token => 'f' x 40, from => 'upcoming', to => 'live' ] ],
    'token of another user' => [ form => [ token => token_for('helper'), from => 'upcoming', to => 'live' ] ],
    'token two days old' => [ form => [ token => token_for('staff', 2), from => 'upcoming', to => 'live' ] ],
    'cross-origin' => [ origin => 'http://evil.example', form => [ token => $token, from => 'upcoming', to => 'live' ] ],
    'Origin null' => [ origin => 'null', form => [ token => $token, from => 'upcoming', to => 'live' ] ],
    'look-alike origin' => [ origin => "$base.evil.example", form => [ token => $token, from => 'upcoming', to => 'live' ] ],
    'no Origin, foreign Referer' => [ origin => undef, headers => { Referer => 'http://evil.example/admin/' },
                                      form => [ token => $token, from => 'upcoming', to => 'live' ] ],
    'look-alike Referer' => [ origin => undef, headers => { Referer => "$base.evil.example/admin/" },
                              form => [ token => $token, from => 'upcoming', to => 'live' ] ],
    'neither Origin nor Referer' => [ origin => undef, form => [ token => $token, from => 'upcoming', to => 'live' ] ],
);
for my $name (sort keys %refusals) {
    my $res = req('POST', '/admin/presentations/101/state', @{ $refusals{$name} });
    is $res->code, 403, "$name: 403";
    is state_of(101), 'upcoming', "$name: the database is unchanged";
}
my $before = db_sql($count_workshops);
is req('POST', '/admin/workshops/new', form => workshop_form(token => 'bad'))->code,
    403, 'create with a bad token: 403';
is db_sql($count_workshops), $before, '... nothing created';
my $expired = req('POST', '/admin/presentations/104/edit',
                  form => talk_form(version => 1, title => 'Typed before expiry',
                                    token => token_for('staff', 3)));
is $expired->code, 403, 'an edit with an expired token: 403';
like $expired->decoded_content, qr{value="Typed before expiry"}, '... the form comes back with what was typed';
is field_of(104, 'title'), 'Edited talk', '... and nothing was saved';
is req('POST', '/admin/presentations/101/state', headers => { 'Content-Type' => 'multipart/form-data; boundary=x' },
       form => [ token => $token, from => 'upcoming', to => 'live' ])->code, 415, 'multipart body: 415';
is req('POST', '/admin/workshops/new', form => workshop_form(summary => 'x' x (1100 * 1024)))->code,
    413, 'body over 1 MB: 413';
is db_sql($count_workshops), $before, '... nothing created';
is state_of(101), 'upcoming', 'after every refusal: still upcoming';

# ---- flips: visible on the public page at once
# (the public site under / has WebcastCacheTTL 0, the default)
unlike req('GET', '/presentations/101/', user => undef)->decoded_content,
    qr{Live now}, 'public page before: not live';
my $go = flip(101, 'upcoming', 'live');
is $go->code, 303, 'Go live: 303';
like $go->header('Location'), qr{^\Q$base\E/admin/\?flipped=101&from=upcoming&sig=[0-9a-f]{40}$}, '... back to the control room';
is state_of(101), 'live', '... live in the database';
like req('GET', '/presentations/101/', user => undef)->decoded_content,
    qr{class="marker">Live now}, 'public page at once: Live now';
like req('GET', '/workshops/admin-ws/', user => undef)->decoded_content,
    qr{<h2>Happening now</h2>.*Now talk}s, 'public workshop page: in the now block';
(my $after_path = $go->header('Location')) =~ s{^\Q$base\E}{};
my $after_go = get_ok($after_path, 'control room after Go live');
# The same notice from a link made elsewhere (no or a wrong signature):
# no Undo that could put a live talk back.
for my $forged ('/admin/?flipped=101&from=upcoming',
                '/admin/?flipped=101&from=upcoming&sig=' . ('0' x 40)) {
    unlike get_ok($forged, 'forged flip notice'), qr{Undo}, "no Undo offer for $forged";
}
like $after_go, qr{&ldquo;Now talk&rdquo; is now <strong>Live</strong>}, 'says what happened';
like $after_go, qr{value="upcoming" class="secondary to-upcoming" aria-label="Undo: Now talk">Undo</button>}, 'offers Undo';
like $after_go, qr{&ldquo;Earlier talk&rdquo;, before it, is still live\.</p><form method="post" action="/admin/presentations/100/state">.*?value="concluded"[^>]*>End the one before</button>}s,
    'offers to end the one before it';
html5_ok($after_go, 'control room with notices');
my $audit = db_sql(q{SELECT CONCAT_WS('|', `user`, action, field, old_value, new_value)
                     FROM webcast_audit WHERE table_name = 'presentation' AND record_id = 101
                     ORDER BY id DESC LIMIT 1});
is $audit, 'staff|update|webcast_state|upcoming|live', 'audit row: who, what, old -> new';
ok db_sql(q{SELECT TIMESTAMPDIFF(SECOND, `at`, UTC_TIMESTAMP()) < 60 FROM webcast_audit
            WHERE record_id = 101 AND table_name = 'presentation' ORDER BY id DESC LIMIT 1}),
    'audit row: when (UTC, just now)';

is flip(101, 'live', 'upcoming')->code, 303, 'Undo: 303';
is state_of(101), 'upcoming', '... back to upcoming';
unlike req('GET', '/presentations/101/', user => undef)->decoded_content,
    qr{Live now}, 'public page at once: not live any more';
is flip(101, 'upcoming', 'live')->code, 303, 'live again';
is flip(100, 'live', 'concluded')->code, 303, 'end the one before';
like req('GET', '/presentations/100/', user => undef)->decoded_content,
    qr{webcast has ended}, 'its public page: ended';
is flip(101, 'upcoming', 'live')->code, 303, 'a second Go live on a live talk: no harm';
is db_sql(q{SELECT COUNT(*) FROM webcast_audit WHERE record_id = 101 AND table_name = 'presentation'}),
    3, '... and no audit row for it';
my $yesterday = flip(101, 'live', 'concluded', token => token_for('staff', 1));
is $yesterday->code, 303, "yesterday's token still works (a page left open overnight)";
is state_of(101), 'concluded', '... concluded';
my $conflict = flip(101, 'upcoming', 'live');
is $conflict->code, 409, 'a flip from a state it is no longer in: 409';
like $conflict->decoded_content, qr{it is Ended now, not Upcoming\. Nothing was changed}, '... saying so';
is state_of(101), 'concluded', '... unchanged';
my $no_archive = flip(102, 'concluded', 'archive');
is $no_archive->code, 422, 'Archive ready without path and file: 422';
like field_error($no_archive->decoded_content, 'webcast_path'), qr{needs the archive's path}, '... path asked for beside its field';
like field_error($no_archive->decoded_content, 'webcast_filename'), qr{needs the archive's file name}, '... file name too';
like $no_archive->decoded_content, qr{<option value="archive" selected>}, '... with Archive ready picked';
is state_of(102), 'concluded', '... unchanged';
is flip(103, 'upcoming', 'live')->code, 409, 'a talk that is not webcast cannot go live';
is state_of(103), 'upcoming', '... unchanged';
is flip(101, 'concluded', 'rerun')->code, 400, 'an unknown state: 400';
is flip(999, 'upcoming', 'live')->code, 404, 'an unknown presentation: 404';
my $by_referer = flip(102, 'concluded', 'upcoming', origin => undef,
                      headers => { Referer => "$base/admin/" });
is $by_referer->code, 303, 'no Origin but our own Referer: accepted';
like $by_referer->header('Location'), qr{/admin/\?flipped=102}, '... back to today';
like flip(102, 'upcoming', 'concluded', back => 'workshop')->header('Location'),
    qr{^\Q$base\E/admin/workshops/100/\?flipped=102&from=upcoming&sig=}, 'back to the workshop when flipped there';

# ---- validation: every rule, a message beside the field, nothing lost
my @workshop_rules = (
    [ 'missing title', { title => '  ' }, title => qr/Enter the workshop's title/ ],
    [ 'slug with bad characters', { slug => 'Admin T Bad!' }, slug => qr/lower-case letters/ ],
    [ 'slug too long', { slug => 'a' x 65 }, slug => qr/at most 64/ ],
    [ 'slug taken', { slug => 'test-ws' }, slug => qr/Another workshop already has this web address/ ],
    [ 'last day before first', { ends_on => '2026-11-30' }, ends_on => qr/on or after the first day/ ],
    [ 'no such day', { starts_on => '2026-02-30' }, starts_on => qr/no such day/ ],
    [ 'title longer than its column', { title => 'x' x 256 }, title => qr/256 characters long; the most is 255/ ],
    [ 'location longer than its column', { location => "\x{e9}" x 256 }, location => qr/256 characters/ ],
    [ 'summary longer than TEXT', { summary => 'y' x 65536 }, summary => qr/65536 bytes long; the most is 65535/ ],
);
for my $rule (@workshop_rules) {
    my ($name, $values, $field, $want) = @$rule;
    my %v = %$values;
    utf8::encode($v{$_}) for keys %v;
    my $res = req('POST', '/admin/workshops/new', form => workshop_form(%v));
    is $res->code, 422, "workshop, $name: 422";
    like field_error($res->decoded_content, $field) // '', $want, "workshop, $name: message beside $field";
    like $res->decoded_content, qr{id="f-\Q$field\E"[^>]*aria-describedby="f-\Q$field\E-error}, "workshop, $name: tied to the field";
    like $res->decoded_content, qr{name="live_stream" type="text" value="kept\.sdp"}, "workshop, $name: what was typed is kept";
    is db_sql($count_workshops), $before, "workshop, $name: nothing created";
}
html5_ok(req('POST', '/admin/workshops/new', form => workshop_form(title => '', slug => 'Bad'))->decoded_content,
         'form with messages');

my $talks = db_sql($count_talks);
my @talk_rules = (
    [ 'missing title', { title => '' }, title => qr/Enter the presentation's title/ ],
    [ 'end before start', { ends_at => '2025-01-15T11:00' }, ends_at => qr/The end must be after the start/ ],
    [ 'a time the clocks skip', { starts_at => '2026-03-08T02:30', ends_at => '2026-03-08T04:00' },
      starts_at => qr{02:30 does not exist on that day in America/Los_Angeles} ],
    [ 'not a time', { starts_at => 'noonish' }, starts_at => qr/Enter a day and a time/ ],
    [ 'archive without path and file', { webcast_state => 'archive' }, webcast_path => qr/needs the archive's path/ ],
    [ 'archive without file', { webcast_state => 'archive', webcast_path => 'kdmc/2026' },
      webcast_filename => qr/needs the archive's file name/ ],
    [ 'external without a URL', { webcast_state => 'external', external_name => 'C-SPAN' },
      external_url => qr/needs the web address/ ],
    [ 'external with a non-http URL', { webcast_state => 'external', external_name => 'C-SPAN',
      external_url => 'ftp://c-span.example/' }, external_url => qr/starts with https:\/\/ or http:\/\// ],
    [ 'javascript: slides', { slides_url => 'javascript:alert(1)' }, slides_url => qr/starts with https:\/\// ],
    [ 'protocol-relative slides', { slides_url => '//evil.example/s.ppt' },
      slides_url => qr/or a path on this site that starts with one \// ],
    [ 'slides URL longer than its column', { slides_url => 'https://example.org/' . ('s' x 1010) },
      slides_url => qr/1030 characters long; the most is 1024/ ],
    [ 'speaker longer than its column', { speaker_name => 'S' x 256 }, speaker_name => qr/256 characters/ ],
    [ 'bio longer than TEXT', { speaker_bio => 'b' x 65536 }, speaker_bio => qr/65536 bytes/ ],
    [ 'a state that does not exist', { webcast_state => 'rerun' }, webcast_state => qr/one of the five states/ ],
    [ 'no such workshop', { workshop_id => 9999 }, workshop_id => qr/no longer exists/ ],
);
for my $rule (@talk_rules) {
    my ($name, $values, $field, $want) = @$rule;
    my $res = req('POST', '/admin/presentations/new', form => talk_form(%$values));
    is $res->code, 422, "presentation, $name: 422";
    like field_error($res->decoded_content, $field) // '', $want, "presentation, $name: message beside $field";
    like $res->decoded_content, qr{name="live_stream" type="text" value="kept-room\.sdp"}, "presentation, $name: what was typed is kept";
    is db_sql($count_talks), $talks, "presentation, $name: nothing created";
}
my $many = req('POST', '/admin/presentations/new',
               form => talk_form(title => '', ends_at => '2025-01-15T11:00', slides_url => 'nope',
                                 summary => "Line one\r\n\r\n<b>kept</b>"));
like $many->decoded_content, qr{some fields need a fix}, 'several messages at once';
like $many->decoded_content, qr{<textarea id="f-summary" name="summary"[^>]*>\nLine one\r?\n\r?\n&lt;b&gt;kept&lt;/b&gt;</textarea>},
    'typed text kept, escaped';
html5_ok($many->decoded_content, 'presentation form with messages');

# ---- create, with times typed in the site's zone
my $shown = time - 2;           # when "the new form" below was shown
my $created = req('POST', '/admin/presentations/new',
                  form => talk_form(title => 'Created talk', starts_at => '2026-07-15T12:00',
                                    ends_at => '2026-07-15T13:30', slides_url => 'https://example.org/s.key',
                                    webcast_state => 'archive', webcast_path => 'kdmc/2026',
                                    webcast_filename => 'created.mov'));
is $created->code, 303, 'a valid presentation: 303';
is $created->header('Location'), "$base/admin/workshops/100/?done=added", '... to its workshop';
my $new_id = db_sql(q{SELECT id FROM presentation WHERE title = 'Created talk'});
ok $new_id, '... stored';
is db_sql("SELECT CONCAT_WS('|', starts_at, ends_at, has_webcast, webcast_state, webcast_filename, version) FROM presentation WHERE id = $new_id"),
    '2026-07-15 19:00:00|2026-07-15 20:30:00|1|archive|created.mov|1', '... noon PDT stored as 19:00 UTC';
is db_sql("SELECT COUNT(*) FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $new_id AND action = 'create' AND `user` = 'staff'"),
    12, '... one audit row per filled field (webcast_auto included)';
is db_sql("SELECT webcast_auto FROM presentation WHERE id = $new_id"), 0,
    '... a state picked by hand (Archive ready) does not follow the schedule';
like req('GET', "/presentations/$new_id/", user => undef)->decoded_content,
    qr{webcast-archive\.$new_id\.ref\.mov}, '... on the public site at once';
like get_ok('/admin/workshops/100/?done=added'), qr{<p>Added\.</p>}, 'the workshop page says so';
my $ws = req('POST', '/admin/workshops/new', form => workshop_form());
is $ws->code, 303, 'a valid workshop: 303';
my $ws_id = db_sql(q{SELECT id FROM workshop WHERE slug = 'admin-t-new'});
is $ws->header('Location'), "$base/admin/workshops/$ws_id/?done=added", '... to its page';
is db_sql("SELECT CONCAT_WS('|', title, starts_on, ends_on, version) FROM workshop WHERE id = $ws_id"),
    'New admin workshop|2026-12-01|2026-12-03|1', '... stored';

# ---- Save pressed twice on a new record: added once
# A new form says when it was first shown; a re-post of the same form
# finds the record its first post added.
like get_ok('/admin/presentations/new?workshop=100'), qr{<input type="hidden" name="shown" value="\d{10}">},
    'a new form carries when it was shown';
unlike get_ok('/admin/presentations/104/edit'), qr{name="shown"}, '... an edit form does not';
my %again = (title => 'Created talk', starts_at => '2026-07-15T12:00',
             ends_at => '2026-07-15T13:30', slides_url => 'https://example.org/s.key',
             webcast_state => 'archive', webcast_path => 'kdmc/2026',
             webcast_filename => 'created.mov', shown => $shown);
my $twice = req('POST', '/admin/presentations/new', form => talk_form(%again));
is $twice->code, 303, 'the same presentation posted again: 303';
is $twice->header('Location'), "$base/admin/workshops/100/?done=already", '... to its workshop, marked';
is db_sql(q{SELECT COUNT(*) FROM presentation WHERE title = 'Created talk'}), 1, '... not added twice';
like get_ok('/admin/workshops/100/?done=already'), qr{<p>Already added by an earlier press of Save: it was not added twice\.</p>},
    '... and the page says so';
my $ws_twice = req('POST', '/admin/workshops/new', form => workshop_form(shown => $shown));
is $ws_twice->header('Location'), "$base/admin/workshops/$ws_id/?done=already", 'the same workshop posted again: to the first';
is db_sql(q{SELECT COUNT(*) FROM workshop WHERE slug = 'admin-t-new'}), 1, '... not added twice';
my $other_title = req('POST', '/admin/workshops/new', form => workshop_form(title => 'Another title', shown => $shown));
is $other_title->code, 422, 'a different workshop with a taken slug: still refused';
like field_error($other_title->decoded_content, 'slug') // '', qr/already has this web address/, '... beside the slug';
# What is not a second press: each adds a presentation.
my $count_created = q{SELECT COUNT(*) FROM presentation WHERE title = 'Created talk'};
my @not_twins = (
    [ 'one field different', talk_form(%again, speaker_name => 'Someone Else') ],
    [ 'the same from a form shown after it was added (a third identical entry)', talk_form(%again, shown => time + 5) ],
    [ 'the same from another person', talk_form(%again, token => token_for('helper')), user => 'helper' ],
    [ 'the same from a form that does not say when it was shown', talk_form(%again, shown => '') ],
);
for my $case (@not_twins) {
    my ($name, $form, %o) = @$case;
    my $before = db_sql($count_created);
    my $res = req('POST', '/admin/presentations/new', form => $form, %o);
    is $res->header('Location'), "$base/admin/workshops/100/?done=added", "$name: added";
    is db_sql($count_created), $before + 1, "$name: one more";
}
db_sql(qq{DELETE FROM presentation WHERE title = 'Created talk' AND id <> $new_id});
db_sql(qq{UPDATE presentation SET version = 2 WHERE id = $new_id});
is req('POST', '/admin/presentations/new', form => talk_form(%again))->header('Location'),
    "$base/admin/workshops/100/?done=added", 'the same as a record changed since: added';
db_sql(qq{DELETE FROM presentation WHERE title = 'Created talk' AND id <> $new_id});
db_sql(qq{UPDATE presentation SET version = 1 WHERE id = $new_id});
# Four presses at once (a double click on a slow line): they wait for
# each other on the workshop's row, and one of them adds.
my @kids;
for my $n (1 .. 4) {
    my $pid = fork // die "fork: $!";
    if (!$pid) {
        my $res = req('POST', '/admin/presentations/new',
                      form => talk_form(title => 'Clicked at once', shown => $shown));
        POSIX::_exit($res->code == 303 ? 0 : 1);
    }
    push @kids, $pid;
}
my $all_303 = 1;
for (@kids) { waitpid $_, 0; $all_303 &&= $? == 0 }
ok $all_303, 'four identical posts at once: all answered 303';
is db_sql(q{SELECT COUNT(*) FROM presentation WHERE title = 'Clicked at once'}), 1, '... one presentation added';
db_sql(q{DELETE FROM presentation WHERE title = 'Clicked at once'});

# ---- two people editing the same record: the second is told
my $form_staff = get_ok('/admin/presentations/104/edit', 'staff opens the form');
my $form_helper = get_ok('/admin/presentations/104/edit', 'helper opens the form', user => 'helper');
my ($v) = $form_staff =~ /name="version" value="(\d+)"/;
is $v, 1, 'the form carries the version';
my $helper_save = req('POST', '/admin/presentations/104/edit', user => 'helper',
                      form => talk_form(token => token_for('helper'), version => $v,
                                        title => 'Edited by helper', speaker_name => 'Ed Itor',
                                        starts_at => '2025-01-15T12:00', ends_at => '2025-01-15T13:00'));
is $helper_save->code, 303, 'helper saves: 303';
is $helper_save->header('Location'), "$base/admin/workshops/100/?done=saved", '... back to the workshop';
is field_of(104, 'version'), 2, '... version 2';
my $stale = req('POST', '/admin/presentations/104/edit',
                form => talk_form(version => $v, title => 'Edited talk', speaker_name => 'Ed Itor Jr.',
                                  starts_at => '2025-01-15T12:00', ends_at => '2025-01-15T13:00'));
is $stale->code, 409, "staff's save from the old version: 409";
my $stale_html = $stale->decoded_content;
like $stale_html, qr{Someone else saved this presentation while you were editing it}, '... told so';
like $stale_html, qr{<li>Title: &ldquo;Edited talk&rdquo; &rarr; &ldquo;Edited by helper&rdquo;, by helper, }, '... what changed, by whom';
like $stale_html, qr{id="f-speaker_name" name="speaker_name" type="text" value="Ed Itor Jr\."}, "... staff's own change kept";
like $stale_html, qr{id="f-title" name="title" type="text" value="Edited by helper"}, "... helper's change taken over where staff changed nothing";
like $stale_html, qr{helper changed this meanwhile}, '... and marked';
like $stale_html, qr{name="version" value="2"}, '... the form is now based on version 2';
html5_ok($stale_html, 'stale form');
is field_of(104, 'speaker_name'), 'Ed Itor', 'nothing of the stale save was written';
my $resave = req('POST', '/admin/presentations/104/edit',
                 form => talk_form(version => 2, title => 'Edited by helper', speaker_name => 'Ed Itor Jr.',
                                   starts_at => '2025-01-15T12:00', ends_at => '2025-01-15T13:00'));
is $resave->code, 303, 'saved again from the merged form: 303';
is db_sql(q{SELECT CONCAT_WS('|', title, speaker_name, version) FROM presentation WHERE id = 104}),
    'Edited by helper|Ed Itor Jr.|3', '... both changes kept';
my $clash = req('POST', '/admin/presentations/104/edit', user => 'helper',
                form => talk_form(token => token_for('helper'), version => 2, title => "Helper's title",
                                  speaker_name => 'Ed Itor', starts_at => '2025-01-15T12:00',
                                  ends_at => '2025-01-15T13:00'));
is $clash->code, 409, 'both changed the same field: 409';
like $clash->decoded_content, qr{value="Helper&#39;s title"}, "... helper's value kept in the form";
like $clash->decoded_content, qr{Saved meanwhile as: Edited by helper\. The form shows yours}, '... the saved value beside it';
is field_of(104, 'title'), 'Edited by helper', '... nothing written';
is req('POST', '/admin/presentations/104/edit',
       form => talk_form(version => 3, title => 'Edited by helper', speaker_name => 'Ed Itor Jr.',
                         starts_at => '2025-01-15T12:00', ends_at => '2025-01-15T13:00'))->header('Location'),
    "$base/admin/workshops/100/?done=unchanged", 'saving without a change: nothing to do';
is field_of(104, 'version'), 3, '... no new version';

# ---- the audit trail, shown per record
my $history = get_ok('/admin/presentations/104/edit', 'the record with its history');
like $history, qr{<h2>History</h2>}, 'a history section';
like $history, qr{<td>staff</td><td>Speaker</td><td>Ed Itor</td><td>Ed Itor Jr\.</td>}, "staff's change";
like $history, qr{<td>helper</td><td>Title</td><td>Edited talk</td><td>Edited by helper</td>}, "helper's change";
like get_ok('/admin/presentations/101/edit'), qr{<td>staff</td><td>Webcast state</td><td>Upcoming</td><td>Live</td>},
    'state flips in the history';
like get_ok("/admin/workshops/$ws_id/"), qr{<td>staff</td><td>Created: Title</td><td>\(empty\)</td><td>New admin workshop</td>},
    "a workshop's history";

# ---- delete: confirmed, checked, recorded, never cascading
like get_ok("/admin/presentations/$new_id/delete"), qr{<button type="submit" class="danger big">Delete</button>},
    'delete asks first';
is req('POST', "/admin/presentations/$new_id/delete", form => [ token => $token, version => 7 ])->code,
    409, 'delete from a stale page: 409';
is db_sql("SELECT COUNT(*) FROM presentation WHERE id = $new_id"), 1, '... nothing deleted';
my $del = req('POST', "/admin/presentations/$new_id/delete", form => [ token => $token, version => 1 ]);
is $del->code, 303, 'delete: 303';
is $del->header('Location'), "$base/admin/workshops/100/?done=deleted", '... to its workshop';
is db_sql("SELECT COUNT(*) FROM presentation WHERE id = $new_id"), 0, '... deleted';
is db_sql("SELECT new_value IS NULL FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $new_id AND action = 'delete' AND field = 'webcast_filename'") . '|'
   . db_sql("SELECT old_value FROM webcast_audit WHERE table_name = 'presentation' AND record_id = $new_id AND action = 'delete' AND field = 'webcast_filename'"),
    '1|created.mov', '... its values kept in the audit trail';
is req('GET', "/presentations/$new_id/", user => undef)->code, 404, '... gone from the public site';
my $busy = req('POST', '/admin/workshops/100/delete', form => [ token => $token, version => 1 ]);
is $busy->code, 409, 'a workshop with presentations cannot be deleted';
like $busy->decoded_content, qr{still has 5 presentations}, '... saying why';
is db_sql('SELECT COUNT(*) FROM presentation WHERE workshop_id = 100'), 5, '... nothing deleted';
is req('POST', '/admin/workshops/101/delete', form => [ token => $token, version => 1 ])->header('Location'),
    "$base/admin/workshops/?done=deleted", 'an empty workshop: deleted';
is db_sql('SELECT COUNT(*) FROM workshop WHERE id = 101'), 0, '... gone';

# ---- the database down during a save: nothing written, nothing lost
my $v104 = field_of(104, 'version');
WebcastTest::db('stop');
my $down = req('POST', '/admin/presentations/104/edit',
               form => talk_form(version => $v104, title => 'Typed while down'));
is $down->code, 503, 'a save while the database is down: 503';
like $down->header('Retry-After') // '', qr/^\d+$/, '... with Retry-After';
like $down->decoded_content, qr{nothing was saved}, '... saying so';
like $down->decoded_content, qr{value="Typed while down"}, '... with what was typed';
html5_ok($down->decoded_content, 'form while the database is down');
is flip(101, 'live', 'concluded')->code, 503, 'a flip while the database is down: 503';
WebcastTest::db('start');
ok defined WebcastTest::wait_for(15, sub { req('GET', '/admin/')->code == 200 }),
    'the admin recovers when the database is back';
is field_of(104, 'title'), 'Edited by helper', 'nothing of the failed save was written';

# ---- the migrations are idempotent
for my $file (qw(002-admin.sql 003-workshop-touch.sql)) {
    open my $mig, '-|', "$ENV{WEBCAST_TOP}/tools/mariadb-private", $ENV{WEBCAST_TEST_DB_DIR}, 'sql',
        '-e', "source $ENV{WEBCAST_TOP}/sql/$file" or die;
    my $out = do { local $/; <$mig> };
    ok close($mig), "sql/$file runs again without error" or diag $out;
}
is db_sql('SELECT GROUP_CONCAT(version ORDER BY version) FROM schema_version WHERE version IN (2, 3)'),
    '2,3', 'schema versions 2 and 3, once each';
is db_sql('SELECT COUNT(*) FROM webcast_audit') > 0, 1, 'the trail survives it';

# ---- WebcastAdminSecretFile at startup
my $dir = tempdir(CLEANUP => 1);
sub config_check {
    my ($file) = @_;
    return config_test($dir, [qw(authz_core dbd)],
                       "<Location /admin>\n    SetHandler webcast-admin\n"
                       . "    WebcastAdminSecretFile $file\n</Location>\n");
}
# A secret file in $dir holding $text with $mode; its path.
sub secret_file {
    my ($name, $text, $mode) = @_;
    open my $fh, '>', "$dir/$name" or die "$dir/$name: $!";
    print $fh $text;
    close $fh;
    chmod $mode, "$dir/$name";
    return "$dir/$name";
}
my ($rc, $msg) = config_check("$dir/new.secret");
is $rc, 0, 'a missing secret file is made' or diag $msg;
is((stat "$dir/new.secret")[2] & 0777, 0600, '... mode 0600');
like do { local (@ARGV, $/) = "$dir/new.secret"; <> }, qr/^[0-9a-f]{64}\n$/, '... 32 random bytes in hex';
($rc, $msg) = config_check(secret_file('short.secret', "too short\n", 0600));
isnt $rc, 0, 'a short secret stops startup';
like $msg, qr{WebcastAdminSecretFile \Q$dir\E/short\.secret: it holds 9 bytes; a secret needs at least 16}, '... saying why';
($rc, $msg) = config_check(secret_file('open.secret', "0123456789abcdef0123456789abcdef\n", 0644));
isnt $rc, 0, 'a secret others can read stops startup';
like $msg, qr{open\.secret: can be read or written by others}, '... saying why';
chmod 0600, "$dir/open.secret";
symlink "$dir/open.secret", "$dir/link.secret" or die;
($rc, $msg) = config_check("$dir/link.secret");
isnt $rc, 0, 'a symlink as the secret stops startup';
like $msg, qr{link\.secret: is not a plain file}, '... saying why';
($rc, $msg) = config_check("$dir/no/such/dir/x.secret");
isnt $rc, 0, 'an unwritable place stops startup';
like $msg, qr{WebcastAdminSecretFile \Q$dir\E/no/such/dir/x\.secret: cannot create it}, '... saying why';

# ---- states that follow the schedule, notices (SPEC 8)
my $new_form = get_ok('/admin/presentations/new?workshop=100', 'the new presentation form');
like $new_form, qr{<input[^>]*name="webcast_auto"[^>]*checked}, 'a new presentation follows the schedule by default';
my $auto_new = req('POST', '/admin/presentations/new',
                   form => talk_form(title => 'Auto by default', webcast_auto => 1,
                                     starts_at => '2026-07-16T12:00', ends_at => '2026-07-16T13:00'));
is $auto_new->code, 303, 'saved with Follow the schedule ticked';
is db_sql(q{SELECT webcast_auto FROM presentation WHERE title = 'Auto by default'}), 1, '... stored as automatic';

db_sql(q{DELETE FROM presentation WHERE id IN (150, 151)});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto) VALUES
  (150, 100, 'Clocked talk', 'Cora Clock', UTC_TIMESTAMP() - INTERVAL 10 MINUTE, UTC_TIMESTAMP() + INTERVAL 50 MINUTE, 1, 'upcoming', 1),
  (151, 100, 'Clocked later', 'Cal Later', UTC_TIMESTAMP() + INTERVAL 2 HOUR, UTC_TIMESTAMP() + INTERVAL 3 HOUR, 1, 'upcoming', 1)});
my $room = get_ok('/admin/', 'the control room');
like $room, qr{<li id="p150">.*?<span class="state live">Live</span>.*?<p class="mode"><strong>Automatic:</strong> Live since <time[^>]*>[^<]+</time> by the schedule; changes at <time}s,
    'control room: live by the schedule, since when and until when';
like $room, qr{<li id="p151">.*?<strong>Automatic:</strong> Upcoming by the schedule; changes at}s, 'an upcoming one says when it changes';
like $room, qr{<li id="p150">.*?name="to" value="concluded"}s, 'the flip offered is from the state shown (live), not the stored one';
unlike $room =~ s/.*<li id="p150">//sr =~ s/<\/li>.*//sr, qr{Follow the schedule}, 'no "Follow the schedule" while it does';

my $f = flip(150, 'live', 'concluded');
is $f->code, 303, 'ending it by hand';
is field_of(150, 'webcast_auto'), 0, '... turns the schedule off';
is state_of(150), 'concluded', '... and stores the state';
like req('GET', '/presentations/150/', user => undef)->decoded_content, qr{<div class="webcast concluded">}, '... the public page shows the hand-set state';
my $after = get_ok($f->header('Location') =~ s/^\Q$base\E//r, 'the page after the flip');
like $after, qr{is now <strong>Ended</strong>}, 'says what happened';
like $after, qr{action="/admin/presentations/150/auto">.*?>Undo</button>}s, 'Undo returns it to the schedule';
like $after, qr{<li id="p150">.*?<strong>Manual:</strong> set to Ended by staff at <time}s, 'manual, by whom and when';

my $back = req('POST', '/admin/presentations/150/auto', form => [ token => $token, back => 'today' ]);
is $back->code, 303, 'Follow the schedule: 303';
is field_of(150, 'webcast_auto'), 1, '... it follows the schedule again';
like req('GET', '/presentations/150/', user => undef)->decoded_content, qr{<div class="webcast live">}, '... and is live again on the site';
is db_sql(q{SELECT COUNT(*) FROM webcast_audit WHERE table_name = 'presentation' AND record_id = 150 AND field = 'webcast_auto'}),
    2, 'both changes of webcast_auto are in the audit trail';
is req('GET', '/admin/presentations/150/auto')->code, 405, 'GET on a button: 405';
is req('POST', '/admin/presentations/150/auto', form => [ token => 'x' ])->code, 403, 'no token: 403';
is field_of(150, 'webcast_auto'), 1, '... nothing changed';

# the form: a state picked by hand unticks the schedule
my $edit = get_ok('/admin/presentations/150/edit', 'edit form');
my ($v150) = $edit =~ /name="version" value="(\d+)"/;
my $saved = req('POST', '/admin/presentations/150/edit',
                form => talk_form(version => $v150, title => 'Clocked talk', webcast_auto => 1,
                                  webcast_state => 'live', starts_at => '2026-07-16T12:00', ends_at => '2026-07-16T13:00'));
is $saved->code, 303, 'saved with another state';
is field_of(150, 'webcast_auto'), 0, '... a state chosen in the form wins over the schedule';

# notices, one click each
my $n = req('POST', '/admin/presentations/150/notice', form => [ token => $token, back => 'today', notice => 'Back in <five> minutes' ]);
is $n->code, 303, 'set a notice: 303';
is $n->header('Location'), "$base/admin/?done=notice", '... back to the control room';
is field_of(150, 'notice'), 'Back in <five> minutes', '... stored';
like req('GET', '/presentations/150/', user => undef)->decoded_content, qr{<p>Back in &lt;five&gt; minutes</p>}, '... on the public page, escaped';
like req('GET', '/presentations/150/status.json', user => undef)->decoded_content, qr{"notice":"Back in \\u003cfive\\u003e minutes"}, '... in status.json';
like get_ok('/admin/'), qr{<input id="n-p150" name="notice"[^>]*value="Back in &lt;five&gt; minutes"}, 'the control room shows it in its field';
like get_ok('/admin/'), qr{aria-label="Clear notice: Clocked talk">Clear notice</button>}, '... with a Clear button';
is req('POST', '/admin/presentations/150/notice', form => [ token => $token, notice => 'x' x 1001 ])->code, 422, 'a notice too long: 422';
is field_of(150, 'notice'), 'Back in <five> minutes', '... nothing changed';
req('POST', '/admin/presentations/150/notice', form => [ token => $token, notice => '' ]);
is field_of(150, 'notice'), 'NULL', 'cleared';
my $wn = req('POST', '/admin/workshops/100/notice', form => [ token => $token, back => 'today', notice => 'Lunch moves to room 2' ]);
is $wn->code, 303, 'a workshop notice: 303';
like req('GET', '/workshops/admin-ws/', user => undef)->decoded_content, qr{<p>Lunch moves to room 2</p>}, '... on the workshop page';
req('POST', '/admin/workshops/100/notice', form => [ token => $token, notice => '' ]);
is db_sql('SELECT notice FROM workshop WHERE id = 100'), 'NULL', '... and cleared';

# ---- leave the database as the other tests expect it
db_sql(q{DELETE FROM presentation WHERE workshop_id IN (100, 101)});
db_sql(q{DELETE FROM workshop WHERE id IN (100, 101) OR slug LIKE 'admin-t-%'});

done_testing();
