#!/usr/bin/env python3
"""Measures one transfer: time to first byte, total time and bytes, for an HTTP GET or a command's stdout.

    measure.py url URL [RATE_BYTES_PER_S]   -> JSON {ttfb, total, bytes, status}
    measure.py cmd ARG...                   -> JSON {ttfb, total, bytes, exit, cpu}  (cpu: the command's CPU seconds)
    measure.py tcp PORT ARG...              -> the same for a command that serves its output on 127.0.0.1:PORT
Only loopback URLs are accepted. Reads in 64 KiB blocks; a rate limits reading (a slow client).
"""
import json
import resource
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request


def read_all(stream, started, rate=None):
    first = None
    total = 0
    while True:
        block = stream.read(65536)
        if not block:
            break
        if first is None:
            first = time.monotonic() - started
        total += len(block)
        if rate:
            # sleep so that the bytes so far took at least bytes/rate seconds
            ahead = total / rate - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
    return first, total


def main():
    kind = sys.argv[1]
    started = time.monotonic()
    if kind == "url":
        url = sys.argv[2]
        host = urllib.parse.urlparse(url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            sys.exit("only loopback URLs")
        rate = float(sys.argv[3]) if len(sys.argv) > 3 else None
        with urllib.request.urlopen(url, timeout=600) as response:
            first, total = read_all(response, started, rate)
            status = response.status
        print(json.dumps({"ttfb": first, "total": time.monotonic() - started, "bytes": total, "status": status}))
    elif kind == "tcp":
        port = int(sys.argv[2])
        process = subprocess.Popen(sys.argv[3:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        connection = connect(port, process)
        with connection, connection.makefile("rb") as stream:
            first, total = read_all(stream, started)
        report(process, started, first, total)
    else:
        process = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        first, total = read_all(process.stdout, started)
        report(process, started, first, total)


def connect(port, process):
    """Connects to the command's port as soon as it listens (within 30 s, while it runs)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=600)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def report(process, started, first, total):
    """Waits for the command, then prints the transfer and the CPU seconds of the command and its children."""
    code = process.wait()
    elapsed = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"ttfb": first, "total": elapsed, "bytes": total, "exit": code,
                      "cpu": usage.ru_utime + usage.ru_stime}))


if __name__ == "__main__":
    main()
