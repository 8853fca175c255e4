-- CreateTable
CREATE TABLE "TeamsUser" (
    "personId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamsUser_pkey" PRIMARY KEY ("personId")
);

-- AddForeignKey
ALTER TABLE "TeamsUser" ADD CONSTRAINT "TeamsUser_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

