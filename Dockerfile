# Container image of the Synergy Register server (tab, API, Word task pane, bot endpoint) on Node 24 LTS.
# Build: docker build -t synergy-register .
# Run (tenant settings as in env/.env.sample; a container listens on all interfaces, so tenant mode and an
# https PUBLIC_URL are required; env/ files are not in the image, the settings come from the environment):
#   docker run -p 8080:8080 --env-file env/.env.tenant -e CLIENT_SECRET=… synergy-register

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compiles the server and the browser bundles, then assembles build/deploy with production dependencies only.
RUN npm run bundle

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /src/build/deploy ./
RUN mkdir -p /data && chown node:node /data
USER node
# The embedded store's folder (STORE=local, one container only); with STORE=graph nothing is kept here.
VOLUME ["/data"]
EXPOSE 8080
# Healthy once the store answers (/api/health/ready); /api/health only says the process answers.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/server/main.js"]
