// Leaving the page (reload, closing the window) with input not yet in the record asks first. Each form
// with unsaved input registers itself while it has some.
import { useEffect } from 'react';

const dirty = new Set<symbol>();
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeunload', (e) => {
    if (dirty.size === 0) return;
    e.preventDefault();
    // Older engines need returnValue set to show the dialog.
    e.returnValue = '';
  });
}

export function useUnsavedGuard(hasUnsaved: boolean): void {
  useEffect(() => {
    if (!hasUnsaved) return;
    install();
    const me = Symbol('unsaved');
    dirty.add(me);
    return () => {
      dirty.delete(me);
    };
  }, [hasUnsaved]);
}
