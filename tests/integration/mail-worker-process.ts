// One mail worker process for tests/integration/mail-outbox.test.ts: the worker as a server process
// runs it, against DATABASE_URL and SMTP_URL from the environment, with short retry delays.
import { startMailWorker } from "../../app/domain/mail/mail-worker.server";

const worker = await startMailWorker({
  periodic: [],
  retryLimit: 30,
  retryDelaySeconds: 1,
  pollingIntervalSeconds: 0.5,
  sweepIntervalMs: 300,
  log: (line) => console.log(line),
});
console.log(worker.delivering ? "mail worker ready" : "mail worker not delivering");

const stop = () => {
  void worker.stop().finally(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
