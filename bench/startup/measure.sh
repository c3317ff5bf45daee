#!/usr/bin/env bash
# Process start to the first 200 on /embed/login, median of N starts, for the built portal (README of this folder).
#   bench/startup/measure.sh [RUNS=7] [APP_DIR=CustomerCenter/bin/Release/net10.0]
# Two series on SQLite (the default provider): "new" deletes the database before each start (first run: migrations
# from nothing), "existing" keeps the database of the previous start (a restart or a rolling deploy).
set -euo pipefail
runs=${1:-7}
app_dir=$(realpath "${2:-CustomerCenter/bin/Release/net10.0}")
[ -f "$app_dir/CustomerCenter.dll" ] || { echo "Build first: dotnet build CustomerCenter -c Release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

start_once() {
  local begin end pid cpu code=000
  begin=$(date +%s%N)
  ( cd "$app_dir" && ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__CustomerCenter="Data Source=$work/cc.db" Consent__TermsUrl=https://chamber.example/terms \
      Mail__PickupDirectory="$work/mail" exec dotnet CustomerCenter.dll >"$work/log" 2>&1 ) &
  pid=$!
  until [ "$code" = 200 ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/embed/login" || true)
    [ "$code" = 200 ] || sleep 0.01
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  # CPU time (user + system) the process spent until then: far less sensitive to a busy machine than wall time.
  cpu=$(awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - begin) / 1000000 )) $cpu"
}

# Lines "wall cpu" in, "wall <median> ms (min, max), CPU <median> ms (min, max)" out.
summary() {
  local lines; lines=$(cat)
  for column in 1 2; do
    printf '%s\n' "$lines" | awk -v c="$column" '{print $c}' | sort -n \
      | awk -v label="$([ "$column" = 1 ] && echo wall || echo ", CPU")" '{a[NR]=$1} END {printf "%s %d ms (min %d, max %d)", label, a[int((NR+1)/2)], a[1], a[NR]}'
  done
}

echo "load: $(uptime)"
for series in new existing; do
  rm -f "$work"/cc.db*
  [ "$series" = existing ] && start_once >/dev/null
  times=()
  for _ in $(seq "$runs"); do
    [ "$series" = new ] && rm -f "$work"/cc.db*
    times+=("$(start_once)")
  done
  echo "$series database: $(printf '%s\n' "${times[@]}" | summary)   [wall cpu: ${times[*]/%/;}]"
done
