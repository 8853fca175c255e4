-- CreateTable
CREATE TABLE "MeetingSummary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "meetingType" TEXT NOT NULL,
    "meetingStartsAt" DATETIME NOT NULL,
    "meetingEndsAt" DATETIME NOT NULL,
    "theme" TEXT,
    "attendance" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "summary" TEXT NOT NULL DEFAULT '',
    "decisions" TEXT NOT NULL DEFAULT '',
    "actions" TEXT NOT NULL DEFAULT '',
    "nextMeeting" TEXT NOT NULL DEFAULT '',
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "privacyOverride" BOOLEAN NOT NULL DEFAULT false,
    "conversationId" TEXT,
    "messageIds" TEXT NOT NULL DEFAULT '[]',
    "postingAt" DATETIME,
    "postedAt" DATETIME,
    "postedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SummaryAgreement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "summaryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "groupId" TEXT NOT NULL,
    "meetingType" TEXT NOT NULL,
    "meetingDate" DATETIME NOT NULL,
    "text" TEXT NOT NULL,
    "tracked" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "checkedAt" DATETIME,
    "checkedById" TEXT,
    "checkedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SummaryAgreement_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "MeetingSummary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SummaryActionItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "summaryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "groupId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "doneAt" DATETIME,
    "doneBy" TEXT,
    "reminderSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SummaryActionItem_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "MeetingSummary" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingSummary_meetingId_key" ON "MeetingSummary"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingSummary_groupId_status_idx" ON "MeetingSummary"("groupId", "status");

-- CreateIndex
CREATE INDEX "MeetingSummary_authorId_status_idx" ON "MeetingSummary"("authorId", "status");

-- CreateIndex
CREATE INDEX "SummaryAgreement_groupId_tracked_status_idx" ON "SummaryAgreement"("groupId", "tracked", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryAgreement_summaryId_position_key" ON "SummaryAgreement"("summaryId", "position");

-- CreateIndex
CREATE INDEX "SummaryActionItem_ownerId_status_idx" ON "SummaryActionItem"("ownerId", "status");

-- CreateIndex
CREATE INDEX "SummaryActionItem_groupId_status_idx" ON "SummaryActionItem"("groupId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SummaryActionItem_summaryId_position_key" ON "SummaryActionItem"("summaryId", "position");

