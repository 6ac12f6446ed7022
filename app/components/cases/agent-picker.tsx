import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

import type { AgentOption } from "~/domain/cases/agent-options";

const SEARCH_DELAY_MS = 150;

/**
 * The case list's "assign to" field: a text field for an employee number or a name, and, with client
 * JavaScript, the department's matching agents suggested as the head types (cases.agents[.json]), each
 * with whether they may be given cases. Without JavaScript the typed text is resolved by the action.
 */
export function AgentPicker({
  field,
  invalid,
  onPick,
}: {
  field: UseFormRegisterReturn & { defaultValue?: string };
  invalid: boolean;
  onPick: (value: string) => void;
}) {
  const { t } = useTranslation();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [agents, setAgents] = useState<AgentOption[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef<AbortController | null>(null);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      inFlight.current?.abort();
    },
    [],
  );

  const search = (q: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      inFlight.current?.abort();
      const request = new AbortController();
      inFlight.current = request;
      try {
        const response = await fetch(`/cases/agents.json?q=${encodeURIComponent(q)}`, {
          signal: request.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { agents: AgentOption[] };
        setAgents(body.agents);
        setFailed(false);
      } catch {
        if (request.signal.aborted) return;
        setAgents(null);
        setFailed(true);
      }
      setActive(-1);
      setOpen(true);
    }, SEARCH_DELAY_MS);
  };

  const pick = (agent: AgentOption) => {
    onPick(`${agent.employeeNo} ${agent.name}`);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!open || !agents?.length) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + agents.length) % agents.length);
    } else if (event.key === "Enter" && active >= 0) {
      // Enter on a suggestion takes it; it does not send the form yet.
      event.preventDefault();
      pick(agents[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div className="relative">
      <input
        id="agent"
        type="text"
        className="input"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-invalid={invalid}
        aria-describedby="agent-hint"
        placeholder={t("cases.assign.agentPlaceholder")}
        maxLength={60}
        {...field}
        onChange={(event) => {
          void field.onChange(event);
          search(event.target.value);
        }}
        onFocus={(event) => search(event.target.value)}
        onBlur={(event) => {
          setOpen(false);
          void field.onBlur(event);
        }}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("cases.assign.suggestions")}
          className={[
            "absolute z-20 mt-1 max-h-72 w-full overflow-auto",
            "rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg",
          ].join(" ")}
        >
          {(agents ?? []).map((agent, i) => (
            // The keyboard works from the field itself (arrows, Enter, Escape: aria-activedescendant).
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={agent.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              data-cleared={agent.cleared}
              // Keeps the focus in the field, so the blur does not close the list before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(agent)}
              className={[
                "flex cursor-pointer flex-wrap items-baseline gap-x-2 px-3 py-2",
                i === active ? "bg-brand-50" : "hover:bg-slate-50",
              ].join(" ")}
            >
              <span className="font-mono text-xs text-slate-500">{agent.employeeNo}</span>
              <span className="text-slate-900">{agent.name}</span>
              <span className={agent.cleared ? "text-xs text-slate-500" : "text-xs text-amber-700"}>
                {t(agent.cleared ? "cases.assign.certifiedOption" : "cases.assign.notCertifiedOption", {
                  status: t(`certification.status.${agent.certification}`),
                })}
              </span>
            </li>
          ))}
          {agents?.length === 0 || failed ? (
            <li className="px-3 py-2 text-slate-500">
              {failed ? t("cases.assign.searchFailed") : t("cases.assign.noMatches")}
            </li>
          ) : null}
        </ul>
      ) : null}
      <p id="agent-hint" className="mt-1 text-xs text-slate-500">
        {t("cases.assign.agentHint")}
      </p>
    </div>
  );
}
