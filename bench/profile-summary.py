#!/usr/bin/env python3
"""Summarises a speedscope profile written by dotnet-trace (bench/run with W1_PROFILE): the frames where the
app spends its CPU, by self time and by inclusive time, over the threads that did work.
Usage: bench/profile-summary.py <file.speedscope.json> [top]"""
import json, sys, collections

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 40
doc = json.load(open(path))
frames = [f["name"] for f in doc["shared"]["frames"]]
self_time = collections.Counter()
inclusive = collections.Counter()
total = 0.0
IDLE = ("WaitHandle", "LowLevelLifoSemaphore", "epoll_wait", "Monitor.Wait", "Thread.Sleep", "UNMANAGED_CODE_TIME",
        "WaitForSocketEvents", "Interop+Sys.WaitForSocketEvents", "SemaphoreSlim.Wait", "ManualResetEventSlim.Wait")

def count(names, weight):
    global total
    # Idle threads wait in the thread pool or in epoll: not CPU.
    if not names or any(k in names[-1] for k in IDLE):
        return
    total += weight
    self_time[names[-1]] += weight
    for name in set(names):
        inclusive[name] += weight

for profile in doc["profiles"]:
    if profile.get("type") == "sampled":
        for stack, weight in zip(profile["samples"], profile["weights"]):
            count([frames[i] for i in stack], weight)
    elif profile.get("type") == "evented":
        # Open/close events: the stack in force between two events held the thread for that long.
        stack, last = [], profile["startValue"]
        for event in profile["events"]:
            count([frames[i] for i in stack], event["at"] - last)
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()
print(f"samples weight (busy): {total:.0f}")
print("\n== self time ==")
for name, w in self_time.most_common(top):
    print(f"{100 * w / total:6.2f} %  {name[:150]}")
print("\n== inclusive (Wijkbasis, ASP.NET Core, EF Core, Npgsql, SQLite) ==")
keep = ("Wijkbasis", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "System.Text.Json", "System.Security")
for name, w in [(n, w) for n, w in inclusive.most_common(4000) if n.startswith(keep)][:top]:
    print(f"{100 * w / total:6.2f} %  {name[:150]}")
