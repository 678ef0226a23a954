# t/admin_degraded.t - a database the admin cannot use (migration 002 not
# loaded, or no write grant) breaks the admin only, with a log line that
# says so; the public site keeps serving.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);
use MIME::Base64 qw(encode_base64);
use lib 't/lib';
use WebcastTest qw(db db_sql raw_request wait_for);

Apache::TestRequest::module('webcast_site');
my $auth = 'Authorization: Basic ' . encode_base64('staff:staff-pass', '') . "\r\n";

plan tests => 7;

is raw_request('GET', '/admin/workshops/1/', headers => $auth)->{status}, 200,
    'admin works with the migration loaded';

# As if sql/002-admin.sql had not been loaded: its audit table is missing.
db_sql('RENAME TABLE webcast_audit TO webcast_audit_away');
db 'kill-connections';          # new connections, prepared afresh
t_start_error_log_watch();
is raw_request('GET', '/workshops/test-ws/')->{status}, 200, 'public workshop page: 200';
is raw_request('GET', '/presentations/webcast-archive.1.ref.mov')->{status}, 200,
    'public reference movie: 200';
my $admin = raw_request('GET', '/admin/workshops/1/', headers => $auth);
is $admin->{status}, 503, 'the admin page: 503';
my @log = t_finish_error_log_watch();
ok scalar(grep { /cannot be prepared.*002-admin\.sql/ } @log),
    'the log names the migration' or diag @log;

db_sql('RENAME TABLE webcast_audit_away TO webcast_audit');
db 'kill-connections';
ok defined wait_for(10, sub {
    raw_request('GET', '/admin/workshops/1/', headers => $auth)->{status} == 200 }),
    'the admin heals once the table is back';
is raw_request('GET', '/workshops/test-ws/')->{status}, 200, 'and the site still serves';
