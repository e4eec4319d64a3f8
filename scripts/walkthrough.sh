#!/usr/bin/env bash
# The README's walkthrough, played for real under Xvfb: a demo server, the app signed in as
# Alex, and the client company's steps through `onsite-server admin`. Takes an assignment from
# Assigned to Paid and writes docs/screenshots/walkthrough-*.png.
# Needs xvfb, imagemagick (import) and xdotool.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ONSITE_BIN:-$root/build/bin}
out=${1:-$root/docs/screenshots}
mkdir -p "$out"
tmp=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
db="sqlite:$tmp/server.sqlite"
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
"$bin/onsite-server" --demo --listen "127.0.0.1:$port" --db "$db" --files "$tmp/files" \
  >"$tmp/server.out" 2>"$tmp/server.log" &
server=$!
app=
trap 'kill $app $server $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do grep -q "Listening" "$tmp/server.out" 2>/dev/null && break; sleep 0.2; done
admin() { "$bin/onsite-server" admin --db "$db" "$@"; }
# Xvfb has no window manager: give the keyboard to a window by its title before typing.
focus() {
  local w
  w=$(timeout 15 xdotool search --sync --onlyvisible --name "$1" | tail -n1) || true
  [ -n "$w" ] || { echo "no window named $1" >&2; return 1; }
  xdotool windowfocus --sync "$w" 2>/dev/null || xdotool windowfocus "$w" || true
}
shot() { sleep "${2:-2}"; import -window root "$out/walkthrough-$1.png"; echo "walkthrough-$1.png"; }

# The company (Cascade Facilities Group, company 3) assigns a job to Alex (worker 1).
start=$(date -u -d '+20 min' +%Y-%m-%dT%H:%M:00Z)
end=$(date -u -d '+200 min' +%Y-%m-%dT%H:%M:00Z)
cat >"$tmp/job.json" <<JSON
[{"worker_id": 1, "title": "Replace the lobby badge reader",
  "description": "The badge reader at the main entrance fails intermittently. Replace it with the unit shipped to site and test with security.",
  "instructions": "Ask for the facilities manager at the front desk.",
  "site": {"address": "1700 Lincoln St", "city": "Denver", "region": "CO", "postal_code": "80203",
           "country": "US", "time_zone": "America/Denver"},
  "schedule": {"start": "$start", "end": "$end", "checkin_early_minutes": 30, "checkin_grace_minutes": 15},
  "pricing": {"type": "flat", "currency": "USD", "flat_cents": 18000},
  "checklist": [{"kind": "check_in_out"}, {"kind": "deliverables"}, {"kind": "closeout_notes"}],
  "tasks": [{"id": "boxed", "type": "checkbox", "label": "Old reader boxed for return"}],
  "deliverable_requirements": [{"id": "photo", "kind": "photo", "description": "New reader installed", "count": 1}]}]
JSON
id=$(admin import-assignments 3 "$tmp/job.json")
echo "assignment $id"

export DISPLAY=$display QT_QPA_PLATFORM=xcb
"$bin/onsite" --server "http://127.0.0.1:$port" --data-dir "$tmp/client" >"$tmp/app.log" 2>&1 &
app=$!
sleep 4
focus '^Sign in to Onsite( |$)'
xdotool key alt+e && xdotool type --delay 5 "alex@demo.onsite"
xdotool key alt+p && xdotool type --delay 5 "onsite-demo"
xdotool key Return
sleep 5
focus '^Onsite$'
# Find the job and open it: Ctrl+F, the title, Enter to the first match, Enter to open.
xdotool key ctrl+f && xdotool type --delay 5 "badge reader"
xdotool key Return Return
shot 1-assigned

xdotool key alt+i # check in
sleep 2
xdotool key alt+x # the gear menu on the status bar
shot 2-gear-menu 1
xdotool key e # Request expense reimbursement…
sleep 1
focus '^Request: '
xdotool key Tab && xdotool type --delay 5 "18.50"
xdotool key Tab && xdotool type --delay 5 "Parking at the site (no free parking for contractors)"
shot 3-expense-form 1
xdotool key alt+r
sleep 2
focus '^Onsite$'

# The company approves the expense.
request=$(admin pending 3 | sed -n "s/^request \([^ ]*\) on assignment $id:.*/\1/p" | head -n1)
admin decide-request 3 "$id" "$request" approve "Approved; keep the ticket."
xdotool key F5
shot 4-request-approved 3

# Photo of the installed reader, through "Upload Files…".
convert -size 800x600 plasma:fractal "$tmp/reader-installed.png" 2>/dev/null ||
  cp "$root/resources/icons/onsite.png" "$tmp/reader-installed.png" 2>/dev/null || true
xdotool key alt+u
sleep 2
focus '^Upload files( |$)'
xdotool type --delay 5 "$tmp/reader-installed.png"
xdotool key Return
sleep 2
focus '^Upload files( |$)'
xdotool key Return
sleep 4
focus '^Onsite$'
xdotool key alt+o # check out
sleep 2
# A bonus request that will still be pending at submission.
xdotool key alt+x && sleep 1 && xdotool key o
sleep 1
focus '^Request: '
xdotool key Tab && xdotool type --delay 5 "25"
xdotool key Tab && xdotool type --delay 5 "Same-day turnaround requested by the manager"
xdotool key alt+r
sleep 2
focus '^Onsite$'
shot 5-before-submit 1
# The custom task, from the checklist: Alt+C, the last item, Enter, tick, OK.
xdotool key alt+c
sleep 0.5
xdotool key End
sleep 0.5
xdotool key Return
focus '^Task( |$)'
sleep 0.5
xdotool key alt+d
sleep 0.5
xdotool key Return
sleep 2
focus '^Onsite$'
xdotool key alt+b # Submit for approval…
sleep 1
focus '^Submit for approval( |$)'
xdotool type --delay 5 "Replaced the reader, tested six badges with security. Old unit boxed at the front desk."
shot 6-submit-dialog 1
xdotool key alt+s
sleep 1
focus '^Onsite$'
shot 7-pending-approval 3

admin approve 3 "$id"
xdotool key F5
sleep 3
admin mark-paid 3 "$id"
xdotool key F5
shot 8-paid 4
xdotool key ctrl+shift+e
shot 9-scorecard 3
focus '^Scorecard and earnings( |$)'
xdotool key Escape
sleep 1
focus '^Onsite$'
# The app menu: exports, calendar, settings.
xdotool key alt+n
shot 10-menu 1
xdotool key Escape
sleep 0.5
xdotool key ctrl+comma
shot 11-settings 2
focus '^Settings( |$)'
xdotool key Escape
sleep 1

# Exports: the calendar subscription link, a timesheet and the assignment's record as PDFs.
save_as() { # title path: the save dialog, filled in with a path
  focus "^$1( |$)"
  xdotool key ctrl+a && xdotool type --delay 5 "$2"
  xdotool key Return
  for _ in $(seq 40); do [ -s "$2" ] && break; sleep 0.25; done
  sleep 1
}
pdf_shot() { # name pdf: its first page, as the worker would see it printed
  pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$2" "$out/walkthrough-$1"
  echo "walkthrough-$1.png"
}
focus '^Onsite$'
xdotool key alt+n && sleep 0.5 && xdotool key k
shot 12-calendar-link 3
focus '^Calendar subscription( |$)'
xdotool key Return
sleep 1
focus '^Onsite$'
xdotool key ctrl+shift+t
sleep 1
focus '^Export timesheet( |$)'
xdotool key alt+o Down
shot 13-timesheet-dialog 1
xdotool key Return
sleep 1
save_as 'Export timesheet' "$tmp/timesheet.pdf"
pdf_shot 14-timesheet-pdf "$tmp/timesheet.pdf"
focus '^Onsite$'
xdotool key alt+r
sleep 1
save_as 'Export assignment record' "$tmp/record.pdf"
pdf_shot 15-record-pdf "$tmp/record.pdf"
