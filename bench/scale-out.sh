#!/usr/bin/env bash
# Scale-out: jobs per minute with one and with two service instances on one standalone Apache
# Artemis broker (the distribution the build unpacks into target/artemis, created with
# `artemis create` and run as its own process, as docs/operations.md describes).
#   bench/scale-out.sh [MEDIA_DIR] [JOBS] [FORMAT]
# JOBS (default 12) jobs on the 10-minute video as FORMAT (default mp3) go through POST /jobs; each
# instance runs one job at a time (audio.jobs.concurrent-consumers=1). Prints jobs per minute and
# how the jobs spread over the instances; appends JSON lines to bench/out/results.jsonl.
# All traffic stays on 127.0.0.1; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
media=$(realpath -m "${1:-bench/media}")
jobs=${2:-12}
format=${3:-mp3}
base_port=${BENCH_PORT:-18888}
port=$base_port
broker_port=${BENCH_BROKER_PORT:-18616}
out=bench/out; mkdir -p "$out"; results=$out/results.jsonl
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)
artemis_home=target/artemis/apache-artemis-2.40.0
[ -f target/audio-extraction.jar ] || mvn -B -q package -DskipTests
[ -x "$artemis_home/bin/artemis" ] || mvn -B -q process-test-resources # unpacks the distribution
[ -f "$media/tv-10m.mp4" ] || bash bench/make-fixtures.sh "$media" >/dev/null

source bench/common.sh
require_free_port "$base_port" "$((base_port + 1))" "$broker_port"

"$artemis_home/bin/artemis" create "$work/broker" --user bench --password bench-secret --require-login \
  --host 127.0.0.1 --default-port "$broker_port" --no-web --no-amqp-acceptor --no-mqtt-acceptor \
  --no-stomp-acceptor --no-hornetq-acceptor --no-autotune --silent > "$out/artemis-create.log" 2>&1
"$work/broker/bin/artemis" run > "$out/artemis.log" 2>&1 &
bench_pids+=("$!")
for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null && break; sleep 0.2; done

done_count() { # done results counted by the instance on port $1
  local n
  n=$(curl -s "http://127.0.0.1:$1/observe/metrics" | awk '/^audio_jobs_total\{outcome="done"\}/{print int($2)}' | head -1)
  echo "${n:-0}"
}

echo "== $(date -u) on $(nproc) cores; $(ffmpeg -version | head -1); standalone Artemis 2.40.0"
for instances in 1 2; do
  pids=()
  for i in $(seq 0 $((instances - 1))); do
    port=$((base_port + i))
    log="$out/scale-out-$instances-$i.log"; : > "$log"
    start_service "$log" -Daudio.broker.embedded=false -Daudio.broker.url="tcp://127.0.0.1:$broker_port" \
      -Daudio.broker.user=bench -Daudio.broker.password=bench-secret -Daudio.jobs.concurrent-consumers=1 \
      -Daudio.jobs.output-dir="$work/audio-$instances" -Daudio.temp-dir="$work/tmp-$i" -Daudio.node-name="node-$i"
    pids+=("$jvm"); bench_pids+=("$jvm"); jvm=
  done
  body="["
  for j in $(seq 1 "$jobs"); do
    body+="{\"id\":\"scale-$instances-$j\",\"savepath\":\"tv-10m.mp4\",\"audio_format\":\"$format\",\"output_key\":\"$j.$format\"},"
  done
  t0=$(date +%s.%N)
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$base_port/jobs" -H 'Content-Type: application/json' -d "${body%,}]")
  [ "$code" = 202 ] || { echo "submit failed: $code" >&2; exit 1; }
  total=0
  for _ in $(seq 1 36000); do
    total=0; spread=""
    for i in $(seq 0 $((instances - 1))); do
      n=$(done_count $((base_port + i))); total=$((total + n)); spread+="node-$i:$n "
    done
    [ "$total" -ge "$jobs" ] && break
    sleep 0.2
  done
  elapsed=$(echo "$(date +%s.%N) - $t0" | bc -l)
  per_min=$(echo "$jobs * 60 / $elapsed" | bc -l)
  printf '%d instance(s): %d jobs of a 10-minute video as %s in %.1f s = %.2f jobs/min (%s)\n' \
    "$instances" "$jobs" "$format" "$elapsed" "$per_min" "${spread% }"
  printf '{"run":"%s","bench":"scale-out","result":{"instances":%d,"jobs":%d,"format":"%s","seconds":%.2f,"jobs_per_minute":%.2f,"spread":"%s"}}\n' \
    "$run_id" "$instances" "$jobs" "$format" "$elapsed" "$per_min" "${spread% }" >> "$results"
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
done
