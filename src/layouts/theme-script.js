// Runs before the first paint so the page never flashes the wrong theme. Inlined into every page by BaseLayout;
// the Content-Security-Policy allows it by the hash of this file's text.
(() => {
  let stored = null;
  try {
    stored = localStorage.getItem('aif-c01:theme');
  } catch {
    // Storage blocked: follow the system.
  }
  const dark = stored === 'dark' || (stored !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
