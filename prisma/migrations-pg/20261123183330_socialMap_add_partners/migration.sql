-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
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
    "lastCheckedAt" TIMESTAMP(3),
    "lastCheckedBy" TEXT,
    "lastCheckedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerReport" (
    "id" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "reporterId" TEXT,
    "reporterName" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "PartnerReport_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "PartnerReport" ADD CONSTRAINT "PartnerReport_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

