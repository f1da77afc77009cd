#!/usr/bin/env python3
"""W3: server time of the main pages at city scale.

Logs in as one user over one kept-alive HTTP/1.1 connection (as a browser tab would), then asks each page in turn:
a warm-up, then N measured requests per page, taking turns between the pages so a slow minute of the machine hits
them all alike. Time per request = from sending the request to the last byte of the answer, on localhost (the app
sends no Server-Timing header). Takes cookies the app renews, as a browser does.

usage: w3.py --base http://127.0.0.1:PORT --email E --password P --pages pages.txt [--requests 50] [--warmup 5]
          [--goal 150] [--out results.md] [--title T]
pages.txt: one page a line, "name<TAB>path" (path already filled in: /slug/vandaag); '#' lines are comments.
"""
import argparse
import html
import http.client
import re
import statistics
import sys
import time
import urllib.parse


class Browser:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), "Accept": "text/html"}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location"), data, elapsed

    def login(self, email, password):
        status, _, page, _ = self.request("GET", "/account/inloggen")
        match = re.search(rb'name="__RequestVerificationToken"[^>]*value="([^"]+)"', page)
        if status != 200 or not match:
            sys.exit(f"w3: no login form (status {status})")
        form = urllib.parse.urlencode({"Input.Email": email, "Input.Password": password,
                                       "__RequestVerificationToken": html.unescape(match.group(1).decode())})
        status, location, _, _ = self.request("POST", "/account/inloggen", form)
        if status != 302 or (location or "").startswith("/account/"):
            sys.exit(f"w3: login as {email} failed (status {status}, to {location})")


def nearest_rank(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--pages", required=True)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--goal", type=float, default=150)
    parser.add_argument("--out")
    parser.add_argument("--title", default="W3 page times")
    args = parser.parse_args()

    pages = []
    for line in open(args.pages, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.strip() and not line.startswith("#"):
            name, path = line.split("\t", 1)
            pages.append((name, path))

    browser = Browser(args.base)
    browser.login(args.email, args.password)
    times = {name: [] for name, _ in pages}
    sizes = {}
    for round_ in range(args.warmup + args.requests):
        for name, path in pages:
            status, location, data, elapsed = browser.request("GET", path)
            if status != 200:
                sys.exit(f"w3: {name} ({path}) answered {status} {location or ''}")
            sizes[name] = len(data)
            if round_ >= args.warmup:
                times[name].append(elapsed)

    lines = [f"## {args.title}", "",
             f"{args.requests} requests per page after {args.warmup} warm-up rounds, pages taking turns, one kept-alive "
             f"connection, time to the last byte on localhost. Goal: p95 under {args.goal:.0f} ms.", "",
             "| page | path | p50 ms | p95 ms | max ms | KB | goal |", "|---|---|---:|---:|---:|---:|---|"]
    misses = 0
    for name, path in pages:
        t = times[name]
        p95 = nearest_rank(t, 95)
        ok = p95 < args.goal
        misses += 0 if ok else 1
        lines.append(f"| {name} | `{path}` | {statistics.median(t):.1f} | {p95:.1f} | {max(t):.1f} | {sizes[name] / 1024:.0f} | "
                     f"{'met' if ok else '**missed**'} |")
    lines += ["", f"{len(pages) - misses} of {len(pages)} pages meet the goal.", ""]
    text = "\n".join(lines)
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as out:
            out.write(text + "\n")


if __name__ == "__main__":
    main()
