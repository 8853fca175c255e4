-- CreateTable
CREATE TABLE "MeetingSummary" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "groupName" TEXT NOT NULL,
    "meetingType" TEXT NOT NULL,
    "meetingStartsAt" TIMESTAMP(3) NOT NULL,
    "meetingEndsAt" TIMESTAMP(3) NOT NULL,
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
    "postingAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "postedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryAgreement" (
    "id" SERIAL NOT NULL,
    "summaryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "groupId" TEXT NOT NULL,
    "meetingType" TEXT NOT NULL,
    "meetingDate" TIMESTAMP(3) NOT NULL,
    "text" TEXT NOT NULL,
    "tracked" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "checkedAt" TIMESTAMP(3),
    "checkedById" TEXT,
    "checkedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummaryAgreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SummaryActionItem" (
    "id" SERIAL NOT NULL,
    "summaryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "groupId" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "dueDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "doneAt" TIMESTAMP(3),
    "doneBy" TEXT,
    "reminderSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SummaryActionItem_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "SummaryAgreement" ADD CONSTRAINT "SummaryAgreement_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "MeetingSummary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SummaryActionItem" ADD CONSTRAINT "SummaryActionItem_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "MeetingSummary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

