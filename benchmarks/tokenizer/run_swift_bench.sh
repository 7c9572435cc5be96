#!/bin/sh
# Builds the tokenizer benchmark driver with -O from the tokenizer sources only and runs it.
# usage: benchmarks/tokenizer/run_swift_bench.sh <tokenizer dir> <corpus.txt>
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${TMPDIR:-/tmp}/sftnb-tokenizer-bench-bin
swiftc -O -wmo -module-name Engine -o "$out" \
  "$root"/Sources/Engine/Text/*.swift "$root"/Sources/Engine/Text/Regex/*.swift \
  "$root"/Sources/Engine/Tokenizers/*.swift "$root"/Sources/Engine/Support/AtomicFile.swift \
  "$root"/benchmarks/tokenizer/main.swift 2>&1 | grep -v warning || true
"$out" "$1" "$2"
