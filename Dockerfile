# InfraLedger: the web application (`infraledger serve`) and its command-line tool in one image (docs/operations.md,
# ADR 0030). Build: docker build -t infraledger .   Run with PostgreSQL: docker compose up (compose.yaml).

# --- build: the SDK publishes with scripts/publish, the same command the test of the published app runs ----------------
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /src
COPY . .
RUN bash scripts/publish /app

# --- runtime: ASP.NET Core only, ICU and a Japanese font, a user without privileges -----------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime
# ICU: Japanese collation, 和暦 and the culture-aware formats the pages use (the app must not run culture-invariant).
# Noto CJK: a Japanese font for anything rendered on the server (charts, print layouts, spreadsheets opened there).
# postgresql-client: pg_dump and pg_restore for `db backup` / `db restore` (16 in Ubuntu 24.04: reads and writes a 15 server).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libicu74 fonts-noto-cjk tzdata postgresql-client \
 && rm -rf /var/lib/apt/lists/*
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    ASPNETCORE_ENVIRONMENT=Production \
    TZ=Asia/Tokyo \
    Storage__Uploads=/data/uploads
WORKDIR /app
COPY --from=build /app .
# `app` (uid 1654) comes with the .NET images. /data: the SQLite file when no PostgreSQL is configured, uploads waiting to
# be imported. The data-protection keys are in /home/app/.aspnet (mount a volume there, or share it between instances).
RUN mkdir -p /data/uploads /home/app/.aspnet && chown -R app:app /data /home/app/.aspnet
USER app
WORKDIR /data
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/infraledger.dll"]
CMD ["serve", "--urls", "http://+:8080"]
