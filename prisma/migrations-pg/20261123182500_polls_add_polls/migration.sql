-- CreateTable
CREATE TABLE "Poll" (
    "id" SERIAL NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "question" TEXT NOT NULL,
    "options" TEXT NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "resultsLive" BOOLEAN NOT NULL DEFAULT true,
    "feedback" BOOLEAN NOT NULL DEFAULT false,
    "deadline" TIMESTAMP(3),
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "announcedAt" TIMESTAMP(3),
    "lastRemindedAt" TIMESTAMP(3),

    CONSTRAINT "Poll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollElector" (
    "pollId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "PollElector_pkey" PRIMARY KEY ("pollId","personId")
);

-- CreateTable
CREATE TABLE "PollBallot" (
    "pollId" INTEGER NOT NULL,
    "voterKey" TEXT NOT NULL,
    "personId" TEXT,
    "comment" TEXT,

    CONSTRAINT "PollBallot_pkey" PRIMARY KEY ("pollId","voterKey")
);

-- CreateTable
CREATE TABLE "PollVote" (
    "pollId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "option" INTEGER NOT NULL,

    CONSTRAINT "PollVote_pkey" PRIMARY KEY ("pollId","personId","option")
);

-- CreateTable
CREATE TABLE "PollTally" (
    "pollId" INTEGER NOT NULL,
    "option" INTEGER NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PollTally_pkey" PRIMARY KEY ("pollId","option")
);

-- CreateTable
CREATE TABLE "PollAnonymousComment" (
    "id" TEXT NOT NULL,
    "pollId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PollAnonymousComment_pkey" PRIMARY KEY ("id")
);

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

