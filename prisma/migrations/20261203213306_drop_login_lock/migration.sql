-- DropTable
DROP TABLE "LoginLock";
