// memo-leak/no-instance-keyed-cache in plain JavaScript: a constructor function, a prototype method
// and a module-level Set of initialised widgets (autofix: Set → WeakSet).
const initialised = new Set();

export function Widget(element) {
  this.element = element;
}

Widget.prototype.init = function () {
  if (initialised.has(this)) return;
  initialised.add(this);
  this.element.dataset.ready = 'true';
};

// A registry that is enumerated is not a cache: a WeakSet could not be iterated, so it is not
// reported (unless the rule's `checkRegistries` option is on).
const live = new Set();

export class Overlay {
  constructor() {
    live.add(this);
  }

  dispose() {
    live.delete(this);
  }
}

export function closeAllOverlays() {
  for (const overlay of live) overlay.dispose();
}
