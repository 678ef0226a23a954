# t/routing.t - the URL map: malformed paths, methods, declined paths.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest qw(GET);
use lib 't/lib';
use WebcastTest qw(raw_request);

Apache::TestRequest::module('webcast_site');

my @malformed_ids = (
    'abc', '-1', '+1', '01', '0', '1.0', '1x', 'x1', '4294967296',
    '18446744073709551617', '99999999999999999999999', '1%00', '%31',
    '1%20', '', ' 1', '1e3', '0x1', '1;', "1'",
);
my @mounts = ('', '/kdmc/webcasts');
my @movies = ('ref.mov', 'qtl', 'rmra.mov');

plan tests => 2 * @malformed_ids * @mounts * @movies + 19 + 6;

for my $m (@mounts) {
    for my $id (@malformed_ids) {
        for my $kind ('archive', 'live') {
            for my $suffix (@movies) {
                my $path = "$m/presentations/webcast-$kind.$id.$suffix";
                (my $target = $path) =~ s/ /%20/g;
                is raw_request('GET', $target)->{status}, 404, "404: $target";
            }
        }
    }
}

for my $path ('/presentations/webcast-archive.1.ref.mov/',
              '/presentations/webcast-archive.1.ref.movie',
              '/presentations/webcast-archive.1.REF.MOV',
              '/presentations/webcast-arch.1.ref.mov',
              '/presentations/1/trailing',
              '/workshops/Not_A_Slug/',
              '/presentations/webcast-archive.%31.ref.mov',
              '/presentations/webcast-archive.1.qtl/',
              '/presentations/webcast-archive.1.QTL',
              '/presentations/webcast-archive.1.qtlx',
              '/presentations/webcast-archive.1.rmra',
              '/presentations/webcast-archive.1.ref.rmra.mov',
              '/presentations/webcast-archive.1.rmra.mov.bak') {
    is raw_request('GET', $path)->{status}, 404, "404: $path";
}

# Methods: HEAD and GET only.
for my $method ('POST', 'PUT', 'DELETE', 'OPTIONS') {
    my $res = raw_request($method, '/presentations/webcast-archive.1.ref.mov');
    subtest "$method is 405" => sub {
        plan tests => 3;
        is $res->{status}, 405, 'status 405';
        like $res->{headers}{allow} // '', qr/\bGET\b/, 'Allow names GET';
        unlike $res->{headers}{allow} // '', qr/\b(POST|PUT|DELETE)\b/,
            'Allow does not offer writes';
    };
}

# Paths outside the map are declined: static files under the Location serve.
my $css = GET '/static/site.css';
is $css->code, 200, 'static file under / mount';
like $css->content, qr/static file under the webcast location/, 'its content';
my $css2 = GET '/kdmc/webcasts/static/site.css';
is $css2->code, 200, 'static file under /kdmc/webcasts';
like $css2->content, qr{under /kdmc/webcasts}, 'its content';
is GET('/static/missing.css')->code, 404, 'missing static file is a plain 404';

# Dot segments are resolved by httpd before we see the path.
is GET('/static/../presentations/webcast-archive.1.ref.mov')->code, 200,
    'dot segments normalised by httpd';

# A wrong id never answers with another record.
unlike GET('/presentations/webcast-archive.1%30.ref.mov')->content,
    qr/RTSPtext/, 'encoded digit is not an alias';

# Error answers are quick and never 500.
for my $t ('/presentations/webcast-archive.' . ('9' x 5000) . '.ref.mov') {
    my $res = raw_request('GET', $t);
    ok $res->{status} =~ /^4\d\d$/, "overlong id answers 4xx ($res->{status})";
}
