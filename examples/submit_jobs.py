#!/usr/bin/python3
"""Queues extraction jobs over AMQP 1.0 and waits for their result events.

Needs Debian's python3-qpid-proton (apt-get install python3-qpid-proton) and a broker that speaks
AMQP: the service's embedded Artemis listens on 127.0.0.1:61616 by default.

    /usr/bin/python3 examples/submit_jobs.py youtube/abc123.mp4 [more savepaths...] [--format flac]
        [--broker HOST:PORT] [--timeout SECONDS]

Exits 0 when every job is done, 1 when one failed, 2 when the broker cannot be reached, 3 when
results are still missing after the timeout.

Each job carries a reply-to address of its own, so this script gets exactly its results back (they
also go to the shared audio.results queue for whoever watches it).
"""
import argparse
import json
import sys
import uuid

from proton import Message, symbol
from proton.handlers import MessagingHandler
from proton.reactor import Container, ReceiverOption


class AsQueue(ReceiverOption):
    """Ask Artemis for a queue (anycast) address, which a JMS reply can be sent to."""

    def apply(self, receiver):
        receiver.source.capabilities.put_object(symbol("queue"))


class Submit(MessagingHandler):
    def __init__(self, url, jobs, timeout):
        super().__init__()
        self.url = url
        self.timeout = timeout
        self.exit = None
        self.jobs = jobs
        self.reply_to = "audio.replies." + uuid.uuid4().hex
        self.waiting = {job["id"] for job in jobs}
        self.results = []

    def on_start(self, event):
        conn = event.container.connect(self.url, reconnect=False)
        event.container.schedule(self.timeout, self)
        event.container.create_receiver(conn, self.reply_to, options=AsQueue())
        self.sender = event.container.create_sender(conn, "audio.jobs")

    def on_sendable(self, event):
        while self.jobs and event.sender.credit:
            job = self.jobs.pop(0)
            event.sender.send(Message(body=json.dumps(job), reply_to=self.reply_to, durable=True))
            print("queued", job["id"], job["savepath"], file=sys.stderr)

    def on_message(self, event):
        result = json.loads(event.message.body)
        self.results.append(result)
        print(json.dumps(result))
        self.waiting.discard(result.get("id"))
        if not self.waiting:
            event.container.stop()

    def on_transport_error(self, event):
        cond = event.transport.condition
        print(f"cannot reach the broker at {self.url}: {cond.description if cond else 'connection failed'}", file=sys.stderr)
        self.exit = 2
        event.container.stop()

    def on_timer_task(self, event):
        if self.waiting:
            print(f"no result after {self.timeout:g} s for: {', '.join(sorted(self.waiting))}", file=sys.stderr)
            self.exit = 3
            event.container.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("savepaths", nargs="+")
    parser.add_argument("--format", default="mp3", help="audio_format of every job (default mp3)")
    parser.add_argument("--broker", default="127.0.0.1:61616", help="AMQP address of the broker (default 127.0.0.1:61616)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for all results (default 600)")
    args = parser.parse_args()
    jobs = [{"id": uuid.uuid4().hex[:12], "savepath": p, "audio_format": args.format} for p in args.savepaths]
    handler = Submit(args.broker, jobs, args.timeout)
    Container(handler).run()
    if handler.exit is not None:
        sys.exit(handler.exit)
    sys.exit(0 if all(r.get("status") == "done" for r in handler.results) else 1)


if __name__ == "__main__":
    main()
