# syntax=docker/dockerfile:1
#
# One image for every hub process (the `api`, future consumers, and the one-shot `hub prepare`):
# compose and orchestrators pick the process with `command`. The default runs the public API.
#
#   docker build -t red-ninez-hub .
#   docker run --rm -e KAFKA_BROKERS=... -e SCHEMA_REGISTRY_URL=... -e DATABASE_URL=... red-ninez-hub
#
# Node 20 to match package.json "engines" (>=20.19). Override to pin a digest in CI:
#   docker build --build-arg NODE_IMAGE=node:20-bookworm-slim@sha256:... .
ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: full dependency tree (typescript lives in it) and `tsc` → dist/, mirroring source paths
# (services/api/main.ts → dist/services/api/main.js).
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
# bash with pipefail, so a failing `find` in a pipeline fails the build instead of shipping an
# image with missing migrations.
SHELL ["/bin/bash", "-euo", "pipefail", "-c"]
WORKDIR /app

# Manifests first: the dependency layer is reused until package-lock.json changes.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY . .
RUN npm run build

# tsc emits only JavaScript, but some code reads files from disk at run time. Collect them at
# their source paths under /runtime-assets, so that in the image they sit where the repository
# root resolves (findRepoRoot(): the folder with package.json and schemas/, i.e. /app):
#   - <area>/<component>/migrations/NNNN_*.sql for services/ and connectors/ (`hub prepare`);
#   - schemas/**/*.avsc, including schemas/released/ (the compatibility baseline);
#   - infra/ files that are not TypeScript (infra/cli/hub.js, the `hub` entry, and its data);
#   - services/<component>/web/ static pages (the operators' console).
# connectors/ may not exist yet: missing areas are skipped, not an error.
RUN mkdir -p /runtime-assets/schemas/avro /runtime-assets/schemas/released; \
    { \
      for area in services connectors; do \
        if [ -d "$area" ]; then \
          find "$area" -mindepth 3 -maxdepth 3 -type f -path "$area/*/migrations/*.sql" -print0; \
        fi; \
      done; \
      find schemas -type f -name '*.avsc' -print0; \
      find infra -type f ! -name '*.ts' -print0; \
      find services -mindepth 3 -type f -path 'services/*/web/*' -print0; \
    } | xargs -0 --no-run-if-empty cp --parents --target-directory=/runtime-assets; \
    find /runtime-assets -type f | sort

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies, compiled code and runtime files only; no sources, no
# compiler output cache, no dev tooling (jest, eslint, testcontainers).
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# NODE_ENV=production makes infra/cli/hub.js run dist/ instead of compiling TypeScript on the
# fly, and libraries pick their production behaviour. Source maps are shipped with dist/, so
# stack traces in logs point at the .ts lines people actually edit.
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps
WORKDIR /app

COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

COPY --from=build /app/dist ./dist
COPY --from=build /runtime-assets/ ./

# Code and dependencies stay owned by root: the process (user `node`, uid 1000, from the base
# image) can read them but not modify them. Nothing in the hub writes under /app at run time.
USER node

# The api's port (infra/services.ts). Other processes publish their own via compose.
EXPOSE 8080

# No HEALTHCHECK here: compose and the orchestrator probe `GET /health` themselves, and the same
# image also runs one-shot commands (`hub prepare`) for which an HTTP probe makes no sense.
CMD ["node", "dist/services/api/main.js"]
