#!/usr/bin/env bash
# Every endpoint with curl. Usage: examples/curl-examples.sh [BASE_URL] [SAVEPATH]
# Exits 1 if any call does not answer as shown, 2 if nothing answers at BASE_URL.
set -euo pipefail
base=${1:-http://localhost:8888}
video=${2:-youtube/abc123.mp4}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
check() { # expected-status description curl-args...
  local want=$1 what=$2; shift 2
  local got
  got=$(curl -s -o "$out/body" -w '%{http_code}' "$@") || true
  if [ "$got" = 000 ]; then
    echo "cannot reach the service at $base: is it running (and is this its address)?" >&2
    exit 2
  fi
  printf '%-52s %s\n' "$what" "$got"
  [ "$got" = "$want" ] || { echo "expected $want: $(head -c 300 "$out/body")" >&2; exit 1; }
}
check 200 "POST /extract-audio (mp3, as the original)" -X POST "$base/extract-audio" \
  -H 'Content-Type: application/json' -d "{\"savepath\":\"$video\"}"
check 200 "POST /extract-audio (pcm, 16 kHz mono, 2 s from 1 s)" -X POST "$base/extract-audio" \
  -d "{\"savepath\":\"$video\",\"audio_format\":\"pcm\",\"start\":1,\"duration\":2}"
check 200 "GET /extract-audio?audio_format=flac" "$base/extract-audio?savepath=$video&audio_format=flac"
check 200 "GET /probe" "$base/probe?savepath=$video"
check 200 "POST /probe" -X POST "$base/probe" -d "{\"savepath\":\"$video\"}"
check 400 "a path outside the bucket: 400" "$base/extract-audio?savepath=../../etc/passwd"
check 404 "a missing video: 404" "$base/extract-audio?savepath=no/such.mp4"
check 202 "POST /jobs" -X POST "$base/jobs" -H 'Content-Type: application/json' \
  -d "[{\"savepath\":\"$video\",\"audio_format\":\"opus\"}]"
check 200 "GET /openapi.json" "$base/openapi.json"
check 200 "GET /observe/health/ready" "$base/observe/health/ready"
check 200 "GET /observe/metrics" "$base/observe/metrics"
