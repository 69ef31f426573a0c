#!/usr/bin/env bash
# A time-boxed sqlmap run against the built API on 127.0.0.1 (SECURITY-BAR: parameterized queries).
# Not part of CI: it takes minutes and needs the Debian package sqlmap (installed when missing).
#
#   npm run build && scripts/sqlmap.sh            # default budget: 900 s for the whole run
#   SQLMAP_BUDGET_SECONDS=300 scripts/sqlmap.sh
#
# It starts dist/server/main.js on a free port with a temporary DATA_DIR (embedded database),
# registers a user, runs sqlmap on a handful of JSON endpoints with that user's cookies and CSRF
# header (--batch --level 2 --risk 1 --time-sec 2), prints a verdict and stops the server.
# Exit status: 0 nothing found, 1 an injection found, 2 could not run, 3 ran out of time.
set -euo pipefail

BUDGET=${SQLMAP_BUDGET_SECONDS:-900}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

fail() { echo "sqlmap.sh: $*" >&2; exit 2; }

[[ -f dist/server/main.js ]] || fail "dist/server/main.js is missing: run npm run build first"
command -v curl >/dev/null || fail "curl is required"
if ! command -v sqlmap >/dev/null; then
  echo "Installing sqlmap (apt-get)..."
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo"
  $SUDO apt-get install -y -q sqlmap >/dev/null || { $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q sqlmap >/dev/null; }
fi

WORK=$(mktemp -d -t tl-sqlmap-XXXXXX)
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
BASE="http://127.0.0.1:$PORT"
SERVER_PID=""

cleanup() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ ${KEEP_WORK:-0} == 1 ]]; then echo "Work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# NODE_ENV=test only so that BCRYPT_COST may be 4: sign-in attempts are then cheap and sqlmap
# gets through more payloads in its budget. TRUST_PROXY=true with sqlmap's xforwardedfor tamper
# gives each payload an address of its own, so the per-IP rate limits (429) do not stop the
# payloads before they reach the database. The SQL the server runs is the same as in production.
echo "Starting the server on $BASE (DATA_DIR=$WORK/data)..."
NODE_ENV=test BCRYPT_COST=4 TRUST_PROXY=true HOST=127.0.0.1 PORT=$PORT DATA_DIR="$WORK/data" LOG_LEVEL=info \
  node dist/server/main.js >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do
  curl -fsS "$BASE/api/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; fail "the server exited"; }
  sleep 0.2
done
curl -fsS "$BASE/api/health" >/dev/null || fail "the server did not answer /api/health"

# Sign up through the API, as the web app does: CSRF token first, then register.
JAR="$WORK/cookies.txt"
TOKEN=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/api/auth/csrf" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).token))')
EMAIL="sqlmap.$(date +%s)@example.com"
PASSWORD="sqlmap scan passphrase 42"
curl -fsS -c "$JAR" -b "$JAR" -H "Content-Type: application/json" -H "X-CSRF-Token: $TOKEN" \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\",\"acceptTerms\":true}" "$BASE/api/auth/register" >/dev/null \
  || fail "registration failed"
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR" | sed 's/; $//')
[[ $COOKIE == *tl_session=* ]] || fail "no session cookie after registration"

PRACTICE_ID=$(curl -fsS -b "$JAR" -H "Content-Type: application/json" -H "X-CSRF-Token: $TOKEN" \
  -d '{"name":"Scan Practice","timeZone":"America/Chicago"}' "$BASE/api/practices" 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).practice.id)}catch{console.log("")}})' || true)
SOME_UUID=$(node -e 'console.log(crypto.randomUUID())')

# METHOD|PATH|JSON body or empty. A * marks an injection point: sqlmap then tests only the marked
# ones. Without a mark it tests every JSON field and (--level 2) the cookies, but it skips fields
# whose name contains "token", taking them for anti-CSRF tokens; those are marked explicitly.
TARGETS=(
  "POST|/api/auth/login|{\"email\":\"$EMAIL\",\"password\":\"wrong password\"}"
  "POST|/api/auth/password/forgot|{\"email\":\"$EMAIL\"}"
  "POST|/api/auth/password/reset|{\"token\":\"0123456789abcdef0123456789abcdef*\",\"password\":\"$PASSWORD*\"}"
  "POST|/api/auth/verify-email|{\"token\":\"0123456789abcdef0123456789abcdef*\"}"
  "DELETE|/api/me/sessions/$SOME_UUID*|"
)
if [[ -n $PRACTICE_ID ]]; then
  TARGETS+=(
    "PATCH|/api/practices/$PRACTICE_ID|{\"name\":\"Scan Practice\"}"
    "GET|/api/practices/$PRACTICE_ID*/events|"
    "POST|/api/practices/$PRACTICE_ID/invitations|{\"email\":\"invitee@example.com\",\"role\":\"user\"}"
    "POST|/api/invitations/preview|{\"token\":\"0123456789abcdef0123456789abcdef*\"}"
  )
fi

DEADLINE=$(($(date +%s) + BUDGET))
FOUND=(); CLEAN=(); TIMED_OUT=()
for target in "${TARGETS[@]}"; do
  IFS='|' read -r method path body <<<"$target"
  left=$((DEADLINE - $(date +%s)))
  if ((left <= 5)); then TIMED_OUT+=("$method $path (not started)"); continue; fi
  echo "=== $method $path (up to ${left}s left)"
  log="$WORK/sqlmap-$(echo "$method$path" | tr -c 'A-Za-z0-9' '_').log"
  args=(-u "$BASE$path" --method "$method" --batch --level 2 --risk 1 --time-sec 2
    --cookie "$COOKIE" --drop-set-cookie --ignore-code 401,404 --tamper xforwardedfor --flush-session --disable-coloring
    --output-dir "$WORK/sqlmap")
  if [[ -n $body ]]; then
    args+=(--data "$body" --headers "X-CSRF-Token: $TOKEN\nContent-Type: application/json")
  else
    args+=(--headers "X-CSRF-Token: $TOKEN")
  fi
  set +e
  timeout --kill-after=10 "$left" sqlmap "${args[@]}" >"$log" 2>&1
  status=$?
  set -e
  if grep -qE "sqlmap identified the following injection point|is vulnerable|appears to be '.*' injectable" "$log"; then
    FOUND+=("$method $path"); grep -E "Parameter:|Type:|Title:|Payload:" "$log" | head -20
  elif ((status == 124 || status == 137)); then
    TIMED_OUT+=("$method $path")
  elif grep -qE "all tested parameters do not appear to be injectable|do not appear to be injectable" "$log"; then
    CLEAN+=("$method $path")
  else
    TIMED_OUT+=("$method $path (sqlmap exit $status: $(grep -iE 'critical' "$log" | tail -1 || true))")
  fi
done

SERVER_ERRORS=$(grep -c '"status":5[0-9][0-9]' "$WORK/server.log" || true)
echo
echo "=== Verdict ($(date -u +%FT%TZ), sqlmap $(sqlmap --version 2>/dev/null | head -1))"
for t in "${CLEAN[@]}"; do echo "  clean:       $t"; done
for t in "${TIMED_OUT[@]}"; do echo "  incomplete:  $t"; done
for t in "${FOUND[@]}"; do echo "  INJECTABLE:  $t"; done
echo "  server answers with status 5xx during the scan: $SERVER_ERRORS"
if ((${#FOUND[@]} > 0)); then echo "FAIL: sqlmap found an injection point."; KEEP_WORK=1; exit 1; fi
if ((${#TIMED_OUT[@]} > 0)); then echo "INCOMPLETE: the budget ran out (raise SQLMAP_BUDGET_SECONDS)."; exit 3; fi
echo "PASS: sqlmap found no injection point in ${#CLEAN[@]} endpoints."
