#!/usr/bin/env bash
# Container health check of both apps: ready = GET /health/ready on the admin port answers 200.
# Plain bash (/dev/tcp), so it needs no curl or wget in the runtime image; openssl (there with ca-certificates)
# when the users file turns TLS on. Exit 0 healthy, 1 not. /health/* needs no login, so no password is needed here.
# Reads the app's own settings: SNS_ADMIN_PORT (required: each image sets its app's default, 9401 streams and 9400
# sink, which this script cannot tell apart; 0 = admin server off, so never healthy: disable the health check of
# such a container), SNS_WEB_CONFIG (without it the app listens on 127.0.0.1 only; with `tls_server_config` in it,
# HTTPS) and SNS_ADMIN_BIND (default 0.0.0.0, reached on 127.0.0.1).
port="${SNS_ADMIN_PORT:-}"
config="${SNS_WEB_CONFIG:-}"
host="${SNS_ADMIN_BIND:-0.0.0.0}"
[ -z "$config" ] && host=127.0.0.1
case "$host" in 0.0.0.0|::|'[::]') host=127.0.0.1 ;; esac
host="${host#[}"; host="${host%]}"
if [ -z "$port" ]; then
  echo "SNS_ADMIN_PORT is not set: no admin port to check (the images set it)" >&2
  exit 1
fi
if [ "$port" = 0 ]; then
  echo "admin server off (SNS_ADMIN_PORT=0): no readiness to check" >&2
  exit 1
fi
request="GET /health/ready HTTP/1.0"$'\r\n'"Host: $host"$'\r\n'"Connection: close"
if [ -n "$config" ] && grep -q '^tls_server_config:' "$config" 2>/dev/null; then
  # The check asks whether the app is ready, not who it is: the certificate is not verified.
  status="$(printf '%s\r\n\r\n' "$request" | timeout 5 openssl s_client -quiet -connect "$host:$port" 2>/dev/null | head -n 1)"
else
  exec 3<>"/dev/tcp/$host/$port" || exit 1
  printf '%s\r\n\r\n' "$request" >&3
  IFS= read -r -t 5 status <&3 || exit 1
fi
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  "") echo "not ready: no answer on $host:$port" >&2; exit 1 ;;
  *) echo "not ready: ${status%$'\r'}" >&2; exit 1 ;;
esac
