#!/usr/bin/env python3
"""A transcription worker's client, standard library only: streams 16 kHz mono PCM from the
service, reports progress from the X-Output-Duration header, and writes a WAV file.

    python3 examples/whisper_client.py http://localhost:8888 youtube/abc123.mp4 audio.wav [--language en]

For Whisper itself skip the file: numpy.frombuffer(pcm, numpy.int16) / 32768.0 is its input.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request
import wave


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("savepath")
    parser.add_argument("output")
    parser.add_argument("--language")
    parser.add_argument("--api-key")
    args = parser.parse_args()

    body = {"savepath": args.savepath, "audio_format": "pcm"}
    if args.language:
        body["language"] = args.language
    request = urllib.request.Request(args.base_url.rstrip("/") + "/extract-audio", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    if args.api_key:
        request.add_header("X-API-Key", args.api_key)
    try:
        response = urllib.request.urlopen(request, timeout=600)
    except urllib.error.HTTPError as e:
        print(f"{e.code}: {e.read().decode()}", file=sys.stderr)
        return 1
    rate = int(response.headers["X-Sample-Rate"])
    seconds = float(response.headers.get("X-Output-Duration") or 0)
    received = 0
    with response, wave.open(args.output, "wb") as out:
        out.setnchannels(int(response.headers["X-Channels"]))
        out.setsampwidth(2)
        out.setframerate(rate)
        while chunk := response.read(1 << 16):
            out.writeframes(chunk)
            received += len(chunk)
            if seconds:
                print(f"\r{received / (2 * rate):7.1f} of {seconds:.1f} s", end="", file=sys.stderr)
    print(f"\nwrote {args.output}: {received / (2 * rate):.2f} s", file=sys.stderr)
    # http.client raises IncompleteRead when the service resets a broken stream: that is an error exit
    return 0


if __name__ == "__main__":
    sys.exit(main())
