# t/badinput.t - the bad input catalogue: every public and admin URL with
# the nasty cases. Each must get a clean 4xx (or, where httpd itself
# answers first, its own 4xx) - never a 5xx, never another record's data -
# and the database must be unchanged afterwards.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use Apache::TestRequest ();
use IO::Socket::INET ();
use MIME::Base64 qw(encode_base64);
use Time::HiRes qw(sleep time);
use lib 't/lib';
use WebcastTest qw(db_sql raw_request);

Apache::TestRequest::module('webcast_site');

my $auth = 'Authorization: Basic ' . encode_base64('staff:staff-pass', '') . "\r\n";
my $checksum = sub { db_sql('CHECKSUM TABLE workshop, presentation') };
my $before = $checksum->();

my @public = ('/', '/workshops/test-ws/', '/presentations/1/',
              '/presentations/webcast-archive.1.ref.mov',
              '/presentations/webcast-live.2.ref.mov');
my @admin = ('/admin/', '/admin/workshops/', '/admin/workshops/1/',
             '/admin/presentations/1/edit');

# Targets derived from each URL: each must answer 4xx.
sub nasty {
    my ($url) = @_;
    (my $base = $url) =~ s{/$}{};
    return (
        $base . '/' . ('a' x 8000),                       # overlong path
        "$url?" . ('q=' . 'x' x 7900),                      # overlong query (still served or 4xx)
        "$base/%00",                                        # NUL
        "$base/%01%02%1b",                                  # control bytes, encoded
        "$base/%ff%fe%c0%af",                               # invalid UTF-8
        "$base/%252e%252e/%252e%252e/etc/passwd",           # double encoding
        "$base/../../../../etc/passwd",                     # traversal, normalised
        "$base/%2e%2e/%2e%2e/etc/passwd",                   # traversal, encoded
        "$base/99999999999999999999999999/",                # huge id
        "$base/\x{7f}",
    );
}

my (@five, @leak);
for my $url (@public, @admin) {
    for my $target (nasty($url)) {
        (my $wire = $target) =~ s/([^\x21-\x7e])/sprintf('%%%02X', ord $1)/ge;
        my $res = raw_request('GET', $wire, headers => $auth);
        push @five, "$res->{status} $wire" if $res->{status} !~ /^[234]\d\d$/ || $res->{status} >= 500;
        # (the long query string is no fault of the path: served as usual)
        push @leak, $wire if $res->{body} =~ m{root:x:0:0}
            || ($res->{body} =~ /RTSPtext/ && $wire !~ /\?q=/);
    }
}
is_deeply \@five, [], 'no 5xx (or garbage) for any nasty path under any URL';
is_deeply \@leak, [], 'no movie or file content for a nasty path';

# Raw control bytes and a NUL in the request line: httpd refuses them.
for my $bad ("/presentations/1\x00/", "/presentations/\x01/", "/work shops/") {
    my $res = raw_request('GET', $bad);
    like $res->{status}, qr/^4\d\d$/, sprintf('raw bytes in the request line: %d', $res->{status});
}

# Wrong methods everywhere public: 405 (or httpd's own 4xx/501 for unknown ones).
for my $method (qw(PUT DELETE PATCH PROPFIND BREW)) {
    my @bad = grep { raw_request($method, $_)->{status} !~ /^(405|501)$/ } @public;
    is_deeply \@bad, [], "$method on every public URL: 405 or 501";
}

# Oversized POST bodies to the admin: refused before they are read in full.
my $big = 'title=' . ('x' x (2 * 1024 * 1024));
my $res = raw_request('POST', '/admin/workshops/new', body => $big,
    headers => $auth . "Origin: http://" . Apache::TestRequest::hostport() . "\r\n"
               . "Content-Type: application/x-www-form-urlencoded\r\n");
like $res->{status}, qr/^(403|413)$/, "2 MB POST to the admin: $res->{status}";
my $huge_fields = join '&', map { "f$_=v" } 1 .. 50000;
$res = raw_request('POST', '/admin/workshops/new', body => $huge_fields,
    headers => $auth . "Content-Type: application/x-www-form-urlencoded\r\n");
like $res->{status}, qr/^4\d\d$/, "50 000 fields without a token: $res->{status}";

# A slow client (slowloris within httpd's limits) does not stall others.
my $slow = IO::Socket::INET->new(PeerAddr => Apache::TestRequest::hostport(), Timeout => 10)
    or die "connect: $!";
print $slow "GET /workshops/test-ws/ HTTP/1.1\r\nHost: x\r\n";
my $t0 = time;
for (1 .. 6) {
    print $slow "X-Slow-$_: y\r\n";
    my $other = raw_request('GET', '/presentations/1/');
    die "other client: $other->{status}" unless $other->{status} == 200;
    sleep 0.3;
}
ok time - $t0 < 10, 'other clients were served while a slow one dribbled headers';
print $slow "Connection: close\r\n\r\n";
my $answer = do { local $/; <$slow> } // '';
like $answer, qr{^HTTP/1\.1 200 }, 'and the slow client got its page in the end';

is $checksum->(), $before, 'the database is unchanged';

done_testing();
