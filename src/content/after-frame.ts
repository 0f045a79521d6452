/**
 * Running something after the next frame has been rendered: from the frame's callback, a task
 * of its own then runs once the frame's style and layout are done, so reading a computed
 * colour there forces no style work. A tab the browser renders no frames for waits with it.
 */
export function afterNextFrame(win: Window & typeof globalThis, callback: () => void): void {
  const later = () => win.setTimeout(callback, 0);
  if (typeof win.requestAnimationFrame === 'function') win.requestAnimationFrame(later);
  else later();
}
