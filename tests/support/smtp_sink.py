#!/usr/bin/python3
"""A real SMTP server for Artel's tests.

Runs aiosmtpd's Controller on 127.0.0.1 at a free port. Prints one JSON line
{"ready": PORT} when it accepts connections, then one JSON line per received
message: {"from", "to": [...], "subject", "text", "html", "headers": {...}}
with the MIME parts decoded. Stops on SIGTERM/SIGINT or when stdin closes.

Run it with /usr/bin/python3 (Debian's python3-aiosmtpd).
"""

import email
import email.policy
import json
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def part_text(msg, subtype):
    part = msg.get_body(preferencelist=(subtype,))
    if part is None:
        return None
    try:
        return part.get_content()
    except Exception:  # undecodable charset: fall back to the raw payload
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", "replace")


class Sink:
    def __init__(self):
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "from": envelope.mail_from,
            "to": list(envelope.rcpt_tos),
            "subject": str(msg.get("Subject", "")),
            "text": part_text(msg, "plain"),
            "html": part_text(msg, "html"),
            "headers": {k: str(v) for k, v in msg.items()},
        }
        with self.lock:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return "250 Message accepted for delivery"


def main():
    controller = None
    last_error = None
    for _ in range(10):
        port = free_port()
        try:
            controller = Controller(Sink(), hostname="127.0.0.1", port=port)
            controller.start()
            break
        except Exception as e:  # the port was taken in between: try another one
            last_error = e
            controller = None
    if controller is None:
        print(f"smtp_sink: cannot start: {last_error}", file=sys.stderr)
        sys.exit(1)

    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())

    def watch_stdin():
        try:
            sys.stdin.read()
        except Exception:
            pass
        done.set()

    threading.Thread(target=watch_stdin, daemon=True).start()

    sys.stdout.write(json.dumps({"ready": controller.port}) + "\n")
    sys.stdout.flush()
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
