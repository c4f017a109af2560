#!/usr/bin/env bash
# Generates the benchmark media into DIR (idempotent: existing files are kept).
#   tv-1h.mp4            one hour, 720p25 H.264 ~5 Mbit/s + AAC 48 kHz stereo, index at the front
#   tv-1h-moov-end.mp4   the same with the index at the end (as many recorders write it)
#   tv-10m.mp4           ten minutes of the same
#   two-lang.mkv         ten minutes, two AAC tracks: ara (default, 5.1) and eng (stereo)
#   speech-1h.mp4        one hour of speech (espeak-ng sentences, pauses of 0.3 to 4 s) under the same video
# The video is a 10 s encoded segment looped with stream copy (cheap); the audio is a real
# full-length AAC encode of varying content, so audio work is what it would be on a TV recording.
# Usage: bench/make-fixtures.sh DIR
set -euo pipefail
dir=${1:?usage: make-fixtures.sh DIR}
mkdir -p "$dir"
cd "$dir"
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }

# varying speech-band content: a gliding tone, its harmonics, and a little noise
audio_src() { # seconds
  echo "aevalsrc=0.25*sin(2*PI*(220+180*sin(2*PI*t/9))*t)+0.12*sin(2*PI*(660+300*sin(2*PI*t/13))*t)+0.03*(random(0)-0.5)|0.25*sin(2*PI*(330+150*sin(2*PI*t/11))*t)+0.03*(random(1)-0.5):s=48000:d=$1"
}

if [ ! -f segment-720p.mp4 ]; then
  ff -f lavfi -i "testsrc2=size=1280x720:rate=25:duration=10,noise=alls=12:allf=t" \
     -c:v libx264 -preset veryfast -b:v 5M -maxrate 5M -bufsize 10M -g 50 -pix_fmt yuv420p segment-720p.mp4
fi
make_audio() { # name seconds
  [ -f "$1" ] || ff -f lavfi -i "$(audio_src "$2")" -c:a aac -b:a 128k "$1"
}
make_tv() { # name seconds audio [extra mp4 flags]
  local name=$1 seconds=$2 audio=$3 flags=${4:-}
  [ -f "$name" ] && return
  local loops=$(( (seconds + 9) / 10 - 1 ))
  ff -stream_loop "$loops" -i segment-720p.mp4 -i "$audio" -map 0:v -map 1:a -c copy -t "$seconds" $flags "$name.part.mp4"
  mv "$name.part.mp4" "$name"
}

make_audio audio-1h.m4a 3600
make_tv tv-1h.mp4 3600 audio-1h.m4a "-movflags +faststart"
make_tv tv-1h-moov-end.mp4 3600 audio-1h.m4a
make_audio audio-10m.m4a 600
make_tv tv-10m.mp4 600 audio-10m.m4a "-movflags +faststart"

if [ ! -f two-lang.mkv ]; then
  ff -f lavfi -i "sine=frequency=300:sample_rate=48000:duration=600" -ac 6 -c:a aac -b:a 192k ara.m4a
  ff -f lavfi -i "sine=frequency=1000:sample_rate=48000:duration=600" -ac 2 -c:a aac -b:a 128k eng.m4a
  ff -stream_loop 59 -i segment-720p.mp4 -i ara.m4a -i eng.m4a -map 0:v -map 1:a -map 2:a -c copy -t 600 \
     -metadata:s:a:0 language=ara -metadata:s:a:1 language=eng -disposition:a:0 default -disposition:a:1 0 two-lang.part.mkv
  mv two-lang.part.mkv two-lang.mkv
  rm -f ara.m4a eng.m4a
fi
# an hour of real speech with pauses: ten espeak-ng sentences and silences of varied lengths make a
# block of about a minute, looped to an hour (needs espeak-ng)
if [ ! -f speech-1h.mp4 ] && command -v espeak-ng >/dev/null; then
  tmp=$(mktemp -d)
  i=0
  : > "$tmp/list.txt"
  for sentence in "Good evening, here is the news at nine." "The council met today to discuss the new budget." \
      "Several roads will be closed for repairs this weekend." "Scientists reported a rise in sea temperatures." \
      "The national team won its match in the final minutes." "Heavy rain is expected in the north tomorrow." \
      "Markets closed higher after a quiet day of trading." "A new library opened its doors in the city centre." \
      "Train services will run to a reduced timetable." "That is all from us, thank you for watching."; do
    espeak-ng -w "$tmp/s$i.wav" "$sentence"
    ff -i "$tmp/s$i.wav" -ar 48000 -ac 1 "$tmp/v$i.wav"
    pause=$(awk -v i="$i" 'BEGIN { split("0.4 2.5 0.3 3.5 1.2 0.6 4.0 0.8 2.0 1.5", p, " "); print p[i + 1] }')
    ff -f lavfi -i "anullsrc=r=48000:cl=mono" -t "$pause" "$tmp/p$i.wav"
    printf "file 'v%s.wav'\nfile 'p%s.wav'\n" "$i" "$i" >> "$tmp/list.txt"
    i=$((i + 1))
  done
  ff -f concat -safe 0 -i "$tmp/list.txt" -c:a pcm_s16le "$tmp/block.wav"
  ff -stream_loop -1 -i "$tmp/block.wav" -t 3600 -c:a aac -b:a 128k "$tmp/speech.m4a"
  make_tv speech-1h.mp4 3600 "$tmp/speech.m4a" "-movflags +faststart"
  rm -rf "$tmp"
fi
ls -la "$dir"
