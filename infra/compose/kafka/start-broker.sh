#!/usr/bin/env bash
# Starts the hub's secured Kafka broker (docker-compose.yml service `kafka`; the kafka-security
# integration test starts its private broker with it too):
#
#   1. server.properties from the KAFKA_* variables, named as the apache/kafka image names them
#      (KAFKA_LOG_DIRS → log.dirs; `__` → `_`, `___` → `-`); the settings themselves come from
#      infra/kafka-security/broker-properties.ts,
#   2. the {{...}} password placeholders filled from the files pki.sh wrote,
#   3. storage formatted on first start, with every SCRAM user of $SCRAM_USERS_FILE
#      (kafka-storage format --add-scram: the credentials exist before the first client connects),
#   4. exec the broker.
#
# The rendered file holds passwords: it is written with mode 600 and kept out of the data volume.
set -euo pipefail

: "${CLUSTER_ID:?CLUSTER_ID is required}"
: "${HUB_KAFKA_BIN:=/opt/kafka/bin}"
: "${BROKER_SECRETS:=/etc/kafka/hub-secrets/broker}"
: "${USER_SECRETS:=/etc/kafka/hub-secrets/users}"
: "${SCRAM_USERS_FILE:=/etc/kafka/hub/scram-users.txt}"
: "${BROKER_CONFIG:=/tmp/hub-kafka/server.properties}"

umask 077
mkdir -p "$(dirname "$BROKER_CONFIG")"

secret() { # file: its content without the trailing newline; an absent file is fatal
  [ -s "$1" ] || { echo "start-broker: missing secret $1 (did kafka-pki run?)" >&2; exit 1; }
  tr -d '\n' < "$1"
}
keystore_password=$(secret "$BROKER_SECRETS/keystore.password")
controller_password=$(secret "$BROKER_SECRETS/controller.password")
broker_password=$(secret "$USER_SECRETS/kafka-broker/password")

# Same list as NON_PROPERTY_VARIABLES in broker-properties.ts: the scripts' own variables.
skip=' KAFKA_HEAP_OPTS KAFKA_OPTS KAFKA_LOG4J_OPTS KAFKA_JVM_PERFORMANCE_OPTS KAFKA_GC_LOG_OPTS KAFKA_JMX_OPTS KAFKA_DEBUG KAFKA_HOME KAFKA_VERSION '
{
  echo "# Rendered by start-broker.sh from the KAFKA_* variables; holds secrets."
  # compgen/${!name}: bash alone, no `env -0` (a busybox env may lack it).
  for name in $(compgen -e | LC_ALL=C sort); do
    [[ $name == KAFKA_* ]] || continue
    [[ $skip == *" $name "* ]] && continue
    value=${!name}
    key=${name#KAFKA_}
    key=${key,,}
    key=${key//___/-}
    key=${key//__/@}
    key=${key//_/.}
    key=${key//@/_}
    value=${value//'{{KEYSTORE_PASSWORD}}'/$keystore_password}
    value=${value//'{{CONTROLLER_PASSWORD}}'/$controller_password}
    value=${value//'{{BROKER_PASSWORD}}'/$broker_password}
    printf '%s=%s\n' "$key" "$value"
  done
} > "$BROKER_CONFIG"

if grep -q '{{' "$BROKER_CONFIG"; then
  echo "start-broker: unknown placeholder left in the configuration" >&2
  exit 1
fi

scram=()
while IFS= read -r user || [ -n "$user" ]; do
  case "$user" in ''|'#'*) continue ;; esac
  scram+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$(secret "$USER_SECRETS/$user/password")]")
done < "$SCRAM_USERS_FILE"

# --ignore-formatted: an existing volume keeps its metadata (and the SCRAM users it already has;
# later users and rotations go through kafka-configs, see docs/security/kafka.md).
"$HUB_KAFKA_BIN/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$BROKER_CONFIG" --ignore-formatted "${scram[@]}"

exec "$HUB_KAFKA_BIN/kafka-server-start.sh" "$BROKER_CONFIG"
