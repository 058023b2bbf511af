"""A throw-away SMTP server for the mail unit tests.

Usage: /usr/bin/python3 smtp_sink_fixture.py OUTPUT_FILE

Listens on 127.0.0.1 on a port chosen by the kernel, prints that port on stdout, and appends
every accepted message to OUTPUT_FILE as "X-Envelope-From:", "X-Envelope-To:" lines, the raw
message and a line "--END--". Recipients whose address starts with "reject" are refused with
550, to exercise error reporting. Exits when stdin reaches end of file (the test closed its
end or died) or on SIGTERM.
"""
import asyncio
import signal
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, path):
        self.path = path

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("reject"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with open(self.path, "ab") as out:
            out.write(b"X-Envelope-From: " + envelope.mail_from.encode() + b"\r\n")
            for rcpt in envelope.rcpt_tos:
                out.write(b"X-Envelope-To: " + rcpt.encode() + b"\r\n")
            out.write(envelope.original_content or envelope.content)
            out.write(b"\r\n--END--\r\n")
        return "250 Message accepted"


async def main(path):
    loop = asyncio.get_running_loop()
    # A fixed hostname: the default looks up the machine's FQDN, which can hang without DNS.
    server = await loop.create_server(
        lambda: SMTP(Sink(path), hostname="artel-test"), host="127.0.0.1", port=0)
    print(server.sockets[0].getsockname()[1], flush=True)

    done = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: done.done() or done.set_result(None))
    loop.add_reader(sys.stdin.fileno(),
                    lambda: (sys.stdin.buffer.read1(4096) or done.done() or done.set_result(None)))
    await done
    server.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
