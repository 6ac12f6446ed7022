-- AlterEnum
ALTER TYPE "ApprovalAction" ADD VALUE 'WITHDRAW';
