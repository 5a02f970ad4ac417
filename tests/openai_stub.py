"""A local OpenAI-compatible chat server for fault injection and load tests (127.0.0.1 only).

It answers /v1/chat/completions with a draft that fits the requested schema (SMS, email, TikTok, a review reply, a social post or a search ad) after a
fixed latency, and can answer a share of requests with 429 (with Retry-After), 500, a hang past the
client's timeout, or a body that is not JSON. A topic containing ALWAYS500 always gets a 500.

    python tests/openai_stub.py --port 8799 --latency 0.25 [--faults 0.2] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

REPLIES = {
    "message": {"message": "Flu clinics run every Saturday in November. Walk in between 9am and 12pm."},
    "subject": {"subject": "Saturday flu clinics in November",
                "preheader": "Walk in between 9am and 12pm, no appointment needed",
                "body": "Our flu clinics run every Saturday in November. Walk in between 9am and 12pm.",
                "cta": "Find your nearest clinic day"},
    "hook": {"hook": "Three things to know about Saturday clinics",
             "beats": [{"on_screen": "Saturdays", "voiceover": "Clinics run every Saturday in November."},
                       {"on_screen": "Walk in", "voiceover": "No appointment, just walk in."},
                       {"on_screen": "Bring details", "voiceover": "Bring your details if you have them."},
                       {"on_screen": "Ask us", "voiceover": "Questions? Ask our pharmacists."},
                       {"on_screen": "Open", "voiceover": "We open at nine."},
                       {"on_screen": "See you", "voiceover": "See you on Saturday."}],
             "caption": "Saturday clinics all November", "hashtags": ["clinic", "Bristol"]},
    "reply": {"reply": "Thank you for taking the time to share your feedback. We will pass it on to the team."},
    "alt_text": {"caption": "Flu clinics run every Saturday in November. Walk in between 9am and 12pm.",
                 "hashtags": ["#flu", "#pharmacy"], "alt_text": "A pharmacist at the counter of a community pharmacy."},
    "headlines": {"headlines": ["Saturday Flu Clinics", "Walk In 9am to 12pm", "Flu Clinics in November"],
                  "descriptions": ["Flu clinics run every Saturday in November.", "Walk in between 9am and 12pm."],
                  "path": ["flu", "saturdays"]},
}
FAULTS = ("429", "500", "hang", "malformed")


class Stub:
    def __init__(self, latency: float = 0.0, faults: float = 0.0, seed: int = 1, hang: float = 5.0,
                 kinds: tuple[str, ...] = FAULTS):
        self.latency, self.faults, self.hang, self.kinds = latency, faults, hang, kinds
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.requests = 0
        self.injected: dict[str, int] = {k: 0 for k in FAULTS}
        self.server: ThreadingHTTPServer | None = None

    def fault(self) -> str | None:
        with self.lock:
            self.requests += 1
            if self.rng.random() >= self.faults:
                return None
            kind = self.rng.choice(self.kinds)
            self.injected[kind] += 1
            return kind

    def start(self, port: int = 0) -> str:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body are separate writes: without this, Nagle's algorithm and delayed ACKs add
                # about 40 ms to every keep-alive request.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _send(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self) -> None:  # noqa: N802
                self._send(200, json.dumps({"object": "list", "data": [{"id": "stub", "object": "model"}]}).encode())

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                request = json.loads(self.rfile.read(length) or b"{}")
                time.sleep(stub.latency)
                text = json.dumps(request.get("messages", []))
                kind = "500" if "ALWAYS500" in text else stub.fault()
                if kind == "429":
                    return self._send(429, b'{"error": {"message": "rate limited", "type": "rate_limit"}}',
                                      {"Retry-After": "0.05"})
                if kind == "500":
                    return self._send(500, b'{"error": {"message": "server error"}}')
                if kind == "hang":
                    time.sleep(stub.hang)
                    return self._send(504, b'{"error": {"message": "gateway timeout"}}')
                if kind == "malformed":
                    return self._send(200, b'{"id": "x", "choices": [ {"message": ')
                fmt = request.get("response_format") or {}
                schema = (fmt.get("json_schema") or {}).get("schema") or fmt.get("schema") or {}
                props = schema.get("properties", {})
                reply = next((REPLIES[k] for k in REPLIES if k in props), REPLIES["message"])
                if "beats" in props:
                    reply = dict(reply, beats=reply["beats"][: props["beats"].get("maxItems", 4)])
                body = {"id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": "stub",
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": json.dumps(reply)}}],
                        "usage": {"prompt_tokens": 300, "completion_tokens": 40, "total_tokens": 340}}
                self._send(200, json.dumps(body).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8799)
    ap.add_argument("--latency", type=float, default=0.25)
    ap.add_argument("--faults", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    stub = Stub(args.latency, args.faults, args.seed)
    print(stub.start(args.port), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        stub.stop()


if __name__ == "__main__":
    main()
