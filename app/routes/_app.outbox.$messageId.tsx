import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";

import { FormAlert } from "~/components/form";
import { OutboxStatusBadge } from "~/components/mail/outbox-status";
import { useFormat } from "~/components/use-format";
import { messageIdFor } from "~/domain/mail/delivery-rules";
import { icsSummary } from "~/domain/mail/ics-summary";
import { getOutboxMessage } from "~/domain/mail/outbox-queries.server";
import { sendAgain } from "~/domain/mail/send-again.server";
import { getSettings } from "~/domain/settings/settings.server";
import { requirePermission } from "~/utils/auth.server";
import { getParams, Id } from "~/utils/params";
import { can } from "~/utils/permissions";
import { invalid, requireActor, respond } from "~/utils/route.server";
import { optionalText, parseIntent } from "~/utils/validation";

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

const MessageParams = z.object({ messageId: Id });
const MessageIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("sendAgain"), reason: optionalText(500) }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "read:outbox");
  const { messageId } = getParams(params, MessageParams);
  const message = await getOutboxMessage(messageId);
  if (!message) throw new Response("Not found", { status: 404 });
  const settings = await getSettings();
  return {
    message,
    // What the recipient's mail client shows: the sender and Message-ID as they will be sent.
    from: { name: settings.mailSenderName, address: settings.mailSenderAddress },
    messageId: message.smtpMessageId ?? messageIdFor(message.id, settings.mailSenderAddress),
    invite: message.ics ? icsSummary(message.ics, settings.timeZone) : null,
    timeZone: settings.timeZone,
    canSendAgain: can(user.roles, "manage:outbox") && message.status === "FAILED",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { messageId } = getParams(params, MessageParams);
  const { actor } = await requireActor(request, "manage:outbox");
  const form = parseIntent(await request.formData(), MessageIntent);
  if (!form.ok) return invalid(form);
  return respond(await sendAgain(actor, messageId, form.data.reason), {
    form,
    redirectTo: `/outbox/${messageId}`,
    flash: "mail.sentAgain",
  });
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[8rem_1fr]">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-all text-slate-900">{children}</dd>
    </div>
  );
}

export default function OutboxMessagePage() {
  const { t } = useTranslation();
  const { message, from, messageId, invite, timeZone, canSendAgain } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const format = useFormat();
  return (
    <div className="max-w-3xl space-y-4">
      <Link to="/outbox" className="text-sm text-sky-700 hover:underline">
        {t("mail.back")}
      </Link>
      <h1 className="page-title break-words">{message.subject}</h1>
      <section className="card space-y-2 p-4 text-sm">
        <dl className="space-y-2">
          <Row label={t("mail.fields.status")}>
            <OutboxStatusBadge status={message.status} />
          </Row>
          <Row label={t("mail.fields.from")}>
            {from.name} &lt;{from.address}&gt;
          </Row>
          <Row label={t("mail.fields.to")}>
            {message.toName} &lt;{message.toAddress}&gt;
          </Row>
          <Row label={t("mail.fields.subject")}>{message.subject}</Row>
          <Row label={t("mail.fields.kind")}>{message.kind}</Row>
          <Row label={t("mail.fields.createdAt")}>{format.dateTime(message.createdAt)}</Row>
          {message.sentAt ? <Row label={t("mail.fields.sentAt")}>{format.dateTime(message.sentAt)}</Row> : null}
          <Row label={t("mail.fields.attempts")}>{message.attempts}</Row>
          <Row label={t("mail.fields.messageId")}>
            <code className="text-xs">{messageId}</code>
          </Row>
          {message.lastError ? (
            <Row label={t("mail.fields.lastError")}>
              <span className="text-red-700">{message.lastError}</span>
            </Row>
          ) : null}
        </dl>
      </section>
      {canSendAgain ? (
        <Form method="post" className="card space-y-3 p-4">
          <p className="text-sm text-slate-600">{t("mail.sendAgainHint")}</p>
          <FormAlert message={actionData?.errors?._form} />
          <input type="hidden" name="intent" value="sendAgain" />
          <input
            name="reason"
            className="input"
            placeholder={t("common.reasonOptional")}
            aria-label={t("common.reasonOptional")}
          />
          <button type="submit" className="btn-primary">
            {t("mail.sendAgain")}
          </button>
        </Form>
      ) : null}
      <section className="card space-y-2 p-4">
        <h2 className="text-sm font-semibold text-slate-700">{t("mail.fields.text")}</h2>
        <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-900">{message.text}</pre>
        {message.html ? (
          <details>
            <summary className="cursor-pointer text-sm text-slate-500">{t("mail.fields.html")}</summary>
            <pre className="whitespace-pre-wrap break-all text-xs text-slate-600">{message.html}</pre>
          </details>
        ) : null}
      </section>
      {invite && message.ics ? (
        <section className="card space-y-3 p-4 text-sm" data-testid="invite">
          <h2 className="font-semibold text-slate-700">{t("mail.invite.title")}</h2>
          <dl className="space-y-2">
            <Row label={t("mail.invite.method")}>
              {invite.method === "REQUEST" || invite.method === "CANCEL"
                ? t(`mail.methods.${invite.method}`)
                : invite.method}
            </Row>
            <Row label={t("mail.invite.uid")}>
              <code className="text-xs">{invite.uid}</code>
            </Row>
            <Row label={t("mail.invite.sequence")}>{invite.sequence}</Row>
            {invite.summary ? <Row label={t("mail.invite.summary")}>{invite.summary}</Row> : null}
            {invite.location ? <Row label={t("mail.invite.location")}>{invite.location}</Row> : null}
            <Row label={t("mail.invite.start")}>
              {invite.start} ({timeZone})
            </Row>
            <Row label={t("mail.invite.end")}>
              {invite.end} ({timeZone})
            </Row>
          </dl>
          <details>
            <summary className="cursor-pointer text-slate-500">{t("mail.invite.ics")}</summary>
            <pre className="overflow-x-auto whitespace-pre text-xs text-slate-600">{message.ics}</pre>
          </details>
        </section>
      ) : null}
    </div>
  );
}
