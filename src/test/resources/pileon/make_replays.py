#!/usr/bin/env python3
"""Writes the pile-on replays of ReplayCommandTest (docs/pileon.md#replay): run from this directory.

Each file is a story told as timestamped screen requests; the table in replays.json says what
each must reach. Deterministic (fixed seed), so the files only change when this script does.
"""
import json
import random
from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8))
START = datetime(2026, 3, 6, 20, 0, tzinfo=CHINA)
# blocked by the placeholder lexicons (the tests' lexicons/)
ABUSE = ["你个傻*逼", "你就是个傻逼", "傻逼滚出去", "真是个傻逼啊"]
CHAT = ["今天天气不错", "晚上一起打游戏吗", "这个视频好好看", "哈哈哈笑死我了", "明天见", "谢谢分享", "周末去哪里玩",
        "加油", "我也是这么想的", "好久不见"]
rng = random.Random(14)


def line(at, **fields):
    return json.dumps({"at": at.isoformat(), **fields}, ensure_ascii=False)


def minor_surge():
    """30 strangers pile on a 13-year-old within 10 minutes."""
    out = [json.dumps({"attest": "kid", "birthDate": "2013-01-15"})]
    for i in range(30):
        out.append(line(START + timedelta(seconds=19 * i), text=rng.choice(ABUSE), authorId=f"troll-{i}",
                        targetId="kid", relation="stranger", dataId=f"c{i}"))
    return out


def lively_chat():
    """60 people chat with each other, 240 messages in 10 minutes, no abuse."""
    out = []
    for i in range(240):
        author, target = rng.sample(range(60), 2)
        out.append(line(START + timedelta(seconds=2.5 * i), text=rng.choice(CHAT), authorId=f"user-{author}",
                        targetId=f"user-{target}", mentions=[f"user-{(target + 1) % 60}"], relation="friend"))
    return out


def one_author():
    """One author abuses a 13-year-old 60 times in 10 minutes: many messages, one author."""
    out = [json.dumps({"attest": "kid", "birthDate": "2013-01-15"})]
    for i in range(60):
        out.append(line(START + timedelta(seconds=10 * i), text=rng.choice(ABUSE), authorId="stalker",
                        targetId="kid", relation="stranger"))
    return out


def thin_week():
    """40 authors abuse one adult over a week, one message every four hours or so."""
    out = []
    at = START
    for i in range(40):
        at += timedelta(minutes=rng.randint(200, 300))
        out.append(line(at, text=rng.choice(ABUSE), authorId=f"grump-{i}", targetId="celebrity"))
    return out


for name, story in [("minor-surge", minor_surge), ("lively-chat", lively_chat), ("one-author", one_author),
                    ("thin-week", thin_week)]:
    with open(f"{name}.jsonl", "w", encoding="utf-8") as f:
        f.write("\n".join(story()) + "\n")
