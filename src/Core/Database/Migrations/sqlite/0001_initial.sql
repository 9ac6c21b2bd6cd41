-- 0001 initial schema (SQLite): tenancy master, identity, memberships, grants, API tokens, settings, audit trail.
-- Written from `infraledger db model-script --provider sqlite`; never edit once released: add a new numbered script.

CREATE TABLE "local_governments" (
    "code" TEXT NOT NULL CONSTRAINT "pk_local_governments" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kana" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "kind" INTEGER NOT NULL,
    "kind_unverified" INTEGER NOT NULL,
    "prefecture_code" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "is_tenant" INTEGER NOT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "url" TEXT NULL
);


CREATE TABLE "reference_data_loads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_reference_data_loads" PRIMARY KEY AUTOINCREMENT,
    "dataset" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "loaded_at_utc" TEXT NOT NULL
);


CREATE TABLE "users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);


CREATE TABLE "wide_area_groups" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_wide_area_groups" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "description" TEXT NULL
);


CREATE TABLE "api_tokens" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" INTEGER NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at_utc" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "revoked_at_utc" TEXT NULL,
    CONSTRAINT "pk_api_tokens" PRIMARY KEY ("tenant_id", "id"),
    CONSTRAINT "fk_api_tokens_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);


CREATE TABLE "audit_events" (
    "tenant_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "occurred_at_utc" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_key" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "pk_audit_events" PRIMARY KEY ("tenant_id", "sequence"),
    CONSTRAINT "fk_audit_events_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);


CREATE TABLE "tenant_settings" (
    "tenant_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    CONSTRAINT "pk_tenant_settings" PRIMARY KEY ("tenant_id", "key"),
    CONSTRAINT "fk_tenant_settings_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT
);


CREATE TABLE "tenant_memberships" (
    "tenant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" INTEGER NOT NULL,
    CONSTRAINT "pk_tenant_memberships" PRIMARY KEY ("tenant_id", "user_id"),
    CONSTRAINT "fk_tenant_memberships_local_governments_tenant_id" FOREIGN KEY ("tenant_id") REFERENCES "local_governments" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_tenant_memberships_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_user_claims_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_grants" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_user_grants" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "role" INTEGER NOT NULL,
    "prefecture_code" TEXT NULL,
    CONSTRAINT "fk_user_grants_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_user_logins_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_user_tokens_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);


CREATE TABLE "wide_area_group_members" (
    "group_id" INTEGER NOT NULL,
    "member_code" TEXT NOT NULL,
    CONSTRAINT "pk_wide_area_group_members" PRIMARY KEY ("group_id", "member_code"),
    CONSTRAINT "fk_wide_area_group_members_local_governments_member_code" FOREIGN KEY ("member_code") REFERENCES "local_governments" ("code") ON DELETE RESTRICT,
    CONSTRAINT "fk_wide_area_group_members_wide_area_groups_group_id" FOREIGN KEY ("group_id") REFERENCES "wide_area_groups" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_local_governments_prefecture_code" ON "local_governments" ("prefecture_code");


CREATE INDEX "ix_tenant_memberships_user_id" ON "tenant_memberships" ("user_id");


CREATE INDEX "ix_user_claims_user_id" ON "user_claims" ("user_id");


CREATE UNIQUE INDEX "ix_user_grants_user_id_role_prefecture_code" ON "user_grants" ("user_id", "role", "prefecture_code");


CREATE INDEX "ix_user_logins_user_id" ON "user_logins" ("user_id");


CREATE INDEX "email_index" ON "users" ("normalized_email");


CREATE UNIQUE INDEX "user_name_index" ON "users" ("normalized_user_name");


CREATE INDEX "ix_wide_area_group_members_member_code" ON "wide_area_group_members" ("member_code");



