#!/usr/bin/env bash
# Healthcheck of docker-compose.yml's `kafka`: succeeds once the broker answers an authenticated
# request as hub-admin on its internal listener (TLS checked against the hub's CA; the broker's
# certificate names localhost too).
set -euo pipefail
ADMIN_SECRETS=${ADMIN_SECRETS:-/etc/kafka/hub-secrets/users/hub-admin}
BOOTSTRAP=${BOOTSTRAP:-localhost:9092}
# shellcheck source=admin-client.sh
. "$(dirname "$0")/admin-client.sh"
"$HUB_KAFKA_BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" > /dev/null
