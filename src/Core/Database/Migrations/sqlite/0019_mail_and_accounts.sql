-- 0019 mail and accounts (SQLite): the mail outbox, sent by the background sender with retries (ADR 0027), and
-- single-use password-reset links (issue 22, item 2). Two-factor keys and recovery codes live in Identity's user_tokens.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "mail_outbox" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_mail_outbox" PRIMARY KEY AUTOINCREMENT,
    "tenant_id" TEXT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "next_attempt_at_utc" TEXT NULL,
    "sent_at_utc" TEXT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "password_resets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_password_resets" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "expires_at_utc" TEXT NOT NULL,
    "used_at_utc" TEXT NULL,
    CONSTRAINT "fk_password_resets_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_mail_outbox_state_next_attempt_at_utc" ON "mail_outbox" ("state", "next_attempt_at_utc");
CREATE INDEX "ix_mail_outbox_tenant_id_id" ON "mail_outbox" ("tenant_id", "id");
CREATE INDEX "ix_password_resets_user_id" ON "password_resets" ("user_id");
