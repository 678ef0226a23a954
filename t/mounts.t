# t/mounts.t - where the site is mounted: the <Location> that sets the
# handler, whichever section the Webcast* directives are in; and a mount
# without URL patterns.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET GET_BODY);
use Apache::TestUtil qw(t_start_error_log_watch t_finish_error_log_watch);

plan tests => 8;

# Directives at virtual-host level, SetHandler alone in <Location /srv/webcasts>.
Apache::TestRequest::module('webcast_srv');
my $movie = GET '/srv/webcasts/presentations/webcast-archive.1.ref.mov';
is $movie->code, 200, 'vhost-level patterns serve under the Location';
is $movie->content, "RTSPtext\r\nrtsp://srv.example.org/kdmc/2025/lunch-keynote.mov\r\n",
    'with the vhost-level pattern';
like GET_BODY('/srv/webcasts/workshops/test-ws/'),
    qr{href="/srv/webcasts/presentations/1/"}, 'links carry the mount point';
is GET('/srv/webcasts/static-not-ours.css')->code, 404, 'paths outside the map are declined';

# The main server's /bare has the handler but no patterns.
Apache::TestRequest::module('default');
t_start_error_log_watch();
my $bare = GET '/bare/presentations/webcast-archive.1.ref.mov';
is $bare->code, 404, 'no WebcastArchiveURL: 404';
like $bare->content, qr{Page not found}, 'our readable 404 page';
my @log = t_finish_error_log_watch();
ok scalar(grep { /mod_webcast: WebcastArchiveURL is not set for \/bare\// } @log),
    'the log says which directive is missing';
is GET('/bare/workshops/test-ws/')->code, 200, 'pages still work there';
