"""Calls Humiao from Python with the standard library only: screen a line, then minor mode.

    HUMIAO_URL=http://localhost:8080 HUMIAO_KEY=hm_... python3 humiao_client.py

Prints one line per call, "<call>: <answer JSON>"; exits 1 on an error answer.
"""
import json
import os
import sys
import time
import urllib.error
import urllib.request

URL = os.environ.get("HUMIAO_URL", "http://localhost:8080")
KEY = os.environ["HUMIAO_KEY"]  # a platform key: it acts for its own platform


class HumiaoError(Exception):
    """An error answer: branch on .code (stable), wait .retry_after seconds on 429 and 503."""

    def __init__(self, status, code, message, retry_after):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.retry_after = status, code, retry_after


def post(path, body):
    request = urllib.request.Request(
        URL + path,
        data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
        headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as e:
        error = json.load(e)["error"]
        raise HumiaoError(e.code, error["code"], error["message"], e.headers.get("Retry-After")) from None


def main():
    user, session, now = "player-1", "session-%d" % time.time_ns(), int(time.time())
    calls = [
        ("screen", "/v1/text/screen", {"text": "你个傻*逼", "scene": "chat", "authorId": user}),
        ("authorize", "/v1/play/authorize", {"user": user, "session": session}),
        ("heartbeat", "/v1/play/heartbeat", {"user": user, "session": session, "from": now - 60, "to": now}),
        # the key makes the check idempotent: a retry with the same key gets the same answer
        ("payment", "/v1/payments/check", {"user": user, "amountFen": 600, "key": "order-" + session}),
    ]
    try:
        for name, path, body in calls:
            print(name + ": " + json.dumps(post(path, body), ensure_ascii=False))
    except HumiaoError as e:
        print(e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
