# t/build.t - the build as an Apache admin meets it: `make install` puts
# mod_webcast.so into apxs's LIBEXECDIR and hls.min.js (from npm) into the
# assets directory, nothing else; configure says clearly what is missing.
use strict;
use warnings FATAL => 'all';

use Apache::Test qw(-withtestmore);
use File::Find qw(find);
use File::Temp qw(tempdir);

plan tests => 4;

my $top = $ENV{WEBCAST_TOP};
my $libexec = `apxs -q LIBEXECDIR`;
chomp $libexec;

my $dest = tempdir(CLEANUP => 1);
my $out = `make -C '$top' -s install DESTDIR='$dest' 2>&1`;
is $?, 0, 'make install succeeds' or diag $out;
my @files;
find(sub { push @files, substr($File::Find::name, length $dest) if -f $_ }, $dest);
# the assets directory is configure's --with-assetsdir (tools/test: the
# build tree's node_modules/hls.js/dist)
my ($assets) = `make -C '$top' -s --no-print-directory -f Makefile -f - show-assetsdir <<'MAKE'
show-assetsdir: ; \@echo \$(assetsdir)
MAKE
` =~ /(\S+)/;
is_deeply [sort @files], [sort "$libexec/mod_webcast.so", "$assets/hls.min.js"],
    'make install installs mod_webcast.so into LIBEXECDIR and hls.min.js into the assets directory, nothing else';

# configure in a copy, so the tree under test keeps its own configuration
my $copy = tempdir(CLEANUP => 1);
system('cp', '-a', "$top/configure", "$top/build-aux", "$top/Makefile.in",
       "$top/config.h.in", "$top/mod_webcast.c", $copy) == 0 or die 'copy';
my $conf = `cd '$copy' && ./configure --with-apxs=/nonexistent/apxs 2>&1`;
isnt $?, 0, 'configure fails without apxs';
like $conf, qr/apxs not found: install apache2-dev/, 'and says what to install';
