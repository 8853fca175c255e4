-- CreateTable
CREATE TABLE "Poll" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "question" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "resultsLive" BOOLEAN NOT NULL DEFAULT true,
    "feedback" BOOLEAN NOT NULL DEFAULT false,
    "deadline" DATETIME,
    "audience" TEXT NOT NULL DEFAULT 'raad',
    "audienceGroupIds" TEXT NOT NULL DEFAULT '[]',
    "target" TEXT NOT NULL DEFAULT 'here',
    "creatorId" TEXT NOT NULL,
    "creatorName" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "draftConversationId" TEXT NOT NULL,
    "conversationId" TEXT,
    "messageId" TEXT,
    "eligibleCount" INTEGER NOT NULL DEFAULT 0,
    "changes" INTEGER NOT NULL DEFAULT 0,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    "closedAt" DATETIME,
    "closedBy" TEXT,
    "announcedAt" DATETIME,
    "lastRemindedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PollElector" (
    "pollId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,

    PRIMARY KEY ("pollId", "personId")
);

-- CreateTable
-- WITHOUT ROWID (added by hand, see prisma/schema/polls.prisma): rows live in key order, so there is no
-- hidden insertion order that could line ballots up with anonymous comments.
CREATE TABLE "PollBallot" (
    "pollId" INTEGER NOT NULL,
    "voterKey" TEXT NOT NULL,
    "personId" TEXT,
    "comment" TEXT,

    PRIMARY KEY ("pollId", "voterKey")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "PollVote" (
    "pollId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "option" INTEGER NOT NULL,

    PRIMARY KEY ("pollId", "personId", "option")
);

-- CreateTable
CREATE TABLE "PollTally" (
    "pollId" INTEGER NOT NULL,
    "option" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("pollId", "option")
);

-- CreateTable
CREATE TABLE "PollAnonymousComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "pollId" INTEGER NOT NULL,
    "text" TEXT NOT NULL
) WITHOUT ROWID;

-- CreateIndex
CREATE INDEX "Poll_creatorId_status_idx" ON "Poll"("creatorId", "status");

-- CreateIndex
CREATE INDEX "Poll_status_deadline_idx" ON "Poll"("status", "deadline");

-- CreateIndex
CREATE INDEX "PollElector_personId_idx" ON "PollElector"("personId");

-- CreateIndex
CREATE INDEX "PollBallot_pollId_personId_idx" ON "PollBallot"("pollId", "personId");

-- CreateIndex
CREATE INDEX "PollVote_pollId_option_idx" ON "PollVote"("pollId", "option");

-- CreateIndex
CREATE INDEX "PollAnonymousComment_pollId_idx" ON "PollAnonymousComment"("pollId");

