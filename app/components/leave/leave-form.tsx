import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

import { Field, FormAlert, useSchemaForm } from "~/components/form";
import { ATTACHMENT_ACCEPT } from "~/domain/leave/leave-rules";
import { LEAVE_REASONS, MAX_REASON_TEXT } from "~/domain/leave/leave.schema";
import type { FieldErrors, FormValues } from "~/utils/validation";

/**
 * The leave form's fields: the reason (kind and text) and an optional attachment. The same component
 * files a new form (hidden sessionId) and revises one sent back (hidden intent and revision). Multipart,
 * so that it works without JavaScript; with it, react-hook-form checks the shared schema first.
 */
export function LeaveForm({
  schema,
  hidden,
  defaults,
  errors,
  submitLabel,
  keptAttachment,
}: {
  schema: z.ZodType;
  hidden: Record<string, string | number>;
  defaults?: FormValues;
  errors?: FieldErrors | null;
  submitLabel: string;
  keptAttachment?: string | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== "idle";
  const { onSubmit, register, errorOf, select } = useSchemaForm(schema, {
    defaultValues: defaults,
    serverErrors: errors,
  });
  const formError = errors?._form;
  const existing = formError?.startsWith("leave.alreadyFiled")
    ? (JSON.parse(formError.slice(formError.indexOf("::") + 2)) as { href: string }).href
    : null;
  return (
    <Form method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {formError ? (
        <div className="space-y-1">
          <FormAlert message={formError} />
          {existing ? (
            <a href={existing} className="btn-link">
              {t("leave.openExisting")} →
            </a>
          ) : null}
        </div>
      ) : null}
      {errors?.sessionId ? <FormAlert message={errors.sessionId} /> : null}
      {select("leave.fields.", "reasonKind", LEAVE_REASONS, "leave.reasons.")}
      <Field label={t("leave.fields.reasonText")} name="reasonText" error={errorOf("reasonText")}>
        <textarea
          id="reasonText"
          rows={4}
          maxLength={MAX_REASON_TEXT}
          className="input"
          placeholder={t("leave.reasonTextPlaceholder")}
          aria-invalid={Boolean(errorOf("reasonText"))}
          {...register("reasonText")}
        />
      </Field>
      <Field
        label={t("leave.fields.attachment")}
        name="attachment"
        error={errors?.attachment}
        hint={keptAttachment ? t("leave.keepAttachment", { name: keptAttachment }) : t("leave.attachmentHint")}
      >
        <input
          id="attachment"
          name="attachment"
          type="file"
          accept={ATTACHMENT_ACCEPT}
          className={[
            "block w-full text-sm",
            "file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-700",
          ].join(" ")}
          aria-invalid={Boolean(errors?.attachment)}
        />
      </Field>
      {keptAttachment ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="removeAttachment" value="on" />
          {t("leave.fields.removeAttachment")}
        </label>
      ) : null}
      <button type="submit" className="btn-primary w-full sm:w-auto" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
