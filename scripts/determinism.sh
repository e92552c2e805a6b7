#!/usr/bin/env sh
# Shows that the same inputs give the same run manifest, report and audit-pack bytes on two JDKs,
# and with the input records shuffled and split into several files.
#
#   scripts/determinism.sh [other-java-home]     (default: /usr/lib/jvm/temurin-25-jdk-amd64)
#
# Builds the command with the JDK on the PATH (Java release 17), then runs it with that JDK and with
# the other one on examples/data/benchmark-telemetry.json (daily periods), on the same records
# shuffled (fixed seed) into four JSON Lines files, and writes an audit pack of each. The manifests
# are signed with the example key of RFC 8410 (public, for tests only): Ed25519 signatures are
# deterministic, so the signed bytes must match too. Prints each file's SHA-256 and exits 1 if any
# pair differs. Needs: a JDK 17 and Maven on the PATH, python3, sha256sum, cmp.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
other=${1:-/usr/lib/jvm/temurin-25-jdk-amd64}
jar="$here/cli/target/ecocalc-cli.jar"
work=$(mktemp -d "${TMPDIR:-/tmp}/ecocalc-determinism.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$here" && mvn -B -q -o -DskipTests -pl cli -am package >"$work/build.log" 2>&1) || { tail -n 30 "$work/build.log"; exit 1; }

cat >"$work/key.pem" <<'KEY'
-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
-----END PRIVATE KEY-----
KEY

input="$here/examples/data/benchmark-telemetry.json"
mkdir "$work/shuffled"
python3 - "$input" "$work/shuffled" <<'PY'
import json, random, sys
records = json.load(open(sys.argv[1], encoding="utf-8"))
random.Random(20261123).shuffle(records)
for part in range(4):
    with open(f"{sys.argv[2]}/part-{part}.jsonl", "w", encoding="utf-8") as f:
        for r in records[part::4]:
            f.write(json.dumps(r) + "\n")
PY

run() { # java-binary label input
  "$1" -version 2>&1 | head -n 1 | sed "s/^/$2: /"
  "$1" -jar "$jar" report "$3" --period day --sign "$work/key.pem" --out "$work/report-$2.json" >/dev/null
  "$1" -jar "$jar" audit-pack "$work/report-$2.json" --inputs "$3" --out "$work/pack-$2.zip" >/dev/null
  python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["manifest"]; print(json.dumps(m, indent=2))' \
    "$work/report-$2.json" >"$work/manifest-$2.json"
}

run java jdk17 "$input"
run "$other/bin/java" jdk-other "$input"
run java jdk17-shuffled "$work/shuffled"
run "$other/bin/java" jdk-other-shuffled "$work/shuffled"

echo
grep '"run_id"' "$work/manifest-jdk17.json" | sed 's/^ */run_id (jdk17): /; s/,$//'
status=0
for kind in manifest report pack; do
  ext=json; [ "$kind" = pack ] && ext=zip
  for label in jdk17 jdk-other jdk17-shuffled jdk-other-shuffled; do
    printf '%-8s %-20s %s\n' "$kind" "$label" "$(sha256sum "$work/$kind-$label.$ext" | cut -d' ' -f1)"
  done
  for label in jdk-other jdk17-shuffled jdk-other-shuffled; do
    if ! cmp -s "$work/$kind-jdk17.$ext" "$work/$kind-$label.$ext"; then
      echo "DIFFERENT: $kind of $label differs from jdk17" >&2
      status=1
    fi
  done
done
# The report of the shuffled input lists no problems, so even its bytes must match; say so explicitly.
[ "$status" = 0 ] && echo "identical: manifest, report and audit pack on both JDKs, in file order and shuffled"
exit "$status"
