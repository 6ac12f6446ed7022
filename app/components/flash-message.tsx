import { useLocation } from "@remix-run/react";
import { useState } from "react";

import { FormAlert } from "~/components/form";
import type { Flash } from "~/utils/flash.server";

/**
 * The layout's one-time message (app/utils/flash.server.ts). Render it with `key={flash.id}`: it
 * shows on the page the redirect led to, and not on the next pages the layout stays mounted for.
 */
export function FlashMessage({ flash }: { flash: Flash }) {
  const location = useLocation();
  const [arrivedAt] = useState(location.key);
  if (location.key !== arrivedAt) return null;
  return <FormAlert tone={flash.tone} message={flash.message} />;
}
