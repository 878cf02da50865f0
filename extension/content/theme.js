// LinkedIn's theme, which the badges and the summary follow.
vetted.theme = (() => {
  'use strict';

  // LinkedIn's own setting (Settings > Display > Dark mode), whatever the system's, marks <html>:
  // `theme--dark` (with `theme--mercado-dark`) in dark, `theme--mercado` or `theme--light` in
  // light. Without a mark the page's own background decides, and without one either the system.
  const DARK_MARKS = ['theme--dark', 'theme--mercado-dark'];
  const LIGHT_MARKS = ['theme--light', 'theme--mercado'];
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  let theme = null; // 'light' | 'dark', as the shared stylesheet shows it

  function pageTheme() {
    for (const marks of [document.documentElement.classList, document.body?.classList]) {
      if (!marks) continue;
      if (DARK_MARKS.some((mark) => marks.contains(mark))) return 'dark';
      if (LIGHT_MARKS.some((mark) => marks.contains(mark))) return 'light';
    }
    const list = vetted.core && document.querySelector(vetted.core.profile.list);
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

  /** Restyles every badge and the summary at once (one shared sheet) when the theme changed. */
  function follow() {
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
