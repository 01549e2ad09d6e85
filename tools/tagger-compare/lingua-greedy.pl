#!/usr/bin/perl
# lingua-greedy.pl -- the Perl package's own decoder (Lingua::EN::Tagger,
# greedy: each tag chosen from the previous one) on the hand-tagged wire
# sample, fed curlew's tokens, for comparison with curlew's Viterbi decoder
# over the same tables (tests/unit/test_tagger.c prints that figure):
#
#   perl tools/tagger-compare/lingua-greedy.pl tests/data/tagger/wire-sample.txt
use strict; use warnings; use Lingua::EN::Tagger; use Time::HiRes qw(time);
my $p = Lingua::EN::Tagger->new(stem => 0, relax => 0);
my %map = (ppc => ',', pp => '.', ppl => 'Q', ppr => 'Q', pps => ':', det => 'DT', prps => 'PRP$', lrb => '(', rrb => ')');
my @s; open my $f, '<', $ARGV[0] or die;
while (<$f>) { chomp; next unless s/^tags: //; push @s, [map { /^(.*)\/([^\/]+)$/; [$1, $2] } split / /]; }
my ($ok, $n) = (0, 0); my @err; my $t0 = time;
for my $s (@s) { my $k0 = 0;
  my $txt = join ' ', map { $_->[0] } @$s;
  my @pairs; my $prev = 'pp';
  for my $g (@$s) { my $w = $g->[0]; $w = ($k0++ == 0 ? '``' : "''") if $w eq '"'; my $c = $p->_clean_word($w); my $t = $p->_assign_tag($prev, $c) || 'nn'; $prev = $t; push @pairs, [$g->[0], $t]; }
  my $k = 0; 
  for my $g (@$s) {
    my ($w, $gt) = @$g; $gt = 'Q' if $gt eq '``' || $gt eq "''";
    while ($k < @pairs && $pairs[$k][0] ne $w && index($w, $pairs[$k][0]) != 0) { $k++; }
    my $pt = $k < @pairs ? ($map{$pairs[$k][1]} // uc $pairs[$k][1]) : '?';
    $n++; if ($pt eq $gt) { $ok++ } else { push @err, "$w $gt->$pt" }
  }
}
printf "lingua-en-tagger: %d/%d = %.1f%%, %.0f ms\n", $ok, $n, 100*$ok/$n, 1000*(time-$t0);
print "  ", join('; ', @err), "\n" if $ENV{V};
