// The last module: watches the page and the popup's questions, and starts the first batch.
(() => {
  'use strict';

  const { api, state, isOwn } = vetted;
  const { scheduler, status } = vetted;

  function onMutations(records) {
    for (const record of records) {
      if (record.attributeName === 'class') vetted.theme.follow(); // <html>'s class: the page's theme
      else if (record.type === 'attributes') status.summarizeLater(); // a column of cards shown or hidden
      else if (vetted.core && state.active) collect(record);
    }
    scheduler.schedule();
  }

  /** The cards a mutation may have changed or added, for the next batch. */
  function collect(record) {
    const added = [...record.addedNodes];
    if (record.type === 'childList' && [...added, ...record.removedNodes].every(isOwn)) return;
    if (record.removedNodes.length) state.recount = true;
    const target = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const card = target && vetted.cards.cardHolding(target);
    if (card) state.pending.add(card);
    for (const node of added) {
      if (node.nodeType !== 1 || isOwn(node)) continue;
      for (const found of vetted.cards.candidates(node)) state.pending.add(found);
    }
  }

  api.runtime.onMessage.addListener((message, _sender, reply) => {
    if (message && message.type === 'vetted:status') reply(status.report());
  });

  const observer = new MutationObserver(onMutations);
  // Of other attributes, only `hidden`: the manager shows and hides whole columns of cards by it.
  observer.observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'],
  });
  // The page switches its theme without a reload: of attributes, only <html>'s class is watched.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  addEventListener('popstate', scheduler.schedule);
  // On the invitations page the core starts loading now, not one frame later.
  if (vetted.onInvitationsPage()) vetted.coreClient.load().catch(() => {}); // flush() awaits it and reports
  scheduler.schedule();
})();
