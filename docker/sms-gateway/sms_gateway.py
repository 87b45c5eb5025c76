"""A stand-in for the operator's SMS gateway, speaking the hotline's contract (README: the SMS
gateway contract): POST /sms with {"id", "phone", "text"}, X-Timestamp (Unix seconds, at most 5
minutes off) and X-Signature (hex HMAC-SHA256 of the timestamp followed by the raw body, keyed with
SMS_SECRET). It sends nothing: it records each message once by its id (a repeat answers 200 and is
counted, not sent again) and logs it with the phone masked.

For people and fault tests:
  GET  /messages               what was accepted, and how many repeats were dropped
  POST /outage?seconds=600     answer 503 to every SMS for that long, as a gateway outage
  DELETE /outage               end the outage
  GET  /health                 200
"""

import hashlib
import hmac
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

SECRET = os.environ["SMS_SECRET"].encode("utf-8")
PORT = int(os.environ.get("PORT", "9090"))
MAX_SKEW_SECONDS = 300

lock = threading.Lock()
accepted = {}  # id -> message, in arrival order
repeats = 0
outage_until = 0.0


def masked(phone):
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


class Gateway(BaseHTTPRequestHandler):
    def do_POST(self):
        global outage_until, repeats
        path = urlparse(self.path)
        if path.path == "/outage":
            seconds = float(parse_qs(path.query).get("seconds", ["600"])[0])
            with lock:
                outage_until = time.time() + seconds
            return self.answer(200, {"outageSeconds": seconds})
        if path.path != "/sms":
            return self.answer(404, {"error": "no such path"})
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        refused = self.refusal(body)
        if refused:
            return self.answer(*refused)
        message = json.loads(body)
        with lock:
            if time.time() < outage_until:
                return self.answer(503, {"error": "gateway unavailable (simulated outage)"})
            if message["id"] in accepted:
                repeats += 1
                accepted[message["id"]]["repeats"] += 1
                return self.answer(200, {"id": message["id"], "duplicate": True})
            accepted[message["id"]] = {
                "id": message["id"],
                "phone": masked(message["phone"]),
                "text": message["text"],
                "receivedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "repeats": 0,
            }
        print(f"SMS {message['id']} to {masked(message['phone'])}: {message['text']}", flush=True)
        return self.answer(200, {"id": message["id"]})

    def do_DELETE(self):
        if urlparse(self.path).path != "/outage":
            return self.answer(404, {"error": "no such path"})
        global outage_until
        with lock:
            outage_until = 0.0
        return self.answer(200, {"outageSeconds": 0})

    def do_GET(self):
        path = urlparse(self.path).path
        if path == "/health":
            return self.answer(200, {"status": "UP"})
        if path == "/messages":
            with lock:
                return self.answer(200, {"messages": list(accepted.values()), "repeats": repeats})
        return self.answer(404, {"error": "no such path"})

    def refusal(self, body):
        """Why the request is refused (status, answer), or None: the checks a real gateway makes."""
        timestamp = self.headers.get("X-Timestamp", "")
        signature = self.headers.get("X-Signature", "")
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
            return 401, {"error": "X-Timestamp missing or more than 5 minutes off"}
        expected = hmac.new(SECRET, timestamp.encode("ascii") + body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return 401, {"error": "X-Signature does not match"}
        try:
            message = json.loads(body)
        except ValueError:
            return 400, {"error": "body is not JSON"}
        if not all(isinstance(message.get(field), str) and message[field] for field in ("id", "phone", "text")):
            return 400, {"error": "id, phone and text are required"}
        return None

    def answer(self, status, payload):
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        """No line per request: the line per accepted SMS above says what happened."""


if __name__ == "__main__":
    print(f"SMS gateway stand-in listening on {PORT}", flush=True)
    ThreadingHTTPServer(("0.0.0.0", PORT), Gateway).serve_forever()
