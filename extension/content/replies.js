// The reply the explanation offers to copy: the user's own for the deciding rule first, then
// Vetted's in the sender's language where it has one (English, German, French), then the others.
// The sender's language is read off the card's own words (its note, its headline), not the
// page's: LinkedIn writes its page in the user's language, the sender writes in theirs.
vetted.replies = (() => {
  'use strict';

  const { t } = vetted;

  // Vetted's replies in every language it has, written in from extension/_locales by
  // extension/tools/manifest.mjs: { en: { reply_R6: "Hi $1, …" }, de: {…}, fr: {…} }. Left
  // empty (the module loaded alone, in tests), the browser's language is the only one.
  const TEMPLATES = /* VETTED_REPLY_TEMPLATES */ {};
  const NAMES = { en: 'English', de: 'Deutsch', fr: 'Français' }; // each in its own words

  // Words common in notes and headlines of one language and rare in the other two.
  const MARKERS = {
    en: ['i', 'you', 'your', 'and', 'the', 'with', 'would', 'like', 'to', 'my', 'we', 'at', 'hi', 'hello', 'thanks', 'love', 'connect'],
    de: ['ich', 'sie', 'ihr', 'ihre', 'ihnen', 'und', 'mit', 'bei', 'für', 'gerne', 'würde', 'mich', 'freue', 'uns', 'wir', 'hallo', 'vernetzen', 'über', 'auch', 'nicht'],
    fr: ['je', 'vous', 'votre', 'vos', 'et', 'avec', 'pour', 'chez', 'les', 'des', 'une', 'suis', 'nous', 'bonjour', 'merci', 'réseau', 'serait', 'échanger', 'plaisir'],
  };
  const LANGUAGE_OF = new Map(Object.entries(MARKERS).flatMap(([lang, words]) => words.map((w) => [w, lang])));

  /** The card's words as the sender wrote them: its text outside buttons (the page's own
   *  words). Vetted's badges are in shadow trees, which the walk does not enter. */
  function senderWords(card) {
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('button') ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT),
    });
    const words = [];
    while (walker.nextNode()) words.push(...walker.currentNode.data.toLowerCase().split(/[^\p{L}]+/u));
    return words;
  }

  /** The language of most marker words in `words`, when clearly ahead of the others; else null. */
  function languageOf(words) {
    const score = { en: 0, de: 0, fr: 0 };
    for (const word of words) {
      const lang = LANGUAGE_OF.get(word);
      if (lang) score[lang] += 1;
    }
    const [first, second] = Object.entries(score).sort((a, b) => b[1] - a[1]);
    return first[1] >= 2 && first[1] > second[1] ? first[0] : null;
  }

  /** The replies to offer for a card, best first: `{ id, label, text }`. */
  function choices(card, result) {
    const offered = [];
    if (result.reply) offered.push({ id: 'own', label: t('own_reply'), text: result.reply });
    const browser = t('lang');
    const sender = languageOf(senderWords(card)) ?? browser;
    const langs = [...new Set([sender, browser, ...Object.keys(TEMPLATES)])];
    for (const lang of langs) {
      const template = lang === browser ? t(result.reply_key, result.first_name) : TEMPLATES[lang]?.[result.reply_key]?.replaceAll('$1', result.first_name);
      if (template && template !== result.reply_key) offered.push({ id: lang, label: NAMES[lang] ?? lang, text: template });
    }
    return offered;
  }

  return { choices, languageOf };
})();
