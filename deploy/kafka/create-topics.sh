#!/bin/sh
# Creates every topic of deploy/kafka/topics.txt that does not exist yet (never alters one).
#   create-topics.sh <bootstrap-servers> <topics.txt> [replication-factor]
set -eu
bootstrap="$1"; file="$2"; replication="${3:-1}"
kafka_topics="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
grep -v '^#' "$file" | while read -r name partitions retention cleanup; do
  [ -n "$name" ] || continue
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" \
    --config "retention.ms=$retention" --config "cleanup.policy=$cleanup"
done
