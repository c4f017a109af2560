#!/usr/bin/env bash
# Benchmarks the built jar against the same ffmpeg command run by hand, in the same run.
#   bench/run.sh [--smoke] [MEDIA_DIR]
# MEDIA_DIR holds bench/make-fixtures.sh's files (default: bench/media, generated when missing).
# --smoke: the 10-minute file only, two formats, one concurrency level (well under a minute).
# Prints a table and appends JSON lines to bench/out/results.jsonl. All traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=false
if [ "${1:-}" = "--smoke" ]; then smoke=true; shift; fi
media=$(realpath -m "${1:-bench/media}")
port=${BENCH_PORT:-18888}
out=bench/out
mkdir -p "$out"
results=$out/results.jsonl
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)

[ -f target/audio-extraction.jar ] || mvn -B -q package -DskipTests
if $smoke; then
  [ -f "$media/tv-10m.mp4" ] || bash bench/make-fixtures.sh "$media" >/dev/null
else
  bash bench/make-fixtures.sh "$media" >/dev/null
fi

source bench/common.sh
require_free_port "$port"
log=$out/service.log
: > "$log"
start_service "$log" -Daudio.max-concurrent-extractions=8

ffmpeg_version=$(ffmpeg -version | head -1)
record() { # name json
  printf '{"run":"%s","bench":"%s","result":%s}\n' "$run_id" "$1" "$2" >> "$results"
}

# the service's ffmpeg arguments for each format, for the hand-run floor (see FfmpegCommand)
encoder_args() {
  case $1 in
    mp3)  echo "-c:a libmp3lame -b:a 320000 -ar 48000 -ac 2 -f mp3" ;;
    wav)  echo "-c:a pcm_s16le -fflags +bitexact -flags:a +bitexact -ar 48000 -ac 2 -f wav" ;;
    flac) echo "-c:a flac -sample_fmt s16 -ar 48000 -ac 2 -f flac" ;;
    pcm)  echo "-acodec pcm_s16le -ar 16000 -ac 1 -f s16le" ;;
    opus) echo "-c:a libopus -b:a 32000 -ar 16000 -ac 1 -f ogg" ;;
    aac)  echo "-c:a copy -f adts" ;;
  esac
}
floor_cmd() { # file format
  # shellcheck disable=SC2046
  echo ffmpeg -nostdin -hide_banner -nostats -loglevel level+info -xerror -protocol_whitelist file \
       -i "file:$media/$1" -map 0:1 -vn -sn -dn $(encoder_args "$2") -flush_packets 0 pipe:1
}
relay_floor() { # file format service_json service_cpu
  command -v socat > /dev/null || return 0
  local relay_port=$((port + 100)) relay
  require_free_port "$relay_port"
  relay=$(python3 bench/measure.py tcp "$relay_port" sh -c \
    "$(floor_cmd "$1" "$2") | socat -b 262144 -u - TCP-LISTEN:$relay_port,bind=127.0.0.1,reuseaddr")
  printf '  %-4s through socat to a socket: total %.2f s, CPU %.2f s; the service against it: wall %.3f, CPU %.3f\n' "$2" \
    "$(field "$relay" total)" "$(field "$relay" cpu)" "$(echo "$(field "$3" total) / $(field "$relay" total)" | bc -l)" \
    "$(echo "$4 / $(field "$relay" cpu)" | bc -l)"
  record "relay" "{\"file\":\"$1\",\"format\":\"$2\",\"relay\":$relay}"
}
num() { printf '%.4f' "$1"; } # bc prints .5 for 0.5, which JSON does not accept
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

echo "== $(date -u) on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $ffmpeg_version"

# 1. every format on the long file: first byte, total, ratio to the hand-run ffmpeg, CPU seconds.
# The service is warmed first (a few seconds of each format, three 10-minute WAVs: a long-running
# service is warm; a fresh one pays class loading and compiling on its first requests, see
# docs/benchmarks.md).
# CPU: the service's ffmpeg and the JVM apart (ffmpeg's own varies by ~10% from run to run on a
# shared machine; the JVM's share is what the service adds).
file=tv-1h.mp4; formats=${BENCH_FORMATS:-mp3 wav flac pcm opus aac}
if $smoke; then file=tv-10m.mp4; formats="pcm aac"; fi
for f in $formats; do
  python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-10m.mp4&audio_format=$f&duration=20" > /dev/null
done
for _ in 1 2 3; do # the byte path's hot loop is compiled after some 10,000 reads: three 10-minute WAVs (350 MB)
  python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-10m.mp4&audio_format=wav" > /dev/null
done
printf '%-6s %10s %10s %10s %10s %8s %9s %9s %9s %9s %9s %9s\n' format ttfb_s total_s floor_ttfb floor_s ratio \
  ffmpeg_s jvm_s cpu_s floor_cpu cpu_ratio MB
for f in $formats; do
  # shellcheck disable=SC2046
  floor=$(python3 bench/measure.py cmd $(floor_cmd "$file" "$f"))
  jvm0=$(cpu_of_jvm_only); all0=$(cpu_of_jvm)
  svc=$(python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=$file&audio_format=$f")
  jvm1=$(cpu_of_jvm_only); all1=$(cpu_of_jvm)
  cpu=$(echo "$all1 - $all0" | bc -l)
  jvm_cpu=$(echo "$jvm1 - $jvm0" | bc -l)
  ffmpeg_cpu=$(echo "$cpu - $jvm_cpu" | bc -l)
  ratio=$(echo "$(field "$svc" total) / $(field "$floor" total)" | bc -l)
  floor_cpu=$(field "$floor" cpu)
  cpu_ratio=$(echo "$cpu / $floor_cpu" | bc -l)
  printf '%-6s %10.3f %10.2f %10.3f %10.2f %8.3f %9.2f %9.2f %9.2f %9.2f %9.3f %9.1f\n' "$f" "$(field "$svc" ttfb)" \
    "$(field "$svc" total)" "$(field "$floor" ttfb)" "$(field "$floor" total)" "$ratio" "$ffmpeg_cpu" "$jvm_cpu" "$cpu" \
    "$floor_cpu" "$cpu_ratio" "$(echo "$(field "$svc" bytes) / 1000000" | bc -l)"
  record "format" "{\"file\":\"$file\",\"format\":\"$f\",\"service\":$svc,\"floor\":$floor,\"ratio\":$(num "$ratio"),\"service_cpu_s\":$(num "$cpu"),\"service_jvm_cpu_s\":$(num "$jvm_cpu"),\"cpu_ratio\":$(num "$cpu_ratio")}"
  # byte-heavy formats: also through the leanest relay to a socket there is (socat, 256 KiB
  # blocks), the floor for anything that serves the bytes over TCP rather than a pipe
  case $f in wav|pcm|flac) relay_floor "$file" "$f" "$svc" "$cpu" ;; esac
done
[ -n "${BENCH_FORMATS_ONLY:-}" ] && exit 0

# 2. memory: peak RSS of the JVM (-Xmx256m) after streaming a whole WAV of the long file
if ! $smoke; then
  python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-1h.mp4&audio_format=wav" > /dev/null
fi
hwm=$(awk '/VmHWM/{print $2/1024}' "/proc/$jvm/status")
rss=$(awk '/VmRSS/{print $2/1024}' "/proc/$jvm/status")
echo "JVM -Xmx256m: peak RSS ${hwm} MB, RSS now ${rss} MB (after the runs above)"
record "memory" "{\"xmx_mb\":256,\"peak_rss_mb\":$hwm,\"rss_mb\":$rss}"

# 3. concurrency: N simultaneous 10-minute MP3s, service vs N bare ffmpegs in parallel
levels="1 2 4 8"; $smoke && levels="2"
printf '%-3s %14s %14s %8s\n' N svc_audio_x floor_audio_x ratio
for n in $levels; do
  start=$(date +%s.%N)
  for _ in $(seq 1 "$n"); do
    python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-10m.mp4&audio_format=mp3" > /dev/null &
  done
  wait_pids=$(jobs -p | grep -v "^$jvm$" || true); for p in $wait_pids; do wait "$p"; done
  svc_wall=$(echo "$(date +%s.%N) - $start" | bc -l)
  start=$(date +%s.%N)
  for _ in $(seq 1 "$n"); do
    # shellcheck disable=SC2046
    python3 bench/measure.py cmd $(floor_cmd tv-10m.mp4 mp3) > /dev/null &
  done
  wait_pids=$(jobs -p | grep -v "^$jvm$" || true); for p in $wait_pids; do wait "$p"; done
  floor_wall=$(echo "$(date +%s.%N) - $start" | bc -l)
  svc_x=$(echo "600 * $n / $svc_wall" | bc -l); floor_x=$(echo "600 * $n / $floor_wall" | bc -l)
  printf '%-3s %14.1f %14.1f %8.3f\n' "$n" "$svc_x" "$floor_x" "$(echo "$svc_x / $floor_x" | bc -l)"
  record "concurrency" "{\"n\":$n,\"service_audio_s_per_s\":$(num "$svc_x"),\"floor_audio_s_per_s\":$(num "$floor_x")}"
done

# 4. isolation: a fast client's time alone, then next to a client reading at 1 MB/s
if ! $smoke; then
  solo=$(python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-10m.mp4&audio_format=mp3")
  python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-1h.mp4&audio_format=wav" 1000000 \
    > /dev/null 2>&1 &
  slow=$!
  sleep 2
  beside=$(python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?savepath=tv-10m.mp4&audio_format=mp3")
  kill "$slow" 2>/dev/null || true; wait "$slow" 2>/dev/null || true
  ratio=$(echo "$(field "$beside" total) / $(field "$solo" total)" | bc -l)
  printf 'isolation: fast client alone %.2f s, beside a 1 MB/s client %.2f s (ratio %.3f)\n' \
    "$(field "$solo" total)" "$(field "$beside" total)" "$ratio"
  record "isolation" "{\"solo\":$solo,\"beside_slow\":$beside,\"ratio\":$(num "$ratio")}"
fi
echo "results appended to $results"
