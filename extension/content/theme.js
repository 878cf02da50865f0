// The page's theme, which the badges and the summary follow: the page's own mark for it, as the
// core's profile gives its marks (`dark` and `light`: selectors of <html> or <body>), else the
// page's background, else the system's setting.
vetted.theme = (() => {
  'use strict';

  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  let theme = null; // 'light' | 'dark', as the shared stylesheet shows it

  function pageTheme() {
    const profile = vetted.core?.profile;
    for (const node of profile ? [document.documentElement, document.body] : []) {
      if (!node) continue;
      if (node.matches(profile.dark)) return 'dark';
      if (node.matches(profile.light)) return 'light';
    }
    const list = profile && document.querySelector(profile.list);
    const luminance = backgroundLuminance(list || document.body);
    if (luminance !== null) return luminance < 0.18 ? 'dark' : 'light';
    return systemDark.matches ? 'dark' : 'light';
  }

  /** The relative luminance (WCAG) of the first opaque background behind `node`, or null. */
  function backgroundLuminance(node) {
    for (let at = node; at; at = at.parentElement) {
      const [r, g, b, a = 1] = (getComputedStyle(at).backgroundColor.match(/^rgba?\(([^)]*)\)/)?.[1] ?? '')
        .split(/[\s,/]+/).map(Number);
      if (!(a >= 0.5)) continue; // transparent, or a colour not written as rgb()
      const linear = (c) => (c <= 10 ? c / 3295 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }
    return null;
  }

  /** Restyles every badge and the summary at once (one shared sheet) when the theme changed.
   *  Nothing before the core is loaded: no badge shows yet, and its profile has the marks. */
  function follow() {
    if (!vetted.core) return;
    const next = pageTheme();
    if (next === theme) return;
    theme = next;
    vetted.badge.restyle(theme);
  }

  /** The theme the badges show, worked out if not yet. */
  function current() {
    theme ??= pageTheme();
    return theme;
  }

  // The system's setting, which decides where the page says nothing.
  systemDark.addEventListener('change', follow);

  return { follow, current, pageTheme };
})();
