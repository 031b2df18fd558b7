# Sourced by bench-claims.sh and bench-claims-server.sh: the article both time, and the median
# both print.
#
#   claims_bench_article FILE
#
# Writes the benchmark article to FILE: the corpus articles 01, 02, 04, 05, 06 and 07 without
# their front matter, twice (about 1,500 words, 146 claims).
claims_bench_article() {
  local corpus=Tests/MonaziteClaimsTests/Corpus f
  : > "$1"
  for _ in 1 2; do
    for f in "$corpus"/article-01-june-rebound.txt "$corpus"/article-02-october-trade-press.md "$corpus"/article-04-dependence-brief.md \
      "$corpus"/article-05-march-2026.txt "$corpus"/article-06-august-heldout.txt "$corpus"/article-07-truce-heldout.md; do
      grep -v '^---$\|^date:\|^title:' "$f" >> "$1"; echo >> "$1"
    done
  done
}

#   ... | median_ms FACTOR
#
# The median of the numbers on standard input (one per line) times FACTOR, to 0.1.
median_ms() {
  sort -n | awk -v f="$1" '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] * f}'
}
