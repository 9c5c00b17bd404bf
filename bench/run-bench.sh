#!/usr/bin/env bash
# The performance benchmark of the whole job against the plain-SQL peer (bench/sql-peer.sql).
#
#   bench/run-bench.sh [N] [RUNS]      N tickets of October 2026 (default 1000000), RUNS pairs (default 3)
#   bench/run-bench.sh history [RUNS]  10,000 tickets of October with and without 10 million older ones
#   bench/run-bench.sh months [N] [RUNS]  the publish step of N tickets of October re-run alone, then beside five
#                                      other published months of N (copies of October's partition, other ids)
#
# Needs: a build (mvn -B -q -DskipTests package), PostgreSQL on PGHOST (127.0.0.1) as PGUSER (postgres),
# psql and GNU time. It (re)creates the database sla_bench. Runs the job as it is installed (the launcher
# target/sla-compliance) with -Xmx256m, alternating with the SQL peer, and prints per run: wall seconds,
# tickets per second, peak RSS, the job/peer ratio and the workbook's share of the job (the workbook is
# written while the month is published: its own time, from its log line, overlaps the publish step's);
# then the median ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
DB=sla_bench
LAUNCHER=target/sla-compliance # the job as it is installed: its class data archive, the throughput collector
[[ -x $LAUNCHER ]] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fresh_db() {
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  psql -q -d $DB -f bench/tickets.sql
}

generate() { # n [id offset, months back]
  psql -q -d $DB -v n="$1" -f bench/generate.sql
}

# seconds, peak RSS (MB) of a command; its output goes to $WORK/last.log
measure() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/last.log" 2>&1 || true
  read -r secs kb < "$WORK/time"
  echo "$secs $((kb / 1024))"
}

job() {
  JAVA_OPTS=-Xmx256m measure "$LAUNCHER" --month=2026-10 \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="$PGUSER" \
    --sla.output-dir="$WORK/reports"
}

peer() {
  measure psql -q -d $DB -v ON_ERROR_STOP=1 -f bench/sql-peer.sql
}

step_ms() { # step name -> ms from the job's log
  sed -n "s/.*step $1: COMPLETED.*, \([0-9]*\) ms$/\1/p" "$WORK/last.log" | tail -1
}

workbook_ms() { # the workbook's own time, from its start (during the publish step) to its files in place
  sed -n "s/.*MonthlyWorkbook - workbook .* written in \([0-9]*\) ms .*/\1/p" "$WORK/last.log" | tail -1
}

pairs() { # n runs label
  local n=$1 runs=$2 ratios=()
  job > /dev/null # warm-up: migrations, caches
  printf '%-8s %9s %10s %9s %11s %9s %9s %7s %10s\n' "tickets" "job s" "tickets/s" "job MB" "workbook s" "peer s" "peer MB" "ratio" "workbook %"
  for ((i = 1; i <= runs; i++)); do
    read -r js jm < <(job)
    grep -q "COMPLETED" "$WORK/last.log" || { cat "$WORK/last.log"; exit 1; }
    wb=$(workbook_ms); wb=${wb:-0}
    read -r ps pm < <(peer)
    ratio=$(awk -v a="$js" -v b="$ps" 'BEGIN { printf "%.2f", a / b }')
    ratios+=("$ratio")
    printf '%-8s %9s %10.0f %9s %11.1f %9s %9s %7s %9.1f%%\n' "$n" "$js" "$(awk -v n="$n" -v s="$js" 'BEGIN{print n/s}')" \
      "$jm" "$(awk -v m="$wb" 'BEGIN{print m/1000}')" "$ps" "$pm" "$ratio" "$(awk -v m="$wb" -v s="$js" 'BEGIN{print m/10/s}')"
  done
  printf 'median ratio job/peer: %s\n' "$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
}

publish_times() { # n runs -> the publish step's ms of each run
  local out=()
  for ((i = 1; i <= $2; i++)); do
    job > /dev/null
    grep -q "COMPLETED" "$WORK/last.log" || { cat "$WORK/last.log"; exit 1; }
    out+=("$(step_ms publish)")
  done
  echo "${out[*]}"
}

if [[ ${1:-} == months ]]; then
  n=${2:-1000000}; runs=${3:-2}
  fresh_db; generate "$n"
  job > /dev/null # publishes October
  echo "publish of $n tickets of October 2026 (ms), no other month published: $(publish_times "$n" "$runs")"
  for m in 05 06 07 08 09; do
    psql -q -d $DB -c "CREATE TABLE sla_ticket_result_2026_$m (LIKE sla_ticket_result INCLUDING DEFAULTS)" \
      -c "INSERT INTO sla_ticket_result_2026_$m SELECT 'M$m' || ticket_id, '2026-$m',
            $(psql -qAt -d $DB -c "SELECT string_agg(attname, ', ' ORDER BY attnum) FROM pg_attribute
              WHERE attrelid = 'sla_ticket_result'::regclass AND attnum > 2 AND NOT attisdropped")
          FROM sla_ticket_result_2026_10" \
      -c "ALTER TABLE sla_ticket_result_2026_$m ADD PRIMARY KEY (ticket_id, period)" \
      -c "ALTER TABLE sla_ticket_result ATTACH PARTITION sla_ticket_result_2026_$m FOR VALUES IN ('2026-$m')" \
      -c "ANALYZE sla_ticket_result_2026_$m"
  done
  echo "the same beside five other published months of $n tickets: $(publish_times "$n" "$runs")"
elif [[ ${1:-} == history ]]; then
  runs=${2:-3}
  echo "== 10,000 tickets of October 2026, no history"
  fresh_db; generate 10000
  pairs 10000 "$runs"
  echo "== the same 10,000 tickets with 10,000,000 older tickets (closed before October 2026)"
  psql -q -d $DB -c "INSERT INTO tickets SELECT 'H' || substr(ticket_id, 2) || '-' || k, account_id, account_name, customer_tier,
      severity, category, channel, integration, subject, created_at - k * interval '31 days', acknowledged_at - k * interval '31 days',
      first_response_at - k * interval '31 days', closed_at - k * interval '31 days'
    FROM tickets, generate_series(1, 1000) k WHERE ticket_id LIKE 'B%'" -c "ANALYZE tickets"
  pairs 10000 "$runs"
else
  n=${1:-1000000}; runs=${2:-3}
  fresh_db; generate "$n"
  pairs "$n" "$runs"
fi
