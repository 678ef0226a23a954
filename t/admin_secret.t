# t/admin_secret.t - a webcast-admin location without WebcastAdminSecretFile
# works with the module's own secret (made at startup in DefaultRuntimeDir,
# kept across restarts), never a 500; what cannot work stops startup with
# a message naming the line.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use Digest::SHA qw(hmac_sha1_hex);
use File::Temp qw(tempdir);
use HTTP::Request::Common ();
use LWP::UserAgent ();
use lib 't/lib';
use WebcastTest qw(db_sql config_test);

Apache::TestRequest::module('webcast_site');
my $base = 'http://' . Apache::TestRequest::hostport();
my $ua = LWP::UserAgent->new(max_redirect => 0, timeout => 30);

sub slurp { my ($f) = @_; open my $fh, '<', $f or die "$f: $!"; local $/; <$fh> }

sub req {
    my ($method, $path, @form) = @_;
    my $r = $method eq 'POST' ? HTTP::Request::Common::POST("$base$path", \@form)
                              : HTTP::Request->new($method, "$base$path");
    $r->authorization_basic('staff', 'staff-pass');
    $r->header(Origin => $base);
    return $ua->request($r);
}

sub token_of { ($_[0] =~ /name="token" value="([0-9a-f]{40})"/)[0] // '' }

sub tokens_of_secret {
    my ($secret) = @_;
    $secret =~ s/^\s+|\s+$//g;
    my $day = int(time / 86400);
    return map { hmac_sha1_hex("staff\n$_", $secret) } $day, $day - 1;
}

# ---- the running server: /admin-own has no WebcastAdminSecretFile
my $own_file = Apache::Test::vars('t_logs') . '/webcast-admin.secret';
ok -f $own_file, "the module made its own secret in DefaultRuntimeDir ($own_file)";
is((stat $own_file)[2] & 0777, 0600, '... mode 0600');
my $own = -f $own_file ? slurp($own_file) : "";
like $own, qr/^[0-9a-f]{64}\n\z/, '... 32 random bytes in hex';
isnt $own, slurp(Apache::Test::vars('t_logs') . '/admin.secret'),
    '... not the secret file of the other admin';

my $page = req('GET', '/admin-own/');
is $page->code, 200, 'the admin without WebcastAdminSecretFile: 200, not 500';
my $token = token_of($page->decoded_content);
ok((grep { $_ eq $token } tokens_of_secret($own)),
   'its forms carry tokens made with the module\'s own secret') or diag "token $token";
my $other = token_of(req('GET', '/admin/')->decoded_content);
isnt $token, $other, 'the admin with its own secret file makes other tokens';

db_sql(q{DELETE FROM presentation WHERE workshop_id = 120});
db_sql(q{DELETE FROM workshop WHERE id = 120});
db_sql(q{INSERT INTO workshop (id, slug, title, starts_on, ends_on, live_stream) VALUES
  (120, 'secret-ws', 'Secret workshop', CURRENT_DATE - INTERVAL 1 DAY, CURRENT_DATE + INTERVAL 1 DAY,
   'secret-room.sdp')});
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state) VALUES
  (120, 120, 'Secret talk', 'Sam Secret', '2026-03-01 17:00:00', '2026-03-01 18:00:00', 1, 'upcoming')});
sub state_of { db_sql('SELECT webcast_state FROM presentation WHERE id = 120') }

my @flip = (from => 'upcoming', to => 'live', back => 'today');
is req('POST', '/admin-own/presentations/120/state', token => $other, @flip)->code, 403,
    'a token of the other secret is refused there';
is state_of(), 'upcoming', '... and nothing changed';
is req('POST', '/admin-own/presentations/120/state', token => $token, @flip)->code, 303,
    'a change with its own token is saved (303)';
is state_of(), 'live', '... and the state is live';

# A talk that follows the schedule: its flip's Undo is signed too.
db_sql(q{INSERT INTO presentation (id, workshop_id, title, speaker_name, starts_at, ends_at,
  has_webcast, webcast_state, webcast_auto) VALUES
  (121, 120, 'Scheduled secret talk', 'Sue Schedule', UTC_TIMESTAMP() - INTERVAL 10 MINUTE,
   UTC_TIMESTAMP() + INTERVAL 50 MINUTE, 1, 'upcoming', 1)});
my $auto = req('POST', '/admin-own/presentations/121/state', token => $token,
               from => 'live', to => 'concluded', back => 'today');
is $auto->code, 303, 'ending a talk that follows the schedule: 303';
my ($sig) = ($auto->header('Location') // '') =~ /[?&]from=auto&sig=([0-9a-f]{40})/;
my $own_key = $own =~ s/\s+\z//r;
is $sig, hmac_sha1_hex("staff\nflipped 121 from auto\n" . int(time / 86400), $own_key),
    '... its Undo link is signed with the module\'s own secret';
like req('GET', $auto->header('Location') =~ s/^\Q$base\E//r)->decoded_content,
    qr{action="/admin-own/presentations/121/auto">.*?>Undo</button>}s, '... and the page after offers it';

db_sql(q{DELETE FROM presentation WHERE workshop_id = 120});
db_sql(q{DELETE FROM workshop WHERE id = 120});

# ---- at startup (apache2 -t runs the same checks)
my $admin = "<Location /admin>\n    SetHandler webcast-admin\n</Location>\n";
{
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, [qw(authz_core dbd)], $admin);
    is $rc, 0, 'no WebcastAdminSecretFile: httpd starts' or diag $out;
    my $made = "$dir/webcast-admin.secret";
    is((stat $made)[2] & 0777, 0600, '... having made DefaultRuntimeDir/webcast-admin.secret, mode 0600');
    my $first = -f $made ? slurp($made) : '';
    like $first, qr/^[0-9a-f]{64}\n\z/, '... 32 random bytes in hex';
    like $out, qr{made a new admin token secret in \Q$made\E}, '... and says so';
    ($rc, $out) = config_test($dir, [qw(authz_core dbd)], $admin);
    is $rc, 0, 'started again' or diag $out;
    is slurp($made), $first, '... the same secret: kept across restarts';
}
{
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, [qw(authz_core dbd)],
                                 "<Location /w>\n    SetHandler webcast\n</Location>\n");
    is $rc, 0, 'a site without an admin starts' or diag $out;
    ok !-e "$dir/webcast-admin.secret", '... and makes no secret';
}
{
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, [qw(authz_core dbd)],
                                 "WebcastAdminSecretFile $dir/site.secret\n$admin");
    is $rc, 0, 'WebcastAdminSecretFile around the admin: httpd starts' or diag $out;
    ok -f "$dir/site.secret" && !-e "$dir/webcast-admin.secret",
        '... with that file, not the module\'s own';
}
{
    my $dir = tempdir(CLEANUP => 1);
    mkdir "$dir/webcast-admin.secret" or die;
    my ($rc, $out) = config_test($dir, [qw(authz_core dbd)], $admin);
    isnt $rc, 0, 'the own secret cannot be used: httpd refuses to start';
    like $out, qr{httpd\.conf line \d+: SetHandler webcast-admin without WebcastAdminSecretFile uses the module's own secret file \Q$dir\E/webcast-admin\.secret: is not a plain file.*Set WebcastAdminSecretFile},
        '... naming the line, the file, why, and the directive' or diag $out;
}
{
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, ['authz_core'], $admin);
    isnt $rc, 0, 'an admin without mod_dbd: httpd refuses to start';
    like $out, qr/mod_webcast's admin needs mod_dbd/, '... saying so' or diag $out;
}

my @misplaced = (
    [ '<Directory>', "<Directory /srv>\n    SetHandler webcast-admin\n</Directory>\n" ],
    [ '<LocationMatch>', "<LocationMatch ^/admin>\n    SetHandler webcast-admin\n</LocationMatch>\n" ],
    [ '<Location ~>', "<Location ~ \"^/admin\">\n    SetHandler webcast-admin\n</Location>\n" ],
    [ 'a wildcard <Location>', "<Location /admin*>\n    SetHandler webcast-admin\n</Location>\n" ],
    [ '<If> in a <Location>', "<Location /admin>\n    <If \"true\">\n        SetHandler webcast-admin\n    </If>\n</Location>\n" ],
    [ 'the server itself', "SetHandler webcast-admin\n" ],
);
for my $case (@misplaced) {
    my ($where, $body) = @$case;
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, [qw(authz_core dbd)], $body);
    isnt $rc, 0, "SetHandler webcast-admin in $where: httpd refuses to start";
    like $out, qr{httpd\.conf line \d+: SetHandler webcast-admin must be directly inside a <Location> of a plain path},
        '... naming the line' or diag $out;
}
{
    my $dir = tempdir(CLEANUP => 1);
    my ($rc, $out) = config_test($dir, [qw(authz_core dbd)],
        "<Location \"/staff admin\">\n    <Limit POST>\n        Require all granted\n    </Limit>\n"
        . "    SetHandler \"webcast-admin\"\n</Location>\n");
    is $rc, 0, 'a quoted path and handler, and a <Limit> beside: httpd starts' or diag $out;
}

done_testing();
