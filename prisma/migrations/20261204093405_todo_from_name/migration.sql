-- AlterTable
ALTER TABLE "TodoItem" ADD COLUMN     "fromName" TEXT;
