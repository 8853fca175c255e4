-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "organisation" TEXT,
    "nameKey" TEXT NOT NULL,
    "discipline" TEXT NOT NULL,
    "expertise" TEXT NOT NULL DEFAULT '[]',
    "wijken" TEXT NOT NULL DEFAULT '[]',
    "postcodeAreas" TEXT NOT NULL DEFAULT '[]',
    "address" TEXT,
    "city" TEXT,
    "postcode" TEXT,
    "workdays" TEXT NOT NULL DEFAULT '',
    "intakeStop" BOOLEAN NOT NULL DEFAULT false,
    "intakeStopUntil" TEXT,
    "intakeStopNote" TEXT,
    "waitWeeks" INTEGER,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "communication" TEXT NOT NULL DEFAULT '[]',
    "agb" TEXT,
    "lastCheckedAt" DATETIME,
    "lastCheckedBy" TEXT,
    "lastCheckedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PartnerReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "partnerId" TEXT NOT NULL,
    "reporterId" TEXT,
    "reporterName" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "PartnerReport_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_agb_key" ON "Partner"("agb");

-- CreateIndex
CREATE INDEX "Partner_nameKey_idx" ON "Partner"("nameKey");

-- CreateIndex
CREATE INDEX "Partner_updatedAt_idx" ON "Partner"("updatedAt");

-- CreateIndex
CREATE INDEX "PartnerReport_partnerId_status_idx" ON "PartnerReport"("partnerId", "status");

-- CreateIndex
CREATE INDEX "PartnerReport_status_createdAt_idx" ON "PartnerReport"("status", "createdAt");

