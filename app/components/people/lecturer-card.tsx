// The person page's internal-lecturer mark, for the training manager (the administrator sets it among the roles).
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FormAlert } from "~/components/form";

export function LecturerCard({ marked, error }: { marked: boolean; error?: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="card space-y-3 p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{t("scheduling.lecturers.personTitle")}</h2>
        <Link to="/lecturers" className="btn-link text-sm">
          {t("scheduling.lecturers.allLink")}
        </Link>
      </div>
      <p className="text-sm" data-testid="lecturer-state">
        {marked ? t("scheduling.lecturers.isMarked") : t("scheduling.lecturers.isNotMarked")}
      </p>
      <FormAlert message={error} />
      <Form method="post">
        <input type="hidden" name="intent" value="lecturer" />
        <button
          type="submit"
          name="lecturer"
          value={marked ? "unmark" : "mark"}
          className={marked ? "btn-secondary" : "btn-primary"}
        >
          {marked ? t("scheduling.lecturers.unmark") : t("scheduling.lecturers.mark")}
        </button>
      </Form>
    </section>
  );
}
