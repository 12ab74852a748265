# Production-like image: builds the SPA and the server, then runs the server alone with its production
# dependencies only (no emulator, no embedded PostgreSQL, no test tools), as the unprivileged `node` user,
# against an external PostgreSQL (DATABASE_URL). Not built in CI here (this machine has no Docker engine).
FROM node:24-bookworm-slim AS build
RUN npm i -g pnpm@12.21.0
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter @vouch/web build \
 && pnpm --filter @vouch/server build \
 && pnpm --filter @vouch/validation build \
 && pnpm --filter @vouch/server deploy --prod --legacy /out \
 && cp -r packages/web/dist /out/web-dist

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=4000 WEB_DIST=/app/web-dist
WORKDIR /app
COPY --from=build --chown=node:node /out /app
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# vouch-dist: workspace packages resolve to their compiled JavaScript (Node strips no types under node_modules).
CMD ["node", "--conditions=vouch-dist", "dist/src/main.js"]
