/**
 * Holding the popup still while the reader presses a pointer in it, or the space bar. A click
 * is a press and a release on the same element: a name in the list of names found that is
 * rebuilt in between (the page reported new counts) would take the release, and the click
 * would go nowhere. A button pressed with the space bar clicks when the key comes up, on the
 * button that took the key down; Enter clicks as it goes down.
 */
export interface PressHold {
  /** Whether a pointer or the space bar is pressed in the popup now. */
  pressed(): boolean;
  /** Asks for the redraw held back, once the press ends. */
  later(): void;
}

/** A press longer than this is no click in progress: the popup redraws again. */
export const LONGEST_HOLD_MS = 5_000;

export function holdWhilePressed(root: HTMLElement, win: Window, redraw: () => void): PressHold {
  let pressed = false;
  let pressedAt = 0;
  let waiting = false;
  const flush = () => {
    if (!waiting) return;
    waiting = false;
    redraw();
  };
  const release = () => {
    if (!pressed) return;
    // After the click that the release makes, which the browser dispatches in the same task.
    win.setTimeout(() => {
      pressed = false;
      flush();
    }, 0);
  };
  const press = () => {
    pressed = true;
    pressedAt = Date.now();
  };
  root.addEventListener('pointerdown', press);
  root.addEventListener('keydown', (event) => {
    if (event.key === ' ') press();
  });
  // On the window: the pointer may be released outside the part pressed, or outside the popup.
  // A drop-down list that a press opened may take the release itself, so the choice made
  // there (`change`) and any click end the hold too; so does the hold's age, for a release
  // the popup never hears of.
  for (const type of ['pointerup', 'pointercancel', 'keyup', 'click', 'change'])
    win.addEventListener(type, release, { capture: true });
  // The popup's window losing focus; not a control's blur, which the press itself causes.
  win.addEventListener('blur', (event) => {
    if (event.target === win) release();
  });
  return {
    pressed: () => pressed && Date.now() - pressedAt < LONGEST_HOLD_MS,
    later() {
      if (waiting) return;
      waiting = true;
      win.setTimeout(flush, pressedAt + LONGEST_HOLD_MS - Date.now());
    },
  };
}
