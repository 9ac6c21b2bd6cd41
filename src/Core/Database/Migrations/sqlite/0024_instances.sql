-- 0024 several web instances (SQLite): background jobs and their progress, lease and cancellation flag, seen by every
-- instance; ASP.NET Core data-protection keys shared by every instance (issue 23 item 3, ADR 0033).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "jobs" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "fraction" REAL NULL,
    "rows" INTEGER NOT NULL,
    "message" TEXT NULL,
    "result_ref" TEXT NULL,
    "queued_at_utc" TEXT NOT NULL,
    "started_at_utc" TEXT NULL,
    "finished_at_utc" TEXT NULL,
    "owner" TEXT NOT NULL,
    "lease_expires_at_utc" TEXT NOT NULL,
    "cancel_requested" INTEGER NOT NULL,
    CONSTRAINT "pk_jobs" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_jobs_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NOT NULL
);

CREATE INDEX "ix_jobs_status_lease_expires_at_utc" ON "jobs" ("status", "lease_expires_at_utc");
