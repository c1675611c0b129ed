#!/usr/bin/env bash
# Creates, once, everything the secured Kafka needs in the secrets volume (docker-compose.yml
# service `kafka-pki`; the kafka-security integration test runs it too, in a temporary directory):
#
#   ca/ca.p12, ca/ca.password        the hub's private CA (its key never leaves this directory)
#   ca/ca.pem                        the CA certificate, what every client trusts
#   broker/keystore.p12              the broker's key and certificate (SAN: $BROKER_SAN), signed by the CA
#   broker/ca.pem                    the CA, for the broker's own TLS connections to its controller
#   broker/keystore.password         password of the keystore
#   broker/controller.password       the KRaft quorum's PLAIN password
#   users/<name>/password, ca.pem    one SCRAM user per line of $SCRAM_USERS_FILE
#
# Idempotent: what exists is kept, so restarting the stack never changes a password or a
# certificate (docs/security/kafka.md explains rotation). Needs bash, keytool and /dev/urandom.
set -euo pipefail

: "${SECRETS_DIR:=/secrets}"
: "${SCRAM_USERS_FILE:=/etc/kafka/hub/scram-users.txt}"
: "${BROKER_SAN:=dns:kafka,dns:localhost,ip:127.0.0.1}"
: "${BROKER_CN:=kafka}"
: "${CA_VALIDITY_DAYS:=3650}"
: "${BROKER_VALIDITY_DAYS:=825}"
# Owner of the files when run as root: the apache/kafka image's appuser and the hub image's node
# user are both uid 1000.
: "${SECRETS_OWNER:=1000:1000}"

umask 077
ca="$SECRETS_DIR/ca" broker="$SECRETS_DIR/broker" users="$SECRETS_DIR/users"
mkdir -p "$ca" "$broker" "$users"

# 32 letters and digits: safe inside JAAS strings, properties files and kafka-storage's --add-scram.
new_password() {
  local raw
  raw=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s' "${raw:0:32}"
}
password_file() { # path: creates it if missing
  [ -s "$1" ] || new_password > "$1"
}

password_file "$ca/ca.password"
password_file "$broker/keystore.password"
password_file "$broker/controller.password"
ca_pass=$(cat "$ca/ca.password")
ks_pass=$(cat "$broker/keystore.password")

if [ ! -s "$ca/ca.p12" ]; then
  echo "kafka-pki: creating the CA"
  keytool -genkeypair -alias ca -keyalg RSA -keysize 3072 -validity "$CA_VALIDITY_DAYS" \
    -dname "CN=red-ninez-hub Kafka CA" -ext bc:c -ext KU=keyCertSign,cRLSign \
    -keystore "$ca/ca.p12" -storetype PKCS12 -storepass "$ca_pass" -keypass "$ca_pass"
  rm -f "$ca/ca.pem" "$broker/keystore.p12"
fi
[ -s "$ca/ca.pem" ] || keytool -exportcert -rfc -alias ca -keystore "$ca/ca.p12" -storepass "$ca_pass" -file "$ca/ca.pem"

if [ ! -s "$broker/keystore.p12" ]; then
  echo "kafka-pki: creating the broker certificate for $BROKER_SAN"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  keytool -genkeypair -alias broker -keyalg RSA -keysize 2048 -validity "$BROKER_VALIDITY_DAYS" -dname "CN=$BROKER_CN" \
    -keystore "$work/keystore.p12" -storetype PKCS12 -storepass "$ks_pass" -keypass "$ks_pass"
  keytool -certreq -alias broker -keystore "$work/keystore.p12" -storepass "$ks_pass" -file "$work/broker.csr"
  keytool -gencert -alias ca -keystore "$ca/ca.p12" -storepass "$ca_pass" -infile "$work/broker.csr" -outfile "$work/broker.pem" -rfc \
    -validity "$BROKER_VALIDITY_DAYS" -ext "SAN=$BROKER_SAN" -ext EKU=serverAuth,clientAuth -ext KU=digitalSignature,keyEncipherment
  # The reply carries the whole chain (broker, then CA), so the keystore needs no separate CA entry.
  cat "$work/broker.pem" "$ca/ca.pem" > "$work/chain.pem"
  keytool -importcert -noprompt -alias broker -file "$work/chain.pem" -keystore "$work/keystore.p12" -storepass "$ks_pass" -keypass "$ks_pass"
  mv "$work/keystore.p12" "$broker/keystore.p12"
fi
# The broker trusts the CA (PEM truststore) for its own TLS connections to its controller listener.
cp "$ca/ca.pem" "$broker/ca.pem"

while IFS= read -r user || [ -n "$user" ]; do
  case "$user" in ''|'#'*) continue ;; esac
  mkdir -p "$users/$user"
  password_file "$users/$user/password"
  cp "$ca/ca.pem" "$users/$user/ca.pem"
done < "$SCRAM_USERS_FILE"

if [ "$(id -u)" = 0 ]; then
  chown -R "$SECRETS_OWNER" "$SECRETS_DIR"
fi
chmod -R u=rwX,go= "$SECRETS_DIR"
echo "kafka-pki: secrets ready in $SECRETS_DIR"
