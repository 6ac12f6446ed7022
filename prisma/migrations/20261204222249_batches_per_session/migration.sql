-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "batchCount" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CourseAttendee" ADD COLUMN     "batch" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CourseSession" ADD COLUMN     "batch" INTEGER NOT NULL DEFAULT 1;
