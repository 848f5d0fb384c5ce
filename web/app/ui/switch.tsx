// An on/off switch: a real button with role="switch" and aria-checked (Space and Enter toggle it), named by a
// label elsewhere on the page, with the state also written next to it so it does not rest on colour alone.
// While its change is on the way it stays focusable and says so (aria-busy), and further presses are ignored.

/** A switch; `onToggle` asks for the other state, the owner decides when `on` changes. */
export function Switch(props: { id: string; on: boolean; busy?: boolean; labelledBy: string; describedBy?: string; onText: string; offText: string; onToggle: () => void }) {
  return (
    <span class="switch-wrap">
      <span class="switch-state" aria-hidden="true">{props.on ? props.onText : props.offText}</span>
      <button
        type="button"
        role="switch"
        id={props.id}
        class="switch"
        aria-checked={props.on}
        aria-labelledby={props.labelledBy}
        aria-describedby={props.describedBy}
        aria-busy={props.busy || undefined}
        aria-disabled={props.busy || undefined}
        onClick={() => {
          if (!props.busy) props.onToggle();
        }}
      />
    </span>
  );
}
