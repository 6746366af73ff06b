#!/usr/bin/env bash
# NLP speed benchmark: Newsline's enrichment against CoreNLP's default English pipeline on the corpus,
# one JVM, one thread. Prints documents/s for both and the ratio; writes nlp.json to bench/results/ (git-ignored)
# or to the folder --out names.
# Usage: bench/nlp.sh [--out DIR] [ROUNDS] [CPU_SECONDS_PER_RUN]   (defaults 3 and 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/bench/results"
if [ "${1:-}" = "--out" ]; then out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2; fi
cd "$root"
corpus="${NEWSLINE_CORPUS:-$root/../shared/corpus}/articles"
corpus_uk="${NEWSLINE_CORPUS_UK:-$root/../shared/corpus-uk}/articles"   # Ukrainian and Russian, timed beside the English
mvn -B -q -o -pl nlp-service test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o -pl nlp-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
mkdir -p "$out"
# CoreNLP's default pipeline holds three NER models, the POS tagger and SUTime: give it room.
exec java -Xmx3g -XX:ActiveProcessorCount=1 \
  -cp "nlp-service/target/classes:nlp-service/target/test-classes:$(cat "$cp_file")" \
  io.newsline.nlp.bench.NlpBenchmark "$corpus" "$out/nlp.json" "${1:-3}" "${2:-5}" "$corpus_uk"
