#!/usr/bin/env python3
"""latency.py URL N: N sequential GETs of URL on one keep-alive connection; prints p50 and p99 in ms."""
import http.client
import sys
import time
import urllib.parse

ACCEPT = ", ".join(["application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
                    "application/vnd.docker.distribution.manifest.v2+json"])

url = urllib.parse.urlsplit(sys.argv[1])
n = int(sys.argv[2])
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
times = []
for i in range(n + 20):
    start = time.perf_counter()
    conn.request("GET", url.path, headers={"Accept": ACCEPT})
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        sys.exit("GET %s: %d %s" % (sys.argv[1], response.status, body[:200]))
    if i >= 20:  # the first 20 warm up the connection and the JIT
        times.append(elapsed * 1000)
times.sort()
print("%.3f %.3f" % (times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]))
