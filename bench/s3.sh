#!/usr/bin/env bash
# Local disk versus the S3 API: the same videos read from the bucket folder and from an S3 server.
#   bench/s3.sh [MEDIA_DIR]
# The S3 server is s3proxy 2.6.0 (standalone jar from Maven Central) over a filesystem blob store
# whose objects are hard links to the media (no copy); it listens on 127.0.0.1 like the service.
# The service runs with audio.source=auto: "tv-1h.mp4" is a local file, "s3/tv-1h.mp4" exists only
# in the store. Prints a table and appends JSON lines to bench/out/results.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."

media=$(realpath -m "${1:-bench/media}")
port=${BENCH_PORT:-18888}
s3port=${BENCH_S3_PORT:-18900}
out=bench/out
mkdir -p "$out"
results=$out/results.jsonl
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)

[ -f target/audio-extraction.jar ] || mvn -B -q package -DskipTests
[ -f "$media/tv-1h.mp4" ] || bash bench/make-fixtures.sh "$media" >/dev/null
s3jar=$HOME/.m2/repository/org/gaul/s3proxy/2.6.0/s3proxy-2.6.0-jar-with-dependencies.jar
[ -f "$s3jar" ] || mvn -B -q dependency:get -Dartifact=org.gaul:s3proxy:2.6.0:jar:jar-with-dependencies

work_parent=$(dirname "$media")   # the same file system as the media, for hard links
source bench/common.sh
require_free_port "$port" "$s3port"
mkdir -p "$work/s3/videos/s3"
for f in tv-1h.mp4 tv-1h-moov-end.mp4; do ln "$media/$f" "$work/s3/videos/s3/$f"; done
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$s3port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench
s3proxy.credential=bench-secret-key
jclouds.provider=filesystem-nio2
jclouds.identity=local
jclouds.credential=local
jclouds.filesystem.basedir=$work/s3
CONF
java -jar "$s3jar" --properties "$work/s3proxy.conf" > "$out/s3proxy.log" 2>&1 &
s3pid=$!
bench_pids+=("$s3pid")
: > "$out/service-s3.log"
start_service "$out/service-s3.log" -Daudio.jobs.enabled=false \
     -Daudio.s3.endpoint="http://127.0.0.1:$s3port" -Daudio.s3.access-key=bench -Daudio.s3.secret-key=bench-secret-key
for _ in $(seq 1 120); do
  kill -0 "$s3pid" 2>/dev/null || { echo "s3proxy did not start: see $out/s3proxy.log" >&2; exit 1; }
  curl -sf -o /dev/null "http://127.0.0.1:$port/probe?savepath=s3/tv-1h.mp4" && break
  sleep 0.5
done

field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
# bytes s3proxy read (files and sockets), from /proc: how much of the object a request fetched
s3_read() { awk '/^rchar/{print $2}' "/proc/$s3pid/io"; }

echo "== $(date -u) on $(nproc) cores; $(ffmpeg -version | head -1)"
size=$(stat -c %s "$media/tv-1h.mp4")
printf '%-34s %-6s %9s %9s %10s %14s\n' request source ttfb_s total_s MB s3_read_MB
run() { # label query
  for source in local s3; do
    prefix=""; [ "$source" = s3 ] && prefix="s3/"
    query=${2//SAVEPATH/${prefix}}
    r0=$(s3_read)
    m=$(python3 bench/measure.py url "http://127.0.0.1:$port/extract-audio?$query")
    read_mb=$(echo "($(s3_read) - $r0) / 1000000" | bc -l)
    printf '%-34s %-6s %9.3f %9.2f %10.1f %14.1f\n' "$1" "$source" "$(field "$m" ttfb)" "$(field "$m" total)" \
      "$(echo "$(field "$m" bytes) / 1000000" | bc -l)" "$read_mb"
    printf '{"run":"%s","bench":"s3","result":{"request":"%s","source":"%s","measure":%s,"s3_read_mb":%.1f,"object_mb":%.1f}}\n' \
      "$run_id" "$1" "$source" "$m" "$read_mb" "$(echo "$size / 1000000" | bc -l)" >> "$results"
  done
}
run "1 h faststart, mp3"           "savepath=SAVEPATHtv-1h.mp4&audio_format=mp3"
run "1 h faststart, pcm"           "savepath=SAVEPATHtv-1h.mp4&audio_format=pcm"
run "1 h moov at end, pcm"         "savepath=SAVEPATHtv-1h-moov-end.mp4&audio_format=pcm"
run "1 h, 60 s segment at 30:00, pcm" "savepath=SAVEPATHtv-1h.mp4&audio_format=pcm&start=1800&duration=60"
echo "object size: $(echo "$size / 1000000" | bc -l | cut -d. -f1) MB"
