import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { translateMessage } from "~/utils/validation";

/**
 * The second step of deleting an annual item that draft monthly plans use: what will happen to them,
 * then the same deletion posted again with `confirmed`. Works without JavaScript.
 */
export function DeleteItemConfirm({ message, itemId }: { message: string; itemId: string }) {
  const { t } = useTranslation();
  return (
    <section role="alertdialog" aria-labelledby="delete-item-confirm" className="card border-amber-300 bg-amber-50 p-4">
      <p id="delete-item-confirm" className="text-sm text-amber-900">
        {translateMessage(t, message)}
      </p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <Link to="." replace className="btn-secondary">
          {t("common.cancel")}
        </Link>
        <Form method="post">
          <input type="hidden" name="intent" value="deleteItem" />
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="confirmed" value="1" />
          <button type="submit" className="btn-danger">
            {t("plan.deleteConfirm")}
          </button>
        </Form>
      </div>
    </section>
  );
}
