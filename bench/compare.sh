#!/usr/bin/env bash
# Side by side: the same `chatroom bench` scenarios against chatroom, ngircd and InspIRCd (and Ergo when it is
# installed), one server after the other in one run with the same parameters, then a table of ratios chatroom/peer.
#
# usage: bench/compare.sh [--full] [--scenarios "fanout rooms whispers idle storm"] [--out DIR]
#   --full       the issue's sizes: 500 members / 10 senders / 8 in flight; 1,000 users in 100 rooms;
#                250 pairs; 19,500 idle connections (the default is small and fast)
#   --scenarios  which scenarios, in order
#   --out DIR    where the raw output goes (default: a new temporary directory)
#
# Installs ngircd and inspircd with apt-get when they are missing. The peers run with the relaxed configs of
# ../shared/peers (start-peer.sh; stopped by PID with stop-peer.sh); chatroom runs from its packaged jar with its
# flood and connection limits relaxed the same way, history on (SQLite, commit before deliver), in a temporary data
# directory. Everything listens on 127.0.0.1 only.
set -euo pipefail
top=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
peers=${PEERS_DIR:-$top/../shared/peers}
full=false
scenarios="fanout rooms whispers idle storm"
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --full) full=true ;;
        --scenarios) scenarios=$2; shift ;;
        --out) out=$2; shift ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
out=${out:-$(mktemp -d "${TMPDIR:-/tmp}/chatroom-compare.XXXXXX")}
mkdir -p "$out"
results="$out/results.txt"
: > "$results"

if $full; then
    timing=(--warmup PT10S --duration PT10S) # the JIT compiler is still busy after 3 s
    fanout=(--members 500 --senders 10 --window 8)
    rooms=(--users 1000 --rooms 100 --rate 5,10,20,50,100,200)
    whispers=(--pairs 250 --window 8)
    idle=(--connections 19500)
else
    timing=(--warmup PT2S --duration PT5S)
    fanout=(--members 100 --senders 5 --window 8)
    rooms=(--users 200 --rooms 20 --rate 1,2,5,10)
    whispers=(--pairs 50 --window 8)
    idle=(--connections 1000)
fi
storm=(--workers 20)

for pkg in ngircd inspircd; do
    if ! command -v "$pkg" > /dev/null && [ ! -x "/usr/sbin/$pkg" ]; then
        echo "compare: installing $pkg" >&2
        apt-get install -y "$pkg" > "$out/apt-$pkg.log" 2>&1 \
            || { apt-get update > /dev/null 2>&1 && apt-get install -y "$pkg" > "$out/apt-$pkg.log" 2>&1; }
    fi
done
export PATH="$PATH:/usr/sbin"

# shellcheck source=.ci/find-jdk.sh
. "$top/.ci/find-jdk.sh"
JAVA_HOME=$(find_jdk)
export JAVA_HOME
# builds both jars when they are missing or stale
"$top/chatroom" --version > /dev/null
"$top/chatroom" bench --help > /dev/null
ulimit -n 20000 2> /dev/null || true

started=()
cleanup() {
    for pid in "${started[@]}"; do
        "$peers/stop-peer.sh" "$pid"
    done
    rm -rf "$out/chatroom-data"
}
trap cleanup EXIT

start_chatroom() {
    local port=$1 data="$out/chatroom-data"
    rm -rf "$data"
    mkdir -p "$data"
    # relaxed like the peer configs: no flood control, no per-address connection limits, a large SendQ
    # through the launcher (which execs java, so $! is the server's PID) for the JVM flags it picks for this machine
    JAVA_OPTS=${CHATROOM_JAVA_OPTS:-} nohup "$top/chatroom" server \
        --bind 127.0.0.1 --irc-port "$port" --plain-port -1 --irc-tls-port -1 --http-port -1 \
        --data-dir "$data" --flood-rate 0 --max-connections-per-ip 0 --connects-per-ip-per-minute 0 \
        --sendq-bytes 16777216 > "$out/chatroom.log" 2>&1 < /dev/null &
    local pid=$!
    for _ in $(seq 1 300); do
        if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$pid"
            return 0
        fi
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    echo "chatroom did not start; log:" >&2
    tail -20 "$out/chatroom.log" >&2
    kill "$pid" 2> /dev/null || true
    return 1
}

run_scenario() {
    local name=$1 port=$2 pid=$3 s=$4
    local -n args=$s
    echo "== $s against $name" >&2
    if ! "$top/chatroom" bench "$s" --port "$port" --pid "$pid" --label "$name" "${timing[@]}" "${args[@]}" \
        2>> "$out/errors.txt" | tee -a "$results"; then
        echo "compare: $s against $name failed (see $out/errors.txt)" | tee -a "$results" >&2
    fi
}

servers=(chatroom ngircd inspircd)
if [ -n "${ERGO_BIN:-}" ] || command -v ergo > /dev/null; then
    servers+=(ergo)
else
    echo "compare: ergo not installed, skipped (give its binary with ERGO_BIN)" >&2
fi

# a port nobody listens on (other servers may run on this machine: never load one of them by mistake)
free_port() {
    local p
    for p in $(seq "$1" $(($1 + 200))); do
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$p") 2> /dev/null; then
            echo "$p"
            return 0
        fi
    done
    echo "compare: no free port from $1" >&2
    return 1
}

# every scenario gets a freshly started server, so the backlog of one (a failed rooms step) does not slow the next
# and the idle scenario's RSS growth starts from a server that has done nothing yet
port=16670
for name in "${servers[@]}"; do
    for s in $scenarios; do
        port=$(free_port $((port + 1)))
        if [ "$name" = chatroom ]; then
            pid=$(start_chatroom "$port")
        else
            pid=$(PEERS_RUN_DIR="$out/peers" "$peers/start-peer.sh" "$name" "$port" | tail -1)
        fi
        started+=("$pid")
        run_scenario "$name" "$port" "$pid" "$s"
        "$peers/stop-peer.sh" "$pid"
    done
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${servers[@]}"; do
    case "$name" in
        chatroom) echo "chatroom: $("$JAVA_HOME/bin/java" -jar "$top/server/target/chatroom.jar" --version)" ;;
        *) echo "$name: $("$peers/peer-version.sh" "$name" 2> /dev/null || echo unknown)" ;;
    esac
done
"$top/chatroom" bench compare "$results"
echo "raw output: $results"
