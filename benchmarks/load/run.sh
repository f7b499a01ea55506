#!/usr/bin/env bash
# HTTP load test over loopback, with RS256 tokens from a local stand-in gateway, on three apps:
# the sample app (the starter, with Actuator); the "starter" app, a minimal app with the
# starter (benchmarks/starter-resource-server); and the "stock" app, the same minimal app on
# Spring Boot's stock resource server (benchmarks/stock-resource-server). The starter and
# stock apps differ only in how tokens are checked, so they compare like with like.
#
# Measures, for each app: startup time (JVM start to first HTTP answer, median of STARTS
# starts) and heap used after startup (after a full GC); then, with both apps running, a
# long warm-up and ROUNDS rounds in which every scenario runs DURATION seconds, in turns
# (the order reversed every other round): requests/s, p50 and p99 latency; RSS at the end.
# Ratios are taken within a round, then the median over rounds is reported: a JVM server
# here keeps getting faster for minutes, so only numbers from the same round compare.
#
#   benchmarks/load/run.sh                       # defaults: about 15 minutes
#   ROUNDS=2 DURATION=10 WARMUP=60 STARTS=3 benchmarks/load/run.sh   # about 5 minutes
#
# Results: $OUT/summary.md (printed at the end), raw wrk output and app logs beside it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/benchmarks/load"

ROUNDS=${ROUNDS:-4}                # measured rounds; each runs every scenario once
DURATION=${DURATION:-20}           # seconds per scenario per round
WARMUP=${WARMUP:-180}              # seconds of warm-up in all, in three round-robin passes
STARTS=${STARTS:-5}                # measured startups per app
THREADS=${THREADS:-1}              # wrk threads
CONNECTIONS=${CONNECTIONS:-16}     # wrk connections
TOKENS=${TOKENS:-20000}            # distinct pre-minted tokens for the fresh-token scenarios
# The starter's verified-token cache, full, keeps what it holds and lets a new token in only on its
# second verification: kept small next to TOKENS, the fresh-token scenarios almost never meet a
# cached token (100 in 20000), and the reused token still fits.
TOKEN_CACHE_ENTRIES=${TOKEN_CACHE_ENTRIES:-100}
SAMPLE_PORT=${SAMPLE_PORT:-18080}
STARTER_PORT=${STARTER_PORT:-18085}
STOCK_PORT=${STOCK_PORT:-18090}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}   # JVM options for both apps (none by default)
SKIP_BUILD=${SKIP_BUILD:-false}    # true: use the jars already built
SUMMARY_ONLY=${SUMMARY_ONLY:-false} # true: only write summary.md again from the results in OUT
OUT=${OUT:-$ROOT/benchmarks/target/load/$(date +%Y%m%d-%H%M%S)}
# Also available: sample-eddsa-reused sample-eddsa-fresh (stock Spring cannot verify EdDSA).
SCENARIOS=${SCENARIOS:-sample-public sample-reused sample-fresh starter-public starter-reused starter-fresh stock-public stock-reused stock-fresh}
APPS="sample starter stock"

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
BENCH_JAR="$ROOT/benchmarks/target/benchmarks.jar"
STOCK_JAR="$ROOT/benchmarks/stock-resource-server/target/stock-resource-server.jar"
STARTER_JAR="$ROOT/benchmarks/starter-resource-server/target/starter-resource-server.jar"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# Processes this script started, stopped on exit whatever happens.
STARTED=()
stop_started() {
	local pid
	for pid in "${STARTED[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	for pid in "${STARTED[@]}"; do
		wait "$pid" 2>/dev/null || true
	done
}
trap stop_started EXIT

# Stops one process this script started and forgets it, so its id is never signalled again.
stop_app() {
	local pid=$1 kept=() other
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	for other in "${STARTED[@]}"; do
		[[ $other == "$pid" ]] || kept+=("$other")
	done
	STARTED=("${kept[@]}")
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ensure_wrk() {
	if ! command -v wrk >/dev/null; then
		log "installing wrk"
		apt-get update -qq && apt-get install -y -qq wrk >/dev/null
	fi
}

build() {
	if [[ "$SKIP_BUILD" == true ]]; then
		return
	fi
	log "building the sample app, the starter and stock apps and the benchmarks jar"
	"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" \
		-pl zuplo-jwt-sample-app,benchmarks/jmh,benchmarks/stock-resource-server,benchmarks/starter-resource-server -am \
		package -DskipTests
}

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }

start_issuer() {
	log "starting the stand-in gateway and minting $TOKENS distinct RS256 and EdDSA tokens"
	"$JAVA" -cp "$BENCH_JAR" io.github.zuplojwt.benchmarks.loadtest.LoadTestIssuer --out "$OUT/issuer" \
		--tokens "$TOKENS" --lifetime PT3H --serve-for PT2H >"$OUT/issuer.log" 2>&1 &
	local pid=$! waited=0
	STARTED+=("$pid")
	until [[ -f "$OUT/issuer/ready" ]]; do
		((waited++ < 600)) || fail "the stand-in gateway did not get ready (see $OUT/issuer.log)"
		kill -0 "$pid" 2>/dev/null || fail "the stand-in gateway stopped (see $OUT/issuer.log)"
		sleep 0.5
	done
	ISSUER=$(<"$OUT/issuer/issuer.txt")
	AUDIENCE=$(<"$OUT/issuer/audience.txt")
	ACCOUNT=$(<"$OUT/issuer/account.txt")
}

app_port() {
	case $1 in
	sample) echo "$SAMPLE_PORT" ;;
	starter) echo "$STARTER_PORT" ;;
	*) echo "$STOCK_PORT" ;;
	esac
}

# start_app sample|stock LOGFILE: starts the app in the background; APP_PID is its process.
# A profile of our own replaces any profile the sample activates by default (such as a
# development issuer's); the configured issuer keeps the development issuer off anyway.
start_app() {
	local app=$1 logfile=$2 port
	port=$(app_port "$app")
	port_free "$port" || fail "port $port is in use"
	# shellcheck disable=SC2086
	if [[ $app == sample ]]; then
		"$JAVA" $APP_JAVA_OPTS -jar "$SAMPLE_JAR" --server.port="$port" --spring.profiles.active=load-test \
			--zuplo.issuer="$ISSUER" --zuplo.audiences="$AUDIENCE" --zuplo.required-claims.account="$ACCOUNT" \
			--zuplo.token-cache.max-entries="$TOKEN_CACHE_ENTRIES" --sample.dev-issuer.enabled=false >"$logfile" 2>&1 &
	elif [[ $app == starter ]]; then
		"$JAVA" $APP_JAVA_OPTS -jar "$STARTER_JAR" --server.port="$port" --spring.profiles.active=load-test \
			--zuplo.issuer="$ISSUER" --zuplo.audiences="$AUDIENCE" --zuplo.required-claims.account="$ACCOUNT" \
			--zuplo.token-cache.max-entries="$TOKEN_CACHE_ENTRIES" >"$logfile" 2>&1 &
	else
		"$JAVA" $APP_JAVA_OPTS -jar "$STOCK_JAR" --server.port="$port" --spring.profiles.active=load-test \
			--spring.security.oauth2.resourceserver.jwt.issuer-uri="$ISSUER" \
			--spring.security.oauth2.resourceserver.jwt.jwk-set-uri="$ISSUER/.well-known/jwks.json" \
			--spring.security.oauth2.resourceserver.jwt.audiences="$AUDIENCE" \
			--stock.required-account="$ACCOUNT" >"$logfile" 2>&1 &
	fi
	APP_PID=$!
	STARTED+=("$APP_PID")
}

# wait_ready PORT PID T0_NS: prints milliseconds from T0 to the first 2xx answer on /.
wait_ready() {
	local port=$1 pid=$2 t0=$3 tries
	for ((tries = 0; tries < 3000; tries++)); do
		if curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/"; then
			echo $((($(date +%s%N) - t0) / 1000000))
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.02
	done
	return 1
}

# CPU time (ms, user + system, all threads) a process has used so far; on a busy machine it
# says more about the cost of a startup than the wall-clock time does.
cpu_ms() {
	awk -v tick="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000 / tick }' "/proc/$1/stat"
}

# Heap in use (KB) after a full GC: survivor, eden and old generation, from jstat.
heap_used_kb() {
	"$JCMD" "$1" GC.run >/dev/null
	"$JSTAT" -gc "$1" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i }
		NR == 2 { printf "%d\n", $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"] }'
}

measure_startups() {
	log "measuring $STARTS startups of each app"
	printf 'app\tstart\tstartup_ms\theap_kb\tboot_reported_s\tcpu_ms\n' >"$OUT/startup.tsv"
	local i app order ms cpu heap boot logfile
	for ((i = 1; i <= STARTS; i++)); do
		# Each app takes each place in turn, so that no app always follows the same one.
		case $((i % 3)) in
		1) order="starter stock sample" ;;
		2) order="stock sample starter" ;;
		*) order="sample starter stock" ;;
		esac
		for app in $order; do
			logfile="$OUT/logs/startup-$app-$i.log"
			local t0
			t0=$(date +%s%N)
			start_app "$app" "$logfile"
			ms=$(wait_ready "$(app_port "$app")" "$APP_PID" "$t0") || fail "$app did not start (see $logfile)"
			cpu=$(cpu_ms "$APP_PID")
			heap=$(heap_used_kb "$APP_PID")
			boot=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$logfile" | awk '{ print $4 }' || true)
			stop_app "$APP_PID"
			printf '%s\t%d\t%d\t%d\t%s\t%d\n' "$app" "$i" "$ms" "$heap" "${boot:-?}" "$cpu" >>"$OUT/startup.tsv"
			log "  $app start $i: ${ms} ms to first answer (${cpu} ms CPU), heap after GC ${heap} KB"
		done
	done
}

# expect STATUS URL [TOKEN]: fails unless the request answers STATUS.
expect() {
	local status=$1 url=$2 token=${3:-} actual
	if [[ -n $token ]]; then
		actual=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
	else
		actual=$(curl -s -o /dev/null -w '%{http_code}' "$url")
	fi
	[[ $actual == "$status" ]] || fail "$url answered $actual, expected $status"
}

# Every app answers as the scenarios assume: / is open, /protected needs a valid token and
# accepts the minted ones (so the development issuer is not in the way), a forged one fails.
check_endpoints() {
	local port reused fresh forged
	reused=$(<"$OUT/issuer/rs256-reused.txt")
	fresh=$(head -1 "$OUT/issuer/rs256-distinct.txt")
	forged=${reused%??}AA
	[[ $forged != "$reused" ]] || forged=${reused%??}BB
	for port in "$SAMPLE_PORT" "$STARTER_PORT" "$STOCK_PORT"; do
		expect 200 "http://127.0.0.1:$port/"
		expect 401 "http://127.0.0.1:$port/protected"
		expect 401 "http://127.0.0.1:$port/protected" "$forged"
		expect 200 "http://127.0.0.1:$port/protected" "$reused"
		expect 200 "http://127.0.0.1:$port/protected" "$fresh"
	done
	expect 200 "http://127.0.0.1:$SAMPLE_PORT/protected" "$(<"$OUT/issuer/eddsa-reused.txt")"
	for app in $APPS; do
		curl -s -H "Authorization: Bearer $reused" "http://127.0.0.1:$(app_port "$app")/protected" \
			>"$OUT/$app-protected.json"
	done
}

# scenario NAME: prints "URL TOKEN_FILE" (TOKEN_FILE is "none" for no token).
scenario() {
	local tokens="$OUT/issuer"
	case $1 in
	sample-public) echo "http://127.0.0.1:$SAMPLE_PORT/ none" ;;
	sample-reused) echo "http://127.0.0.1:$SAMPLE_PORT/protected $tokens/rs256-reused.txt" ;;
	sample-fresh) echo "http://127.0.0.1:$SAMPLE_PORT/protected $tokens/rs256-distinct.txt" ;;
	sample-eddsa-reused) echo "http://127.0.0.1:$SAMPLE_PORT/protected $tokens/eddsa-reused.txt" ;;
	sample-eddsa-fresh) echo "http://127.0.0.1:$SAMPLE_PORT/protected $tokens/eddsa-distinct.txt" ;;
	starter-public) echo "http://127.0.0.1:$STARTER_PORT/ none" ;;
	starter-reused) echo "http://127.0.0.1:$STARTER_PORT/protected $tokens/rs256-reused.txt" ;;
	starter-fresh) echo "http://127.0.0.1:$STARTER_PORT/protected $tokens/rs256-distinct.txt" ;;
	stock-public) echo "http://127.0.0.1:$STOCK_PORT/ none" ;;
	stock-reused) echo "http://127.0.0.1:$STOCK_PORT/protected $tokens/rs256-reused.txt" ;;
	stock-fresh) echo "http://127.0.0.1:$STOCK_PORT/protected $tokens/rs256-distinct.txt" ;;
	*) fail "unknown scenario $1" ;;
	esac
}

# run_wrk SCENARIO SECONDS OUTFILE: prints the script's RESULT line.
run_wrk() {
	local url tokens
	read -r url tokens <<<"$(scenario "$1")"
	wrk -t "$THREADS" -c "$CONNECTIONS" -d "${2}s" --timeout 10s -s "$HERE/bearer.lua" "$url" -- "$tokens" "$THREADS" \
		>"$3" 2>&1 || fail "wrk failed (see $3)"
	grep '^RESULT ' "$3" || fail "no result from wrk (see $3)"
}

field() { tr ' ' '\n' | awk -F= -v key="$1" '$1 == key { print $2 }'; }

measure_load() {
	log "starting the apps for the load test"
	local app t0
	declare -A pids
	for app in $APPS; do
		t0=$(date +%s%N)
		start_app "$app" "$OUT/logs/load-$app.log"
		wait_ready "$(app_port "$app")" "$APP_PID" "$t0" >/dev/null || fail "$app did not start"
		pids[$app]=$APP_PID
	done
	check_endpoints

	local scenarios=($SCENARIOS) per_pass pass name
	per_pass=$((WARMUP / 3 / ${#scenarios[@]}))
	((per_pass < 1)) && per_pass=1
	log "warming up: 3 passes of ${per_pass} s per scenario"
	for pass in 1 2 3; do
		for name in "${scenarios[@]}"; do
			run_wrk "$name" "$per_pass" "$OUT/wrk/warmup-$pass-$name.txt" >/dev/null
		done
	done

	printf 'round\tscenario\trps\tp50_ms\tp99_ms\tfailed\terrors\n' >"$OUT/load.tsv"
	local round order result
	for ((round = 1; round <= ROUNDS; round++)); do
		order=("${scenarios[@]}")
		if ((round % 2 == 0)); then
			order=()
			for ((i = ${#scenarios[@]} - 1; i >= 0; i--)); do order+=("${scenarios[i]}"); done
		fi
		for name in "${order[@]}"; do
			result=$(run_wrk "$name" "$DURATION" "$OUT/wrk/round-$round-$name.txt")
			printf '%d\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$(field rps <<<"$result")" \
				"$(field p50_ms <<<"$result")" "$(field p99_ms <<<"$result")" "$(field failed <<<"$result")" \
				"$(field errors <<<"$result")" >>"$OUT/load.tsv"
			log "  round $round $name: $(field rps <<<"$result") req/s"
		done
	done
	printf 'app\trss_kb\n' >"$OUT/rss.tsv"
	for app in $APPS; do
		printf '%s\t%s\n' "$app" "$(ps -o rss= -p "${pids[$app]}" | tr -d ' ')" >>"$OUT/rss.tsv"
		stop_app "${pids[$app]}"
	done
}

column_median() { # column_median FILE FILTER_COLUMN VALUE VALUE_COLUMN
	awk -F'\t' -v c="$2" -v v="$3" -v out="$4" 'NR > 1 && $c == v { print $out }' "$1" | median
}

# round_ratio NUMERATOR DENOMINATOR: median over rounds of the requests/s ratio, and its range.
round_ratio() {
	local ratios
	ratios=$(awk -F'\t' -v a="$1" -v b="$2" 'NR > 1 && $2 == a { n[$1] = $3 } NR > 1 && $2 == b { d[$1] = $3 }
		END { for (r in n) if (r in d && d[r] > 0) printf "%.3f\n", n[r] / d[r] }' "$OUT/load.tsv" | sort -n)
	if [[ -z $ratios ]]; then
		echo "n/a"
		return
	fi
	printf '%s (%s–%s)' "$(fmt %.2f "$(median <<<"$ratios")")" "$(fmt %.2f "$(head -1 <<<"$ratios")")" \
		"$(fmt %.2f "$(tail -1 <<<"$ratios")")"
}

# paired_startup_ratio APP COLUMN: median over starts of APP ÷ stock, both started within the
# same few seconds, so a slow minute on the machine slows both sides of a ratio.
paired_startup_ratio() {
	fmt %.2f "$(awk -F'\t' -v app="$1" -v c="$2" 'NR > 1 && $1 == app { a[$2] = $c } NR > 1 && $1 == "stock" { b[$2] = $c }
		END { for (i in a) if (i in b && b[i] > 0) printf "%.3f\n", a[i] / b[i] }' "$OUT/startup.tsv" | median)"
}

# fmt FORMAT VALUE: the value in the printf format if it is a number, else as it is ("n/a").
fmt() { awk -v f="$1" -v v="$2" 'BEGIN { if (v ~ /^-?[0-9.]+$/) printf f, v; else printf "%s", v }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

app_title() {
	case $1 in
	sample) echo "sample app (starter, Actuator, development issuer code)" ;;
	starter) echo "starter app (benchmarks/starter-resource-server)" ;;
	*) echo "stock app (benchmarks/stock-resource-server)" ;;
	esac
}

summarize() {
	local s="$OUT/summary.md" name
	{
		echo "# Load test $(<"$OUT/started.txt")"
		echo
		echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); $("$JAVA" -version 2>&1 | head -1);" \
			"$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)."
		echo "Settings: $(<"$OUT/settings.txt")."
		echo "Load average at start: $(<"$OUT/loadavg-start.txt"); after the load test: $(<"$OUT/loadavg-end.txt")."
		echo
		echo "| scenario | req/s (median of $ROUNDS rounds) | p50 ms | p99 ms | non-2xx | socket errors |"
		echo "|---|---:|---:|---:|---:|---:|"
		for name in $SCENARIOS; do
			printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(fmt %.0f "$(column_median "$OUT/load.tsv" 2 "$name" 3)")" \
				"$(fmt %.1f "$(column_median "$OUT/load.tsv" 2 "$name" 4)")" \
				"$(fmt %.1f "$(column_median "$OUT/load.tsv" 2 "$name" 5)")" \
				"$(awk -F'\t' -v n="$name" 'NR > 1 && $2 == n { s += $6 } END { print s + 0 }' "$OUT/load.tsv")" \
				"$(awk -F'\t' -v n="$name" 'NR > 1 && $2 == n { s += $7 } END { print s + 0 }' "$OUT/load.tsv")"
		done
		echo
		echo "| app | startup ms (median of $STARTS) | Boot's own \"Started in\", s | CPU ms to first answer | heap used after startup, KB (median) | RSS after the load test, KB |"
		echo "|---|---:|---:|---:|---:|---:|"
		local app
		declare -A start heap rss
		for app in $APPS; do
			start[$app]=$(column_median "$OUT/startup.tsv" 1 "$app" 3)
			heap[$app]=$(column_median "$OUT/startup.tsv" 1 "$app" 4)
			rss[$app]=$(awk -F'\t' -v a="$app" '$1 == a { print $2 }' "$OUT/rss.tsv")
			printf '| %s | %s | %s | %s | %s | %s |\n' "$(app_title "$app")" "${start[$app]}" \
				"$(column_median "$OUT/startup.tsv" 1 "$app" 5)" "$(column_median "$OUT/startup.tsv" 1 "$app" 6)" \
				"${heap[$app]}" "${rss[$app]}"
		done
		echo
		echo "| ratio | value (requests/s: median over rounds, and range) | target |"
		echo "|---|---:|---|"
		echo "| starter /protected, reused token ÷ starter / | $(round_ratio starter-reused starter-public) | ≥ 0.90 |"
		echo "| sample /protected, reused token ÷ sample / | $(round_ratio sample-reused sample-public) | ≥ 0.90 |"
		echo "| stock /protected, reused token ÷ stock / | $(round_ratio stock-reused stock-public) | — (reference) |"
		echo "| starter /protected, fresh token ÷ stock /protected, fresh token | $(round_ratio starter-fresh stock-fresh) | ≥ 1.00 |"
		echo "| sample /protected, fresh token ÷ stock /protected, fresh token | $(round_ratio sample-fresh stock-fresh) | — (the sample also runs Actuator) |"
		echo "| starter /protected, reused ÷ stock /protected, reused | $(round_ratio starter-reused stock-reused) | — |"
		echo "| starter / ÷ stock / | $(round_ratio starter-public stock-public) | — (same work) |"
		echo "| startup: starter ÷ stock (ratio of the medians) | $(ratio "${start[starter]}" "${start[stock]}") | ≤ 1.10 |"
		echo "| startup: starter ÷ stock (median of the ratios within each start round) | $(paired_startup_ratio starter 3) | ≤ 1.10 |"
		echo "| startup CPU time: starter ÷ stock (median of the ratios within each start round) | $(paired_startup_ratio starter 6) | — |"
		echo "| heap after startup: starter ÷ stock | $(ratio "${heap[starter]}" "${heap[stock]}") | ≤ 1.10 |"
		echo "| RSS after the load test: starter ÷ stock | $(ratio "${rss[starter]}" "${rss[stock]}") | — |"
		echo "| startup: sample ÷ stock (median of the ratios within each start round) | $(paired_startup_ratio sample 3) | — (the sample does more) |"
		echo "| heap after startup: sample ÷ stock | $(ratio "${heap[sample]}" "${heap[stock]}") | — (the sample does more) |"
	} >"$s"
	if awk -F'\t' 'NR > 1 && ($6 > 0 || $7 > 0) { bad = 1 } END { exit !bad }' "$OUT/load.tsv"; then
		echo >>"$s"
		echo "WARNING: some requests failed or had socket errors; see load.tsv and wrk/." >>"$s"
	fi
}

main() {
	if [[ "$SUMMARY_ONLY" == true ]]; then
		summarize
		cat "$OUT/summary.md"
		return
	fi
	mkdir -p "$OUT/logs" "$OUT/wrk"
	date -u +%Y-%m-%dT%H:%M:%SZ >"$OUT/started.txt"
	echo "ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP STARTS=$STARTS THREADS=$THREADS" \
		"CONNECTIONS=$CONNECTIONS TOKENS=$TOKENS TOKEN_CACHE_ENTRIES=$TOKEN_CACHE_ENTRIES SCENARIOS='$SCENARIOS' APP_JAVA_OPTS='$APP_JAVA_OPTS'" >"$OUT/settings.txt"
	cut -d' ' -f1-3 /proc/loadavg >"$OUT/loadavg-start.txt"
	ensure_wrk
	build
	SAMPLE_JAR=$(ls "$ROOT"/zuplo-jwt-sample-app/target/zuplo-jwt-sample-app-*.jar | grep -v '\.original$' | head -1)
	[[ -f $SAMPLE_JAR && -f $STARTER_JAR && -f $STOCK_JAR && -f $BENCH_JAR ]] || fail "jars missing; run without SKIP_BUILD=true"
	start_issuer
	measure_startups
	measure_load
	cut -d' ' -f1-3 /proc/loadavg >"$OUT/loadavg-end.txt"
	summarize
	log "results in $OUT"
	cat "$OUT/summary.md"
}

main "$@"
