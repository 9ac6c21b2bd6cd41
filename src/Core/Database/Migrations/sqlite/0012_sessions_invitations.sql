-- 0012 sessions and invitations (SQLite): server-side sign-in sessions (ADR 0016) — the cookie is accepted only while
-- its row exists — and invitations to a tenant, accepted through a one-time link (ADR 0018).
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_user_sessions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "expires_at_utc" TEXT NOT NULL,
    "client_address" TEXT NULL,
    CONSTRAINT "fk_user_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "tenant_invitations" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "normalized_email" TEXT NOT NULL,
    "role" INTEGER NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "expires_at_utc" TEXT NOT NULL,
    "accepted_at_utc" TEXT NULL,
    "accepted_by_user_id" TEXT NULL,
    "revoked_at_utc" TEXT NULL,
    CONSTRAINT "pk_tenant_invitations" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_tenant_invitations_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);

CREATE INDEX "ix_tenant_invitations_tenant_id_normalized_email" ON "tenant_invitations" ("tenant_id", "normalized_email");
CREATE INDEX "ix_user_sessions_expires_at_utc" ON "user_sessions" ("expires_at_utc");
CREATE INDEX "ix_user_sessions_user_id" ON "user_sessions" ("user_id");
