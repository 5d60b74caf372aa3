#!/usr/bin/env bash
# The app as a multi-server deployment on loopback, from Debian's packages: PostgreSQL, two app instances sharing
# its database, the upload and mail folders, and nginx in front (WebSockets, sticky sessions). See README,
# "Lebih dari satu server".
#   scripts/two-servers.sh start FOLDER   → prints the address of nginx and of each instance
#   scripts/two-servers.sh stop FOLDER
# APP=/path/to/published/app uses an app folder built before (default: publishes Release into FOLDER/app).
# ENVIRONMENT=Production runs without the demo accounts (default: Development, with them).
# SMTP_PORT=n sends the email through an SMTP server on 127.0.0.1:n (default: .eml files in FOLDER/mail).
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:?start|stop}
folder=$(realpath -m "${2:?folder}")
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

stop() {
  [ -f "$folder/nginx/nginx.pid" ] && nginx -p "$folder/nginx" -c "$folder/nginx/nginx.conf" -s quit 2>/dev/null || true
  for name in a b; do
    [ -f "$folder/$name.pid" ] && kill "$(cat "$folder/$name.pid")" 2>/dev/null || true
    rm -f "$folder/$name.pid"
  done
  scripts/postgres.sh stop "$folder/pg"
}

case "$action" in
stop) stop; exit 0 ;;
start) ;;
*) echo "usage: $0 start|stop FOLDER" >&2; exit 2 ;;
esac

mkdir -p "$folder/uploads" "$folder/mail" "$folder/nginx/logs"
server=$(scripts/postgres.sh start "$folder/pg")
app=${APP:-$folder/app}
if [ -z "${APP:-}" ] && [ ! -x "$app/Madrasah.Blazor" ]; then
  dotnet publish Madrasah.Blazor -c Release -o "$app" -nologo -clp:ErrorsOnly >/dev/null
fi

# SMTP_PORT=n: both instances send through the SMTP server on 127.0.0.1:n instead of the shared pickup folder.
smtp=""
[ -n "${SMTP_PORT:-}" ] && smtp="Email__Delivery=Smtp Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$SMTP_PORT Email__Smtp__Security=None"

start_instance() { # name port
  ( cd "$app" && exec env ASPNETCORE_ENVIRONMENT="${ENVIRONMENT:-Development}" ASPNETCORE_URLS="http://127.0.0.1:$2" \
      Database__Provider=PostgreSQL Database__ConnectionString="$server;Database=madrasah" \
      Uploads__Folder="$folder/uploads" Email__PickupFolder="$folder/mail" App__TrustedProxies__0=127.0.0.1 \
      Email__PollSeconds="${EMAIL_POLL_SECONDS:-5}" $smtp \
      ./Madrasah.Blazor >"$folder/$1.log" 2>&1 ) &
  echo $! > "$folder/$1.pid"
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$folder/$1.pid")" 2>/dev/null || { echo "instance $1 stopped; see $folder/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "instance $1 did not answer /healthz; see $folder/$1.log" >&2; exit 1
}

port_a=$(free_port); port_b=$(free_port); port_n=$(free_port)
start_instance a "$port_a" # first alone: it migrates the new database and seeds it
start_instance b "$port_b"

cat > "$folder/nginx/nginx.conf" <<CONF
daemon on;
pid $folder/nginx/nginx.pid;
error_log $folder/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  # Which instance served each browser (its affinity cookie, the upstream): for following a user through a failover.
  log_format affinity '\$time_local "\$request" \$status \$cookie_madrasah_node \$upstream_addr';
  access_log $folder/nginx/logs/access.log affinity;
  client_body_temp_path $folder/nginx/body; proxy_temp_path $folder/nginx/proxy;
  fastcgi_temp_path $folder/nginx/fastcgi; uwsgi_temp_path $folder/nginx/uwsgi; scgi_temp_path $folder/nginx/scgi;
  client_max_body_size 25m;

  # Sticky sessions: a Blazor Server circuit lives on one instance. A browser gets a random affinity cookie on its
  # first request and is sent by its value to the same instance from then on; when that instance is down, to another.
  map \$cookie_madrasah_node \$affinity { "" \$request_id; default \$cookie_madrasah_node; }
  map \$cookie_madrasah_node \$set_affinity { "" "madrasah_node=\$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }
  map \$http_upgrade \$connection_upgrade { default upgrade; "" close; }

  upstream madrasah {
    hash \$affinity consistent;
    server 127.0.0.1:$port_a max_fails=1 fail_timeout=10s;
    server 127.0.0.1:$port_b max_fails=1 fail_timeout=10s;
  }
  server {
    listen 127.0.0.1:$port_n;
    location / {
      proxy_pass http://madrasah;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503;
      add_header Set-Cookie \$set_affinity always;
    }
  }
}
CONF
nginx -p "$folder/nginx" -c "$folder/nginx/nginx.conf"
echo "nginx=http://127.0.0.1:$port_n a=http://127.0.0.1:$port_a b=http://127.0.0.1:$port_b postgres=$server;Database=madrasah"
