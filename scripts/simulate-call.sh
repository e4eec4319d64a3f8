#!/usr/bin/env bash
# Simulates the phone system calling Onsite's webhook: a check-in or check-out by phone.
#   scripts/simulate-call.sh SERVER_URL SECRET ASSIGNMENT_ID check_in|check_out
# With `onsite --demo` the server URL is in the app's status bar and the secret is
# demo-phone-secret. Needs curl and openssl.
set -euo pipefail
url=${1:?server URL, e.g. http://127.0.0.1:8750}
secret=${2:?shared secret}
id=${3:?assignment id}
event=${4:?check_in or check_out}
ts=$(date +%s)
body=$(printf '{"call_id":"%s","assignment_id":%s,"event":"%s","at":"%s"}' \
  "sim-$ts-$RANDOM" "$id" "$event" "$(date -u +%Y-%m-%dT%H:%M:%SZ)")
sig=$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)
curl -sS -X POST "$url/api/v1/phone/events" -H 'Content-Type: application/json' \
  -H "X-Onsite-Timestamp: $ts" -H "X-Onsite-Signature: sha256=$sig" --data "$body"
echo
