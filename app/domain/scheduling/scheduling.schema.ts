import { z } from "zod";

import { positiveInt, shortText } from "~/domain/plan/fields";
import { optionalText } from "~/utils/validation";

/** A room of the company's list: its name, how many it seats and what it has. */
export const RoomSchema = z.object({
  name: shortText(50),
  capacity: positiveInt(2000),
  equipment: optionalText(200),
});
export type RoomInput = z.output<typeof RoomSchema>;

/** An external trainer: who, from which institution, and how to reach them. */
export const TrainerSchema = z.object({
  name: shortText(100),
  organisation: optionalText(100),
  contact: shortText(200),
});
export type TrainerInput = z.output<typeof TrainerSchema>;
