#!/usr/bin/env bash
# Server memory per open staff page (bench/staff-circuits/README.md). For each staff path: publishes the portal in
# Release once, starts it fresh (Production, throwaway SQLite, demo data), invites an Admin with add-admin, and lets
# Program.cs open CIRCUITS pages of that path in headless Chromium while reading the portal's RSS.
# Needs: .NET SDK, /usr/bin/chromium. Takes a few minutes. APP_DIR=<published portal> skips publishing.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
port=${PORT:-5097}
circuits=${CIRCUITS:-30}
base="http://localhost:$port"
work=$(mktemp -d)
pid=""
app=""
stop() {
  # The portal (dotnet) runs as a child of the background subshell: stop both.
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; fi
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  pid=""; app=""
}
trap 'stop; rm -rf "$work"' EXIT
[ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: apt-get install -y chromium" >&2; exit 1; }

if [ -n "${APP_DIR:-}" ]; then
  # An already published portal (several runs side by side must not publish into one obj folder at once).
  ln -s "$APP_DIR" "$work/app"
else
  echo "Publishing (Release) ..." >&2
  dotnet publish "$root/CustomerCenter/CustomerCenter.csproj" -c Release -o "$work/app" --nologo -v quiet >&2
  dotnet build -c Release --nologo -v quiet . >&2
fi

portal() {
  ( cd "$work/app"
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__CustomerCenter="Data Source=$work/bench.db${CONNECTION_OPTIONS:-}" \
    Mail__PickupDirectory="$work/mail" \
    Portal__PublicUrl="$base" \
    Consent__TermsUrl=https://kammer.example/nutzungsbedingungen \
    Consent__PrivacyUrl=https://kammer.example/datenschutz \
    AllowedHosts=localhost \
    Logging__LogLevel__Default=Warning \
    exec dotnet CustomerCenter.dll "$@" )
}

template() {
  # The stock Blazor Web App template (interactive server), its counter page measured the same way: the yardstick.
  if [ ! -d "$work/template-app" ]; then
    dotnet new blazor --interactivity Server --name Template --output "$work/template" >/dev/null
    dotnet publish "$work/template/Template.csproj" -c Release -o "$work/template-app" --nologo -v quiet >&2
  fi
  ( cd "$work/template-app" && ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning exec dotnet Template.dll --urls "$base" )
}

echo "| path | circuits | RSS at start | RSS after N | per circuit, first N | RSS after 2N | per circuit, next N |"
echo "|---|---|---|---|---|---|---|"
for path in ${PATHS:-template staff/members staff/access-log}; do
  if [ "$path" = template ]; then
    template >"$work/portal.log" 2>&1 &
    pid=$!
    ready="$base/"
    flags=(--template --path counter)
  else
    rm -rf "$work/bench.db"* "$work/mail"
    portal migrate >/dev/null
    portal seed-demo --members 2000 --events 20000 >/dev/null
    portal add-admin bench.admin@kammer.example >/dev/null
    portal --urls "$base" >"$work/portal.log" 2>&1 &
    pid=$!
    ready="$base/health"
    flags=(--path "$path")
  fi
  for _ in $(seq 1 120); do curl -fs "$ready" >/dev/null 2>&1 && break; sleep 1; done
  curl -fs "$ready" >/dev/null || { cat "$work/portal.log" >&2; exit 1; }
  # The server process itself (dotnet), not the subshell that started it.
  app=$(pgrep -P "$pid" -f 'CustomerCenter.dll|Template.dll' || echo "$pid")
  dotnet bin/Release/net10.0/StaffCircuitsBench.dll --base "$base" --pickup "$work/mail" --pid "$app" --circuits "$circuits" "${flags[@]}"
  stop
done
