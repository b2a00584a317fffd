-- wrk reports median and p95 latency (milliseconds), the request count and the failures
-- (connect/read/write errors, timeouts, answers of 400 and above) as one JSON line.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"p50_ms": %.3f, "p95_ms": %.3f, "requests": %d, "seconds": %.3f, "errors": %d, ' ..
    '"failures": "connect %d, read %d, write %d, timeout %d, status %d"}\n',
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests,
    summary.duration / 1e6, e.connect + e.read + e.write + e.timeout + e.status,
    e.connect, e.read, e.write, e.timeout, e.status))
end
