#!/usr/bin/env bash
# Runs the whole platform on this machine, in the foreground: embedded PostgreSQL, Keycloak with the demo
# realm, platform-api (with the web UI) and the five demo townships. Ctrl-C stops everything.
# Builds what is missing or older than its sources first. Needs a JDK 17+ (and Node.js 20 for the web UI
# build). Downloads, data and logs live in .local/ (delete .local/pgdata or .local/keycloak-*/data to reset).
set -euo pipefail
cd "$(dirname "$0")"

java_cmd=java
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
if ! command -v "$java_cmd" >/dev/null 2>&1; then
  echo "run-local.sh: no java found; install a JDK 17 or newer (or set JAVA_HOME)" >&2
  exit 1
fi
java_version=$("$java_cmd" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p')
if [[ -z "$java_version" || "${java_version%%.*}" -lt 17 ]]; then
  echo "run-local.sh: Java 17 or newer is needed; $java_cmd is ${java_version:-of unknown version}" >&2
  exit 1
fi

# Chinese text on command lines and in output needs a UTF-8 locale (C.UTF-8 exists on every Debian)
if [[ "$(locale charmap 2>/dev/null || true)" != "UTF-8" ]]; then
  export LC_ALL=C.UTF-8
fi

api_jar=platform-api/target/quarkus-app/quarkus-run.jar
cli_jar=tenant-admin/target/tenant-admin.jar
stack_jar=$(ls deploy/local/target/local-stack-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)
classpath_file=deploy/local/target/classpath.txt

# newer_than ARTIFACT PATH...: prints something when ARTIFACT is missing or a file under PATH... is newer
newer_than() {
  local artifact=$1; shift
  if [[ ! -f "$artifact" ]]; then
    echo "$artifact missing"
    return
  fi
  find "$@" \( -name node_modules -o -name target -o -name dist \) -prune -o \
    -type f -newer "$artifact" -print 2>/dev/null | head -n 1 || true
}

stale=""
stale+=" $(newer_than "$api_jar" pom.xml platform-api/pom.xml platform-api/src \
  web-ui/pom.xml web-ui/src web-ui/index.html web-ui/package.json web-ui/vite.config.ts)"
stale+=" $(newer_than "$cli_jar" pom.xml tenant-admin/pom.xml tenant-admin/src)"
stale+=" $(newer_than "${stack_jar:-deploy/local/target/local-stack.jar}" pom.xml deploy/local/pom.xml deploy/local/src)"
if [[ ! -f "$classpath_file" ]]; then
  stale+=" $classpath_file missing"
fi
if ! ls .local/keycloak-*/bin/kc.sh >/dev/null 2>&1; then
  stale+=" .local/keycloak-* missing"
fi
stale=$(echo "$stale" | tr -s ' ' | sed 's/^ //; s/ $//')

if [[ -n "$stale" ]]; then
  echo "Building, as these are missing or older than their sources: $stale"
  echo "./mvnw -q -DskipTests install ..."
  start=$(date +%s)
  ./mvnw -q -DskipTests install
  echo "Built in $(( $(date +%s) - start )) s."
  stack_jar=$(ls deploy/local/target/local-stack-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)
fi

exec "$java_cmd" -cp "$stack_jar:$(cat "$classpath_file")" cn.fengxing.local.Launcher "$(pwd)"
