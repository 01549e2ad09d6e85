#!/bin/sh
# Installs what curlew needs and is missing: the Debian packages (as root
# directly, otherwise with sudo) and the npm data packages (into
# ./node_modules).  Says what it installs; does nothing when all is there.
set -e
deb="$1"
npm_pkgs="$2"
missing=""
for p in $deb; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm may come from Debian or from NodeSource (whose nodejs
# bundles npm and conflicts with Debian's npm): ask for them only if absent.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	echo "deps: installing Debian packages:$missing"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
need_npm=""
for p in $npm_pkgs; do
	name=${p%@*}
	[ -f "node_modules/$name/package.json" ] || need_npm="$need_npm $p"
done
if [ -n "$need_npm" ]; then
	echo "deps: installing npm packages:$need_npm"
	npm install --no-package-lock --no-audit --no-fund --loglevel=error
fi
