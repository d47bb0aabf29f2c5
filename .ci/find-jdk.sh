# shellcheck shell=bash
# Sourced by ./chatroom, ./run-tests and .ci/run. Defines find_jdk, which prints the home of a JDK >= 21:
# $JAVA_HOME if it qualifies, else the JDK of `java` on the PATH, else the newest JDK under /usr/lib/jvm.

jdk_major() { # prints the major version of the java binary $1
    "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

find_jdk() {
    local want=21 candidate major best="" best_major=0
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
        major=$(jdk_major "$JAVA_HOME/bin/java")
        if [ "${major:-0}" -ge "$want" ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
    fi
    if command -v javac >/dev/null 2>&1; then
        candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
        major=$(jdk_major "$candidate/bin/java")
        if [ "${major:-0}" -ge "$want" ] 2>/dev/null; then echo "$candidate"; return 0; fi
    fi
    for candidate in /usr/lib/jvm/*; do
        [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(jdk_major "$candidate/bin/java")
        if [ "${major:-0}" -ge "$want" ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
            best=$candidate
            best_major=$major
        fi
    done
    if [ -n "$best" ]; then echo "$best"; return 0; fi
    cat >&2 <<'MSG'
chatroom needs a JDK 21 or newer and found none (checked JAVA_HOME, javac on the PATH, /usr/lib/jvm).
Install one, for example:
  Debian 13 / Ubuntu 24.04:  sudo apt-get install openjdk-21-jdk
  elsewhere:                 a Temurin 21+ JDK from adoptium, then set JAVA_HOME to it
MSG
    return 1
}
