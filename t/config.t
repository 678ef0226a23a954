# t/config.t - configuration errors stop httpd at startup with a message
# naming the problem (apache2 -t on small generated configs).
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use File::Temp qw(tempdir);
use lib 't/lib';
use WebcastTest qw(config_test);

my $top = $ENV{WEBCAST_TOP};

my @cases = (
    [ 'unknown placeholder',
      "WebcastArchiveURL rtsp://h/{path}/{fiel}",
      qr/WebcastArchiveURL "rtsp:\/\/h\/\{path\}\/\{fiel\}" has unknown placeholder \{fiel\} \(known here: \{path\}, \{file\}, \{id\}\)/ ],
    [ 'placeholder of the other directive',
      "WebcastArchiveURL rtsp://h/{stream}",
      qr/unknown placeholder \{stream\}/ ],
    [ 'live placeholder list',
      "WebcastLiveURL rtsp://h/{file}",
      qr/unknown placeholder \{file\} \(known here: \{id\}, \{stream\}\)/ ],
    [ 'pattern with a space',
      'WebcastArchiveURL "rtsp://h/a b/{file}"',
      qr/must be plain ASCII without spaces/ ],
    [ 'missing argument',
      'WebcastLiveURL',
      qr/WebcastLiveURL takes one argument/ ],
    [ 'archive pattern that names no file',
      'WebcastArchiveURL rtsp://h/{path}/',
      qr/names neither \{file\} nor \{id\}/ ],
    [ 'no scheme',
      'WebcastArchiveURL qtss.example.edu/{file}',
      qr/must start with a scheme/ ],
    [ 'unmatched brace',
      'WebcastArchiveURL rtsp://h/{file',
      qr/unmatched '\{'/ ],
    [ 'embed ancestor that would end the policy',
      "WebcastEmbedAncestors 'self' https://a.example;script-src",
      qr/WebcastEmbedAncestors "https:\/\/a\.example;script-src" is not a Content-Security-Policy source/ ],
    [ 'embed ancestors without a source',
      'WebcastEmbedAncestors',
      qr/WebcastEmbedAncestors needs at least one source/ ],
    [ 'alternate without a rate',
      'WebcastArchiveAlternate rtsp://h/{file}',
      qr/WebcastArchiveAlternate takes two arguments/ ],
    [ 'alternate rate that is not a number',
      'WebcastArchiveAlternate 56k rtsp://h/{file}',
      qr/WebcastArchiveAlternate "56k": the first argument must be the data rate in bits per second/ ],
    [ 'alternate rate beyond 32 bits',
      'WebcastArchiveAlternate 4294967296 rtsp://h/{file}',
      qr/must be the data rate in bits per second, such as 56000/ ],
    [ 'alternate with a live placeholder',
      'WebcastArchiveAlternate 56000 rtsp://h/{stream}',
      qr/WebcastArchiveAlternate 56000 "rtsp:\/\/h\/\{stream\}" has unknown placeholder \{stream\}/ ],
    [ 'alternate that names no file',
      'WebcastArchiveAlternate 56000 rtsp://h/{path}/',
      qr/WebcastArchiveAlternate "rtsp:\/\/h\/\{path\}\/" names neither \{file\} nor \{id\}/ ],
    [ 'download that is not http(s)',
      'WebcastArchiveDownload rtsp://h/{path}/{file}',
      qr/WebcastArchiveDownload "rtsp:\/\/h\/\{path\}\/\{file\}" must be an http:\/\/ or https:\/\/ URL/ ],
    [ 'download whose host comes from the database',
      'WebcastArchiveDownload https://m{id}.example.org/{file}',
      qr/with the host written out/ ],
    [ 'download that names no file',
      'WebcastArchiveDownload https://h/{path}/',
      qr/WebcastArchiveDownload "https:\/\/h\/\{path\}\/" names neither \{file\} nor \{id\}/ ],
    [ 'shared max-age that is not seconds',
      'WebcastSharedMaxAge 10s',
      qr/WebcastSharedMaxAge "10s" must be a number of seconds from 0 to 86400/ ],
    [ 'negative stale-while-revalidate',
      'WebcastStaleWhileRevalidate -5',
      qr/WebcastStaleWhileRevalidate "-5" must be a number of seconds from 0 to 86400/ ],
    [ 'stale-if-error beyond a week',
      'WebcastStaleIfError 604801',
      qr/WebcastStaleIfError "604801" must be a number of seconds from 0 to 604800/ ],
    [ 'mod_dbd not loaded',
      'WebcastArchiveURL rtsp://h/{file}',
      qr/mod_webcast needs mod_dbd/, 'no dbd' ],
);

plan tests => 2 * @cases + 3;

my $dir = tempdir(CLEANUP => 1);

sub check_config {
    my ($directive, $no_dbd) = @_;
    return config_test($dir, [ 'authz_core', $no_dbd ? () : 'dbd' ],
                       "<Location /w>\n    SetHandler webcast\n    $directive\n</Location>\n");
}

for my $case (@cases) {
    my ($name, $directive, $re, $no_dbd) = @$case;
    my ($rc, $out) = check_config($directive, $no_dbd);
    isnt $rc, 0, "$name: httpd refuses to start";
    like $out, $re, "$name: message says what is wrong" or diag $out;
}

my ($rc, $out) = check_config("WebcastArchiveURL rtsp://h:554/{path}/{file}\n"
                              . "    WebcastArchiveAlternate 56000 rtsp://h/56k/{file}\n"
                              . "    WebcastArchiveAlternate 0 rtsp://h/any/{id}\n"
                              . "    WebcastLiveURL rtsp://h/{stream}?t={id}\n"
                              . "    WebcastArchiveDownload https://h/dl/{path}/{file}.mp4?id={id}\n"
                              . "    WebcastSharedMaxAge 60\n    WebcastStaleWhileRevalidate 0\n"
                              . "    WebcastStaleIfError 604800");
is $rc, 0, 'a good config passes apache2 -t' or diag $out;
like $out, qr/Syntax OK/, 'Syntax OK';

# conf/httpd-example.conf, as a site would include it; the files it names
# outside the configuration are replaced by ones here (Debian's snakeoil
# pair may not exist yet and its key is not ours to read; the admin
# secret is made at startup where only root may write).
{
    system("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=test "
           . "-keyout '$dir/key.pem' -out '$dir/cert.pem' >/dev/null 2>&1") == 0
        or die "openssl req failed";
    open my $in, '<', "$top/conf/httpd-example.conf" or die $!;
    my $example = do { local $/; <$in> };
    $example =~ s{/etc/ssl/certs/ssl-cert-snakeoil\.pem}{$dir/cert.pem}
        or die 'no certificate line in the example';
    $example =~ s{/etc/ssl/private/ssl-cert-snakeoil\.key}{$dir/key.pem}
        or die 'no key line in the example';
    $example =~ s{/var/lib/apache2/webcast-admin\.secret}{$dir/admin.secret}
        or die 'no secret file line in the example';
    open my $out_fh, '>', "$dir/example-site.conf" or die $!;
    print $out_fh $example;
    close $out_fh;
    my ($rc, $out) = config_test($dir, [qw(authz_core authn_core authn_file auth_basic
                                           authz_user alias dbd ssl)],
                                 "Include $dir/example-site.conf\n");
    is $rc, 0, 'conf/httpd-example.conf passes apache2 -t' or diag $out;
}
