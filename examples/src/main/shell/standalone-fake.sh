#!/usr/bin/env bash
# Drives the standalone fake Databricks from a shell: start it, create and list a user with curl, read the test-control
# state, stop it. Usage: standalone-fake.sh [path/to/scim-testkit-<version>-standalone.jar]
# (default: the jar built by `mvn -pl scim-testkit -am package`, found from this script's location).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-}"
if [ -z "$jar" ]; then
  jar="$(ls "$here"/../../../../scim-testkit/target/scim-testkit-*-standalone.jar 2>/dev/null | head -n 1 || true)"
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "standalone jar not found; build it with: mvn -pl scim-testkit -am package -DskipTests" >&2
  exit 2
fi

# The fake prints one JSON line with its URL and tokens, then serves until killed.
out="$(mktemp)"
java -jar "$jar" --port 0 >"$out" &
fake=$!
trap 'kill "$fake" 2>/dev/null || true; wait "$fake" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 1 100); do
  [ -s "$out" ] && break
  kill -0 "$fake" 2>/dev/null || { echo "the fake exited early" >&2; exit 1; }
  sleep 0.1
done
line="$(head -n 1 "$out")"
# The first occurrence of a string field (workspaces have a "url" of their own, listed after the account's).
field() { printf '%s' "$line" | grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d '"' -f 4; }
url="$(field url)"
account="$(field accountId)"
token="$(field accountToken)"
scim="$url/api/2.0/accounts/$account/scim/v2"
echo "fake account $account at $url"

curl -fsS -X POST "$scim/Users" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"userName":"shell@example.com","displayName":"Shell User"}' >/dev/null
echo "created shell@example.com"

curl -fsS "$scim/Users?filter=userName%20eq%20%22shell@example.com%22" -H "Authorization: Bearer $token" \
  | grep -o '"totalResults":[0-9]*' | sed 's/^/listed: /'

# The test-control API takes no token.
curl -fsS "$url/_fake/state" | grep -o '"userName":"shell@example.com"' | sed 's/^/state: /'
