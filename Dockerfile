# syntax=docker/dockerfile:1
#
# TherapyLedger: the web app and the API in one image that runs as an unprivileged user.
#   docker build -t therapyledger .
#   docker compose up -d --build          (with PostgreSQL; see compose.yaml)
#
# Native code and the alpine (musl) base:
# - bcrypt 6 ships prebuilt binaries inside its npm package, musl ones included
#   (node_modules/bcrypt/prebuilds/linux-{x64,arm64,arm}/bcrypt.musl.node); node-gyp-build picks
#   the right one when bcrypt is first required, so nothing is compiled and the image needs no
#   python, make or g++.
# - The build tools' native parts (rolldown, lightningcss, tailwind's oxide, esbuild) come as
#   optional per-platform packages, and package-lock.json lists their linux-musl variants, so
#   `npm ci` inside alpine picks those.
# - package.json's `allowScripts` denies install scripts to esbuild and bcrypt, the only packages
#   here that have any. Neither needs its script: bcrypt's (`node-gyp-build`) would only look for
#   the prebuild it loads at run time anyway, and esbuild's only checks its platform binary, which
#   its JavaScript finds by itself. The npm in node:20 images (10.x) does not know `allowScripts`
#   and would run them, so every `npm ci` below passes --ignore-scripts: the same policy whichever
#   npm the base image ships, and no package gets to run code while the image is built.
# - The runtime stage loads bcrypt once while building, so a platform without a prebuild fails
#   the build instead of the first login.

ARG NODE_IMAGE=node:20-alpine

# ---- deps: every dependency, dev ones included, for the build ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# ---- build: web app to dist/web, server to dist/, SQL migrations to dist/db/migrations ----
FROM deps AS build
# .dockerignore keeps the host's node_modules (glibc binaries) and dist/ out of this copy.
COPY . .
# The server reads its migrations next to dist/db/client.js at run time: fail here, not at start-up,
# if the build did not put them there.
RUN npm run build \
  && test -f dist/server/main.js \
  && test -f dist/db/migrations/meta/_journal.json \
  && test -f dist/web/index.html

# ---- runtime: production dependencies and the build output only ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force \
  && node -e "require('bcrypt').hashSync('build-time probe', 4)"
# Owned by root and so read-only to the app: a compromised process cannot rewrite its own code.
COPY --from=build /app/dist ./dist
# The embedded database (PGlite, used when DATABASE_URL is unset) lives in DATA_DIR: mount a volume
# at /app/data to keep it. With DATABASE_URL set the folder stays empty.
RUN mkdir -p /app/data && chown node:node /app/data
ENV HOST=0.0.0.0 \
  PORT=3000 \
  DATA_DIR=/app/data
USER node
EXPOSE 3000
# Liveness only (the process answers); /api/ready also checks the database and migrations, which
# an orchestrator should use for routing, not for restarting. Shell form so that a changed PORT
# is honoured; busybox wget is in the alpine base.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${PORT:-3000}/api/health" || exit 1
# Node handles SIGTERM itself (src/server/main.ts drains requests, then closes the database);
# give it longer than SHUTDOWN_TIMEOUT_MS before a SIGKILL (compose: stop_grace_period).
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
