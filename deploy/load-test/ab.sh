#!/usr/bin/env bash
# A/B of two builds under the same load, one after the other on this machine:
#   deploy/load-test/ab.sh DIR_A DIR_B   (each a built checkout: ./mvnw -DskipTests package)
# For each: a fresh platform from DIR's jars, `deploy/qiao load 20 8` to warm it, then
# `deploy/qiao load 30 8`; the reports land in /tmp/ab-<name>.md (loopback only, bounded).
set -u
cd "$(dirname "$0")/../.."
repo=$PWD
for dir in "$@"; do
  name=$(basename "$dir")
  export QIAO_HOME=/tmp/qiao-ab-$name
  rm -rf "$QIAO_HOME"
  (cd "$dir" && setsid java -Dqiao.root="$PWD" -jar deploy/local-platform/target/local-platform.jar \
    run >"/tmp/ab-$name.log" 2>&1 &)
  for _ in $(seq 1 90); do grep -q "^Qiao is up" "/tmp/ab-$name.log" && break; sleep 2; done
  "$repo/deploy/qiao" load 20 8 >"/tmp/ab-$name-warm.log" 2>&1
  "$repo/deploy/qiao" load 30 8 >"/tmp/ab-$name-run.log" 2>&1
  cp "$QIAO_HOME/load-report.md" "/tmp/ab-$name.md"
  "$repo/deploy/qiao" stop
  sleep 3
done
