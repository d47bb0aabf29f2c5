#!/usr/bin/env bash
# Runs the irctest conformance suite against chatroom, a fresh server per test.
# usage: conformance/run-irctest.sh /path/to/irctest-checkout [extra pytest args]
# Needs the jar (./chatroom builds it) and python3 with pytest >= 8.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
irctest=${1:?path to an irctest checkout}
shift
# IRCTEST_CONTROLLER=irctest.controllers.ngircd (say) runs the same selection against another server,
# to check the harness itself; CHATROOM_JAR / CHATROOM_JAVA override the jar and the java binary.
controller=${IRCTEST_CONTROLLER:-chatroom_controller}
if [ "$controller" = chatroom_controller ]; then
    [ -f "${CHATROOM_JAR:-$here/../server/target/chatroom.jar}" ] || { echo "build the jar first: ./chatroom --version" >&2; exit 1; }
fi
if [ -z "${JAVA_HOME:-}" ]; then
    # shellcheck source=../.ci/find-jdk.sh
    . "$here/../.ci/find-jdk.sh" 2>/dev/null && JAVA_HOME=$(find_jdk) && export JAVA_HOME || true
fi
report=${IRCTEST_REPORT:-$(mktemp -d)/irctest.xml}
cd "$irctest"
set +e
PYTHONPATH="$here:$irctest${PYTHONPATH:+:$PYTHONPATH}" python3 -m pytest -p no:cacheprovider \
    --controller "$controller" \
    -m 'not implementation-specific and not deprecated and not strict' \
    --junitxml="$report" -q "$@" irctest/server_tests
status=$?
set -e
python3 "$here/summarize.py" "$report"
exit $status
