#!/usr/bin/env bash
# The yardstick: the stock Blazor Server template (`dotnet new blazor --interactivity Server`), published like the
# portal, process start to the first 200 on /, median of N starts. Run it in the same minutes as measure.sh: the
# machine is shared and absolute numbers drift several-fold (README of this folder).
#   bench/startup/measure-template.sh [RUNS=7] [extra dotnet publish arguments, e.g. -r linux-x64 -p:PublishReadyToRun=true]
set -euo pipefail
runs=${1:-7}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet new blazor --interactivity Server --name Yardstick --output "$work/src" >/dev/null
dotnet publish "$work/src/Yardstick.csproj" --configuration Release --output "$work/app" "$@" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

start_once() {
  local begin end pid cpu code=000
  begin=$(date +%s%N)
  ( cd "$work/app" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Yardstick.dll >"$work/log" 2>&1 ) &
  pid=$!
  until [ "$code" = 200 ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" || true)
    [ "$code" = 200 ] || sleep 0.01
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
  done
  end=$(date +%s%N)
  # CPU time (user + system) the process spent until then: far less sensitive to a busy machine than wall time.
  cpu=$(awk -v tick="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (end - begin) / 1000000 )) $cpu"
}

echo "load: $(uptime)"
times=()
for _ in $(seq "$runs"); do times+=("$(start_once)"); done
summary() {
  local lines; lines=$(cat)
  for column in 1 2; do
    printf '%s\n' "$lines" | awk -v c="$column" '{print $c}' | sort -n \
      | awk -v label="$([ "$column" = 1 ] && echo wall || echo ", CPU")" '{a[NR]=$1} END {printf "%s %d ms (min %d, max %d)", label, a[int((NR+1)/2)], a[1], a[NR]}'
  done
}
echo "template: $(printf '%s\n' "${times[@]}" | summary)   [wall cpu: ${times[*]/%/;}]"
