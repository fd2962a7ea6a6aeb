#!/usr/bin/env bash
# Starts Debian's rabbitmq-server (node rabbit@localhost) for the FakeZocalo system tests unless a broker already
# answers on 127.0.0.1:5672, then waits for it to finish starting. Idempotent. The tests make a virtual host each
# with rabbitmqctl, so they need this local node.
set -euo pipefail

node=rabbit@localhost
if (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
log=${TMPDIR:-/tmp}/hyperion-rabbitmq.log
echo "Starting rabbitmq-server ($node, log $log)"
$SUDO env RABBITMQ_NODENAME=$node RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
  nohup rabbitmq-server >"$log" 2>&1 &
server=$!

# rabbitmqctl await_startup fails at once while the Erlang VM has not yet registered the node with epmd (a cold
# first start on a fresh machine takes several seconds), so poll it until the deadline or until the server exits.
deadline=$((SECONDS + 120))
until $SUDO rabbitmqctl -n $node await_startup --timeout 10 >/dev/null 2>&1; do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "rabbitmq-server exited before it finished starting; its log:" >&2
    tail -50 "$log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "rabbitmq-server did not start within 120 s; its log:" >&2
    tail -50 "$log" >&2
    exit 1
  fi
  sleep 1
done
echo "rabbitmq-server is up on 127.0.0.1:5672"
