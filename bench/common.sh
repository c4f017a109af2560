# Sourced by the bench scripts (after `cd` to the project root and setting `port` and `media`).

# Stops the bench when something already listens on a port it is about to use: it would otherwise
# measure whatever answers there.
require_free_port() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use on 127.0.0.1: stop what listens there or choose other ports (BENCH_PORT...)" >&2
      exit 1
    fi
  done
}

# A work folder whose minio/videos is a link to the media (the service resolves the bucket root
# itself); removed on exit with every process listed in $bench_pids. Under $work_parent when set.
work=$(mktemp -d -p "${work_parent:-${TMPDIR:-/tmp}}")
mkdir -p "$work/minio"
ln -s "$media" "$work/minio/videos"
bench_pids=()
jvm=
bench_cleanup() {
  local pids=("${bench_pids[@]}" ${jvm:+"$jvm"})
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap bench_cleanup EXIT

# start_service LOG [-Dkey=value...]: the service on 127.0.0.1:$port over the media, in the
# background ($jvm), returning once it is ready. BENCH_JAR: another build to measure (before/after).
start_service() {
  local log=$1
  shift
  java -Xmx256m -Dcamel.server.host=127.0.0.1 -Dcamel.server.port="$port" \
       -Daudio.minio-data-path="$work/minio" -Daudio.bucket-name=videos "$@" \
       -jar "${BENCH_JAR:-target/audio-extraction.jar}" >> "$log" 2>&1 &
  jvm=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/observe/health/ready")" = 200 ] && return
    kill -0 "$jvm" 2>/dev/null || break
    sleep 0.5
  done
  echo "the service did not become ready: see $log" >&2
  exit 1
}

# CPU seconds (user+system) of the service and its reaped children (ffmpeg), from /proc
cpu_of_jvm() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / hz }' "/proc/$jvm/stat"
}

# CPU seconds of the service's JVM alone
cpu_of_jvm_only() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$jvm/stat"
}
