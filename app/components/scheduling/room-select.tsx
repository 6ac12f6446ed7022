// The listed rooms as a select: where a session of in-house training is held (the course's session form and
// the move of a session on the notices page). Retired rooms are not offered.
import { forwardRef, type SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

export type RoomChoice = { id: string; name: string; capacity: number };

type Props = { rooms: RoomChoice[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, "children">;

export const RoomSelect = forwardRef<HTMLSelectElement, Props>(function RoomSelect({ rooms, ...select }, ref) {
  const { t } = useTranslation();
  return (
    <select ref={ref} className="input" {...select}>
      <option value="">{t("course.choose")}</option>
      {rooms.map((r) => (
        <option key={r.id} value={r.id}>
          {t("scheduling.rooms.choice", r)}
        </option>
      ))}
    </select>
  );
});
