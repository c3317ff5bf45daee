#!/usr/bin/env bash
# Benchmark of the embedded login (bench/embed/README.md). Publishes the portal in Release, starts it in Production
# on a loopback port with a throwaway SQLite file, then reports:
#   - what headless Chromium loads for /embed/login inside the demo page's iframe (measure.mjs, Chromium's network log)
#   - GET /embed/login per second under wrk (32 connections, 10 s), and the same for a static file as the ceiling.
# Needs: .NET SDK, node + npm (playwright-core from npm, no browser download), /usr/bin/chromium, wrk
# (apt-get install -y wrk). Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
port=${PORT:-5095}
base="http://localhost:$port"
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2; exit 1; }
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent

echo "Publishing (Release) ..." >&2
dotnet publish "$root/CustomerCenter/CustomerCenter.csproj" -c Release -o "$work/app" --nologo -v quiet >&2

(
  cd "$work/app"
  ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__CustomerCenter="Data Source=$work/bench.db" \
  Mail__PickupDirectory="$work/mail" \
  Logging__LogLevel__Default=Warning \
  exec dotnet CustomerCenter.dll --urls "$base"
) >"$work/portal.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$base/health" >/dev/null || { cat "$work/portal.log" >&2; exit 1; }

echo "Measuring the iframe in Chromium ..." >&2
browser=$(node measure.mjs "$base")
echo "$browser" >&2

# The stylesheet the login page links (fingerprinted, served by MapStaticAssets): the ceiling for this app.
css=$(curl -fs "$base/embed/login" | grep -o 'css/portal\.[a-z0-9]*\.css' | head -n 1)
rps() {
  wrk -t2 -c32 -d10s "$@" | awk '/^Requests\/sec/ { printf "%.0f", $2 }'
}
echo "wrk GET /embed/login ..." >&2
page_rps=$(rps "$base/embed/login")
echo "wrk GET /$css ..." >&2
static_rps=$(rps -H 'Accept-Encoding: br, gzip' "$base/$css")

field() { node -e "const m = JSON.parse(process.argv[1]); console.log($1)" "$browser"; }
cat <<TABLE

| /embed/login, embedded (demo page, headless Chromium $( /usr/bin/chromium --version 2>/dev/null | awk '{print $2}')) | first visit | repeat visit |
|---|---|---|
| requests from the iframe (budget 5) | $(field m.first.requests) | $(field m.repeat.requests) (+$(field m.repeat.fromCache) from cache) |
| bytes on the wire, headers + compressed bodies (budget 30 KB) | $(field m.first.bytes) | $(field m.repeat.bytes) |
| WebSockets opened by the page | $(field m.first.webSockets) | $(field m.repeat.webSockets) |

| wrk, 32 connections, 10 s, loopback, $(nproc) cores shared with the server | requests/s |
|---|---|
| GET /embed/login (rendered page, anti-forgery cookie) | $page_rps |
| GET /$css (static, precompressed, the ceiling) | $static_rps |
TABLE
