#!/usr/bin/python3
"""Maps times in speech_only audio back to the source video: stdlib only.

A speech_only extraction is the source's speech segments one after the other. The service names
them, in source seconds and in output order, in the X-Speech-Segments header ("1.81-4.68,7.62-11.18"),
and GET /speech with the same fields gives the same segments (as JSON). Output time t falls in
segment k when c_k <= t < c_k + (e_k - s_k), where c_k is the length of the segments before k;
its source time is then s_k + (t - c_k).

    /usr/bin/python3 examples/speech_map.py BASE_URL SAVEPATH OUTPUT_SECONDS... [--format pcm]

Downloads the speech_only audio (into speech_only.<format>) and prints, for each output time, the
source time it comes from, e.g. a word a transcriber found at 5.2 s of the cut audio.
"""
import argparse
import sys
import urllib.parse
import urllib.request


def parse_segments(header):
    """'1.81-4.68,7.62-11.18' -> [(1.81, 4.68), (7.62, 11.18)]"""
    return [tuple(float(x) for x in part.split("-")) for part in header.split(",") if part]


def to_source(t, segments):
    """The source time of output time t (seconds)."""
    before = 0.0
    for start, end in segments:
        if t < before + (end - start):
            return start + (t - before)
        before += end - start
    start, end = segments[-1]
    return end  # past the end: the end of the last segment


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("savepath")
    parser.add_argument("times", nargs="+", type=float)
    parser.add_argument("--format", default="pcm")
    args = parser.parse_args()
    query = urllib.parse.urlencode({"savepath": args.savepath, "audio_format": args.format, "speech_only": "true"})
    with urllib.request.urlopen(f"{args.base_url}/extract-audio?{query}") as response:
        header = response.headers.get("X-Speech-Segments")
        with open(f"speech_only.{args.format}", "wb") as out:
            while chunk := response.read(1 << 20):
                out.write(chunk)
    if header is None:  # too many segments for a header: ask /speech with the same fields
        import json
        with urllib.request.urlopen(f"{args.base_url}/speech?{urllib.parse.urlencode({'savepath': args.savepath})}") as r:
            header = ",".join(f"{s['start']}-{s['end']}" for s in json.load(r)["segments"])
    segments = parse_segments(header)
    for t in args.times:
        print(f"{t:.3f} -> {to_source(t, segments):.3f}")


if __name__ == "__main__":
    sys.exit(main())
