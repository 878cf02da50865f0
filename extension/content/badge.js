// The badge (docs/ARCHITECTURE.md, From a card to its badge): a `span` host with a shadow root
// (content scripts have no custom elements registry), so that LinkedIn's styles and Vetted's
// cannot touch each other, and one stylesheet shared by every badge and the summary.
vetted.badge = (() => {
  'use strict';

  const { t, element, hosts } = vetted;

  const STYLE = `
    :host { all: initial; display: inline-block; margin-inline-start: 8px;
      vertical-align: middle; font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
    /* A badge is inline, kept on one line: inline-block hosts cost the page's layout a third
       more on 1,000 cards (./build.sh bench). */
    :host([data-vetted-verdict]) { display: inline; white-space: nowrap; }
    .badge { display: inline; cursor: pointer; outline: none; }
    /* The anchor only while its explanation shows: a thousand anchors cost every frame's
       paint a third more (./build.sh bench --profile). */
    .badge[aria-expanded="true"] { anchor-name: --vetted-badge; }
    .badge:focus-visible { box-shadow: 0 0 0 2px #fff, 0 0 0 4px #0a66c2; }
    .verdict { padding: 1px 8px; border-radius: 10px; color: #fff; }
    .accept { background: #0b7a3b; } .consider { background: #9a5b00; } .refuse { background: #c0262d; }
    .nonote { cursor: pointer; margin-inline-start: 4px; padding: 0 6px; border-radius: 10px; border: 1px solid #9a5b00; color: #7a4800; background: #fff8e6; font-weight: 500; }
    /* The explanation is a popover (the top layer: no card or list of LinkedIn's clips it),
       placed by CSS anchor positioning: below the badge, else above, else across; never off
       screen, whatever the window's size or the badge's place. The anchor name is scoped to
       each badge's shadow tree, so every explanation finds its own badge. */
    .why { position: fixed; inset: auto; margin: 6px 0; position-anchor: --vetted-badge;
      position-area: block-end span-inline-end;
      position-try-fallbacks: flip-inline, flip-block, flip-block flip-inline, block-end, block-start;
      position-visibility: anchors-visible;
      box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
      max-height: calc(100vh - 16px); overflow: auto; border: 0; padding: 10px 12px; border-radius: 8px;
      background: #1d2226; color: #f3f2ef; font-weight: 400; box-shadow: 0 4px 16px rgba(0,0,0,.3); white-space: normal; }
    .why p { margin: 0 0 6px; } .why b { font-weight: 600; } .why q { font-style: italic; color: #c7c7c7; }
    .actions { display: flex; gap: 6px; margin-top: 8px; }
    button { font: inherit; font-weight: 600; padding: 3px 10px; border-radius: 12px; cursor: pointer;
      border: 1px solid #9ec3ec; background: transparent; color: #cfe3fa; }
    button:hover { background: #2b3a4a; } button:focus-visible { outline: 2px solid #9ec3ec; outline-offset: 1px; }
    .done { color: #9fd8b0; align-self: center; }
    .reply { display: flex; flex-direction: column; gap: 6px; margin-top: 8px; }
    textarea, select { font: inherit; font-weight: 400; color: #1d2226; background: #fff; border: 1px solid #9ec3ec;
      border-radius: 6px; padding: 4px 6px; }
    textarea { box-sizing: border-box; inline-size: min(330px, calc(100vw - 48px)); resize: vertical; }
    textarea:focus-visible, select:focus-visible { outline: 2px solid #9ec3ec; outline-offset: 1px; }
    .summary { display: block; margin: 8px 0; padding: 8px 12px; border-radius: 8px; font-weight: 500;
      background: #eef3f8; color: #1d2226; white-space: normal; }
    .summary .count { color: #0a4a8a; border-color: #0a66c2; background: #fff; }
    .summary .count:hover { background: #dce9f7; } .summary .count:disabled { cursor: default; opacity: .6; }
    .summary .count:focus-visible { outline-color: #0a66c2; }
  `;

  // Added to STYLE in the page's dark theme (theme.js): the popup's dark colours, each pair at
  // least 7:1 (the light ones at least 5.4:1), the chip outlined so that it stands out of a
  // dark card; the explanation turns light.
  const DARK = `
    .verdict { box-shadow: inset 0 0 0 1px currentColor; }
    .accept { background: #173d23; color: #7bd88f; } .consider { background: #43340f; color: #f2c46d; }
    .refuse { background: #4a1d1a; color: #ff9a91; }
    .nonote { background: #3a2a00; color: #ffd27a; border-color: #ffd27a; }
    .badge:focus-visible { box-shadow: inset 0 0 0 1px currentColor, 0 0 0 2px #1d2226, 0 0 0 4px #70b5f9; }
    .why { background: #f3f2ef; color: #1d2226; } .why q { color: #56687a; }
    button { color: #0a66c2; border-color: #0a66c2; } button:hover { background: #e8f0fa; } .done { color: #0b7a3b; }
    textarea, select { border-color: #0a66c2; }
    .summary { background: #293138; color: #e9e6e1; }
    .summary .count { color: #9ecbff; border-color: #70b5f9; background: transparent; }
    .summary .count:hover { background: #1d3a57; } .summary .count:focus-visible { outline-color: #70b5f9; }
  `;

  // One stylesheet shared by every badge, parsed once. Constructed, not a <style> element:
  // Firefox holds a content script's inline <style> to the page's CSP, which may forbid it.
  let sheet = null;

  /** Styles every badge and the summary at once for the theme, 'light' or 'dark'. */
  function restyle(theme) {
    sheet?.replaceSync(theme === 'dark' ? STYLE + DARK : STYLE);
  }

  function createHost() {
    const host = document.createElement('span');
    hosts.add(host);
    const shadow = host.attachShadow({ mode: 'open' });
    if (!sheet) {
      sheet = new CSSStyleSheet();
      restyle(vetted.theme.current());
    }
    shadow.adoptedStyleSheets = [sheet];
    return host;
  }

  // Badges look alike but for their verdict and note mark: each kind is built once, then cloned.
  const models = new Map(); // "verdict/note" -> a badge's nodes, never shown

  /** A badge's nodes: the verdict chip, its one focusable part, and the no-note mark beside it.
   *  Few elements, because the page's next frame pays for each: on 1,000 cards, a chip wrapped
   *  in a box with a hidden explanation cost that frame 40 to 70 ms more (throwaway measurement, 11
   *  runs). The explanation comes later (explanation.js). */
  function badgeFor(verdict, note) {
    const kind = `${verdict}/${note}`;
    let model = models.get(kind);
    if (!model) {
      const word = t(`verdict_${verdict}`);
      const badge = element('span', `badge verdict ${verdict}`, word);
      badge.tabIndex = 0;
      badge.setAttribute('role', 'button');
      badge.setAttribute('aria-label', t('badge_label', word));
      model = document.createDocumentFragment();
      model.append(badge);
      // Each note state but 'present' has its mark: 'missing', 'no-reason' (note_missing, note_no_reason).
      if (note !== 'present') model.append(element('span', 'nonote', t(`note_${note.replace('-', '_')}`)));
      models.set(kind, model);
    }
    return model.cloneNode(true);
  }

  /** A badge is drawn in two steps: the verdict and the note mark here, the explanation
   *  (hidden until hover or focus) once the badge is on the page (explanation.js). */
  function fill(host, result) {
    host.setAttribute('data-vetted-verdict', result.verdict);
    host.setAttribute('data-vetted-note', result.note);
    host.setAttribute('data-vetted-rules', result.rules.join(','));
    host.shadowRoot.replaceChildren(badgeFor(result.verdict, result.note));
  }

  function remove(host) {
    vetted.status.tallyOut(host);
    host.remove();
  }

  return { createHost, badgeFor, fill, remove, restyle };
})();
