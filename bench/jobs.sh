#!/usr/bin/env bash
# Batch throughput and crash safety on the embedded broker.
#   bench/jobs.sh [MEDIA_DIR] [JOBS] [FORMAT]
# 1. queues JOBS jobs (default 20) on 10-minute videos (FORMAT, default mp3) through POST /jobs and
#    reports jobs per minute;
# 2. queues 100 more (pcm), kills the service with SIGKILL halfway, starts it again, and checks that
#    all 100 files and done results arrive (none lost, no partial file left).
# All traffic stays on 127.0.0.1; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
media=$(realpath -m "${1:-bench/media}")
jobs=${2:-20}
format=${3:-mp3}
port=${BENCH_PORT:-18888}
broker_port=${BENCH_BROKER_PORT:-18616}
out=bench/out; mkdir -p "$out"; results=$out/results.jsonl
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)
[ -f target/audio-extraction.jar ] || mvn -B -q package -DskipTests
[ -f "$media/tv-10m.mp4" ] || bash bench/make-fixtures.sh "$media" >/dev/null

source bench/common.sh
require_free_port "$port" "$broker_port"
start() {
  start_service "$out/jobs-service.log" \
       -Daudio.jobs.output-dir="$work/audio" -Daudio.broker.data-dir="$work/broker" -Daudio.broker.port="$broker_port" \
       -Daudio.jobs.concurrent-consumers=2 -Daudio.shutdown-grace=5
}
done_count() { # done results seen by this process (the counter restarts with the service)
  local n
  n=$(curl -s "http://127.0.0.1:$port/observe/metrics" | awk '/^audio_jobs_total\{outcome="done"\}/{print int($2)}' | head -1)
  echo "${n:-0}"
}
submit() { # prefix count format
  local body="[" i
  for i in $(seq 1 "$2"); do
    body+="{\"id\":\"$1-$i\",\"savepath\":\"tv-10m.mp4\",\"audio_format\":\"$3\",\"output_key\":\"$1/$i.$3\"},"
  done
  curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/jobs" -H 'Content-Type: application/json' -d "${body%,}]"
}

start
echo "== $(date -u) on $(nproc) cores; $(ffmpeg -version | head -1)"
t0=$(date +%s.%N)
[ "$(submit speed "$jobs" "$format")" = 202 ] || { echo "submit failed" >&2; exit 1; }
for _ in $(seq 1 36000); do [ "$(done_count)" -ge "$jobs" ] && break; sleep 0.1; done
elapsed=$(echo "$(date +%s.%N) - $t0" | bc -l)
per_min=$(echo "$jobs * 60 / $elapsed" | bc -l)
printf 'throughput: %d jobs of a 10-minute video as %s in %.1f s = %.1f jobs/min (2 consumers, 2 slots)\n' "$jobs" "$format" "$elapsed" "$per_min"
printf '{"run":"%s","bench":"jobs","result":{"jobs":%d,"format":"%s","seconds":%.2f,"jobs_per_minute":%.2f}}\n' \
  "$run_id" "$jobs" "$format" "$elapsed" "$per_min" >> "$results"

# crash safety: 100 jobs, SIGKILL halfway, restart, all must arrive
[ "$(submit crash 100 pcm)" = 202 ] || { echo "submit failed" >&2; exit 1; }
base=$(done_count)
for _ in $(seq 1 600); do [ $(( $(done_count) - base )) -ge 50 ] && break; sleep 0.2; done
before_kill=$(( $(done_count) - base ))
kill -9 "$jvm"; wait "$jvm" 2>/dev/null || true
sleep 1
start
for _ in $(seq 1 600); do [ "$(find "$work/audio/crash" -name '*.pcm' | wc -l)" -ge 100 ] && break; sleep 1; done
sleep 3
files=$(find "$work/audio/crash" -name '*.pcm' | wc -l)
short=$(find "$work/audio/crash" -name '*.pcm' -size -19200000c | wc -l)
parts=$(find "$work/audio" -name '.*.part-*' | wc -l)
after=$(done_count)
printf 'crash: %d done before SIGKILL, %d after the restart; %d of 100 files, %d short, %d part files left\n' \
  "$before_kill" "$after" "$files" "$short" "$parts"
printf '{"run":"%s","bench":"jobs-crash","result":{"done_before_kill":%d,"done_after_restart":%d,"files":%d,"short_files":%d,"part_files":%d}}\n' \
  "$run_id" "$before_kill" "$after" "$files" "$short" "$parts" >> "$results"
[ "$files" -eq 100 ] && [ "$short" -eq 0 ] && [ "$parts" -eq 0 ]
