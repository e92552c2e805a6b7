#!/usr/bin/env sh
# Runs the shaded job jar the way spark-submit runs it (org.apache.spark.deploy.SparkSubmit, the jar on
# its own class loader, Spark 4.1.1's jars from the Maven repository as the "cluster"), in local mode
# with 1 and 2 cores, on the benchmarks' generated telemetry; then `ecocalc report` on the same file,
# and checks that every run wrote the same manifest. Prints records/s (the job's own timing, from
# after the Spark session started to the report written). Never in the test path.
#
#   examples/spark-job/measure.sh [facilities=10] [hours=8760] [runs=3] [period=month]
set -eu
cd "$(dirname "$0")/../.."
F=${1:-10}
H=${2:-8760}
RUNS=${3:-3}
PERIOD=${4:-month}
M2=${M2_REPO:-$HOME/.m2/repository}
OUT=examples/spark-job/target/measure
mvn -B -q -o -pl examples/spark-job,benchmarks,cli -am package dependency:build-classpath -DskipTests \
    -DincludeScope=provided -Dmdep.outputFile=target/provided-classpath.txt
mkdir -p "$OUT"
rm -f "$OUT"/*.json
DATA="$OUT/telemetry-${F}x${H}.jsonl"
java -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" org.ecocalc.bench.TelemetryGenerator \
    --facilities "$F" --hours "$H" --seed 42 --format jsonl --out "$DATA"
# What a Spark 4.1.1 distribution has besides the provided dependencies: its Jackson 2 annotations
# and SLF4J (the job's jar leaves both out; see decision 0904).
CP="$(cat examples/spark-job/target/provided-classpath.txt):$M2/com/fasterxml/jackson/core/jackson-annotations/2.20/jackson-annotations-2.20.jar:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
FLAGS="-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector --add-opens=java.base/java.lang=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
 --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
 --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
 --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
 --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false
 -Dio.netty.tryReflectionSetAccessible=true --enable-native-access=ALL-UNNAMED
 -Dlog4j2.configurationFile=examples/spark-job/src/test/resources/log4j2.properties"
export SPARK_LOCAL_IP=127.0.0.1
for cores in 1 2; do
  run=1
  while [ "$run" -le "$RUNS" ]; do
    report="$OUT/spark-local$cores-$run.json"
    # shellcheck disable=SC2086
    java -Xmx4g $FLAGS -cp "$CP" org.apache.spark.deploy.SparkSubmit --master "local[$cores]" \
        --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
        --class org.ecocalc.examples.spark.SparkReportJob examples/spark-job/target/ecocalc-spark-job.jar \
        "$DATA" "$report" --period "$PERIOD" | sed "s/^/local[$cores] run $run: /"
    run=$((run + 1))
  done
done
java -jar cli/target/ecocalc-cli.jar report "$DATA" --period "$PERIOD" --out "$OUT/cli.json" | grep -E "records/s|^run" \
    | sed "s/^/ecocalc report (1 thread): /"
echo "manifests (sha256 of the run file; all equal when the job matches ecocalc report byte for byte):"
sha256sum "$OUT"/*.json | sed "s|$OUT/||"
n=$(sha256sum "$OUT"/*.json | cut -d' ' -f1 | sort -u | wc -l)
if [ "$n" -ne 1 ]; then
  echo "DIFFERENT report files" >&2
  exit 1
fi
echo "identical: $(ls "$OUT"/*.json | wc -l) report files"
