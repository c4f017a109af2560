#!/usr/bin/env bash
# The speech features on the one-hour files: detector speed (/speech on an hour of tones and on an
# hour of speech), the silence a speech_only extraction removes, and the chunk plan of the hour.
#   bench/speech.sh [MEDIA_DIR]      (MEDIA_DIR from bench/make-fixtures.sh, default bench/media)
# Prints a report and appends JSON lines to bench/out/results.jsonl. All traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
media=$(realpath -m "${1:-bench/media}")
port=${BENCH_PORT:-18888}
mkdir -p bench/out
results=bench/out/results.jsonl
run_id=$(date -u +%Y-%m-%dT%H:%M:%SZ)
[ -f target/audio-extraction.jar ] || mvn -B -q package -DskipTests
bash bench/make-fixtures.sh "$media" >/dev/null

source bench/common.sh
require_free_port "$port"
: > bench/out/speech-service.log
start_service bench/out/speech-service.log -Daudio.jobs.enabled=false

for video in tv-1h.mp4 speech-1h.mp4; do
  before=$(cpu_of_jvm)
  start=$(date +%s.%N)
  curl -s -o "bench/out/speech-$video.json" "http://127.0.0.1:$port/speech?savepath=$video"
  end=$(date +%s.%N)
  after=$(cpu_of_jvm)
  python3 - "$video" "$start" "$end" "$before" "$after" "bench/out/speech-$video.json" "$run_id" >> "$results" <<'PY'
import json, sys
video, start, end, before, after, path, run = sys.argv[1:]
s = json.load(open(path))
wall, cpu = float(end) - float(start), float(after) - float(before)
r = {"video": video, "duration": s["duration"], "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
     "x_realtime": round(s["duration"] / wall), "speech_s": s["speech_seconds"], "segments_s": s["segments_seconds"],
     "removed_s": round(s["duration"] - s["segments_seconds"], 1), "stretches": len(s["speech"])}
print(json.dumps({"run": run, "bench": "speech", "result": r}))
print(f"{video}: /speech of {s['duration']:.0f} s in {wall:.2f} s wall ({r['x_realtime']}x), {cpu:.2f} CPU-s;"
      f" speech {s['speech_seconds']:.0f} s, speech_only keeps {s['segments_seconds']:.0f} s, removes {r['removed_s']} s",
      file=sys.stderr)
PY
done

start=$(date +%s.%N)
curl -s -o bench/out/chunks-speech-1h.json "http://127.0.0.1:$port/chunks?savepath=speech-1h.mp4&audio_format=pcm&target_seconds=300"
end=$(date +%s.%N)
python3 - bench/out/chunks-speech-1h.json "$start" "$end" "$run_id" >> "$results" <<'PY'
import json, sys
path, start, end, run = sys.argv[1:]
plan = json.load(open(path))
lengths = [c["duration"] for c in plan["chunks"]]
r = {"chunks": len(lengths), "min_s": min(lengths), "max_s": max(lengths), "mean_s": round(sum(lengths) / len(lengths), 1),
     "wall_s": round(float(end) - float(start), 2), "lengths": lengths}
print(json.dumps({"run": run, "bench": "chunks", "result": r}))
print(f"chunk plan of speech-1h.mp4 (target 300 s): {len(lengths)} chunks, {min(lengths):.1f}-{max(lengths):.1f} s"
      f" (mean {r['mean_s']} s), planned in {r['wall_s']} s", file=sys.stderr)
PY
