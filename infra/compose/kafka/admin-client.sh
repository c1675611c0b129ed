#!/usr/bin/env bash
# Sourced by acls.sh, topics.sh and healthcheck.sh: a client configuration for hub-admin (SCRAM over
# TLS, trusting the hub's CA) in a temporary file, removed on exit. The password is read from the
# secrets volume and written only to that file (mode 600), never to the command line.
: "${HUB_KAFKA_BIN:=/opt/kafka/bin}"
: "${BOOTSTRAP:=kafka:9092}"
: "${ADMIN_SECRETS:=/run/secrets/kafka}"

umask 077
ADMIN_CONFIG=$(mktemp)
trap 'rm -f "$ADMIN_CONFIG"' EXIT
{
  echo 'security.protocol=SASL_SSL'
  echo 'sasl.mechanism=SCRAM-SHA-512'
  echo "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hub-admin\" password=\"$(tr -d '\n' < "$ADMIN_SECRETS/password")\";"
  echo 'ssl.truststore.type=PEM'
  echo "ssl.truststore.location=$ADMIN_SECRETS/ca.pem"
} > "$ADMIN_CONFIG"
