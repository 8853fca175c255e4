-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "changeSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SocialMapVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SocialMapVersion_pkey" PRIMARY KEY ("id")
);
-- the one row, as in the SQLite migration
INSERT INTO "SocialMapVersion" ("id", "version") VALUES (1, 0);

-- CreateIndex
CREATE INDEX "Partner_changeSeq_idx" ON "Partner"("changeSeq");

